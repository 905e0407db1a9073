// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { GenericHeader } from "./GenericHeader";
import { expectToMatchFixture } from "./test-helpers";

describe("GenericHeader", () => {
  it.each([
    ["default", <GenericHeader key="default" serviceName="My cool service" />],
    [
      "custom url",
      <GenericHeader key="url" serviceName="Some logo text" homeHref="https://www.pizza.gov.uk" />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "generic-header", fixture);
  });

  it("links the Tandem name to the home page, without a crown", () => {
    const { container } = render(<GenericHeader />);
    expect(screen.getByRole("link", { name: "Tandem" }).getAttribute("href")).toBe("/");
    expect(container.querySelector("svg")).toBeNull();
  });
});
