// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SkipLink } from "./SkipLink";
import { expectToMatchFixture } from "./test-helpers";

describe("SkipLink", () => {
  it.each([
    ["default", <SkipLink key="default" href="#test-target-element" />],
    [
      "custom href",
      <SkipLink key="href" href="#custom">
        Skip to custom content
      </SkipLink>,
    ],
    [
      "html",
      <SkipLink key="html" href="#content">
        <p>skip</p>
      </SkipLink>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "skip-link", fixture);
  });

  it("skips to #main-content by default", () => {
    render(<SkipLink />);
    expect(screen.getByRole("link", { name: "Skip to main content" }).getAttribute("href")).toBe(
      "#main-content",
    );
  });
});
