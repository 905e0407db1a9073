// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ErrorSummary } from "./ErrorSummary";
import { Input } from "./Input";
import { expectToMatchFixture } from "./test-helpers";

describe("ErrorSummary", () => {
  it.each([
    [
      "default",
      <ErrorSummary
        key="default"
        errors={[
          { text: "The date your passport was issued must be in the past", href: "#example-error-1" },
          { text: "Enter a postcode, like AA1 1AA", href: "#example-error-2" },
        ]}
      />,
    ],
    ["without links", <ErrorSummary key="no-links" errors={[{ text: "Invalid username or password" }]} />],
    [
      "mixed with and without links",
      <ErrorSummary
        key="mixed"
        errors={[
          { text: "Invalid username or password" },
          { text: "Agree to the terms of service to log in", href: "#example-error-1" },
        ]}
      />,
    ],
    [
      "with everything",
      <ErrorSummary
        key="everything"
        description="Please fix the errors below."
        errors={[
          { text: "Invalid username or password" },
          { text: "Agree to the terms of service to log in", href: "#example-error-1" },
        ]}
      />,
    ],
    [
      "html as titleText",
      <ErrorSummary
        key="title"
        title="Alert, <em>alert</em>"
        errors={[{ text: "Invalid username or password" }]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "error-summary", fixture);
  });

  it("renders nothing without errors", () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container.innerHTML).toBe("");
  });

  it("links each error to its field and takes focus", () => {
    render(
      <form>
        <ErrorSummary
          errors={[
            { href: "#full-name", text: "Enter your full name" },
            { href: "#email", text: "Enter your email address" },
          ]}
        />
        <Input id="full-name" name="fullName" label="Full name" error="Enter your full name" />
        <Input id="email" name="email" label="Email address" error="Enter your email address" />
      </form>,
    );
    for (const [name, label] of [
      ["Enter your full name", "Full name"],
      ["Enter your email address", "Email address"],
    ] as const) {
      const href = screen.getByRole("link", { name }).getAttribute("href") ?? "";
      expect(document.querySelector(href)).toBe(screen.getByLabelText(label));
    }

    const summary = screen.getByRole("alert").parentElement;
    expect(document.activeElement).toBe(summary);
    expect(summary?.getAttribute("tabindex")).toBe("-1");
    summary?.blur();
    expect(summary?.hasAttribute("tabindex")).toBe(false);
  });
});
