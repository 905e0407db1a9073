// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ServiceNavigation } from "./ServiceNavigation";
import { expectToMatchFixture } from "./test-helpers";

const SERVICE = "Apply for a juggling license";

describe("ServiceNavigation", () => {
  it.each([
    [
      "with service link",
      <ServiceNavigation key="link" serviceName="Service name" serviceUrl="#/" items={[]} />,
    ],
    [
      "with long service name",
      <ServiceNavigation
        key="long"
        serviceName="Apply to receive a rare holofoil Charizard Pokémon card from the King"
        serviceUrl="#/"
        items={[]}
      />,
    ],
    [
      "with service name and navigation",
      <ServiceNavigation
        key="navigation"
        serviceName={SERVICE}
        serviceUrl="#/"
        items={[
          { href: "#/1", text: "Navigation item 1" },
          { href: "#/2", text: "Navigation item 2", active: true },
          { href: "#/3", text: "Navigation item 3" },
          { href: "#/4", text: "Navigation item 4" },
        ]}
      />,
    ],
    [
      "with a single navigation item",
      <ServiceNavigation
        key="single"
        serviceName={SERVICE}
        serviceUrl="#/"
        items={[{ href: "#/1", text: "Log out" }]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "service-navigation", fixture);
  });

  it("marks the current page and labels the navigation", () => {
    render(
      <ServiceNavigation
        serviceName="Tandem"
        serviceUrl="/"
        ariaLabel="Main navigation"
        items={[
          { href: "/dashboard", text: "Dashboard", current: true },
          { href: "/sessions", text: "Sessions" },
        ]}
      />,
    );
    const nav = screen.getByRole("navigation", { name: "Main navigation" });
    expect(nav.querySelector("button")?.hidden).toBe(true);
    expect(screen.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Sessions" }).hasAttribute("aria-current")).toBe(false);
    expect(screen.getByRole("region", { name: "Service information" })).toBeTruthy();
  });
});
