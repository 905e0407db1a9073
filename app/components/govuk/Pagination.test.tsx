// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Pagination } from "./Pagination";
import { expectToMatchFixture } from "./test-helpers";

describe("Pagination", () => {
  it.each([
    [
      "default",
      <Pagination
        key="default"
        previous={{ href: "/previous" }}
        next={{ href: "/next" }}
        items={[
          { number: 1, href: "/page/1" },
          { number: 2, href: "/page/2", current: true },
          { number: 3, href: "/page/3" },
        ]}
      />,
    ],
    [
      "with many pages",
      <Pagination
        key="many"
        previous={{ href: "/previous" }}
        next={{ href: "/next" }}
        items={[
          { number: 1, href: "/page/1" },
          { ellipsis: true },
          { number: 8, href: "/page/8" },
          { number: 9, href: "/page/9" },
          { number: 10, href: "/page/10", current: true },
          { number: 11, href: "/page/11" },
          { number: 12, href: "/page/12" },
          { ellipsis: true },
          { number: 40, href: "/page/40" },
        ]}
      />,
    ],
    [
      "first page",
      <Pagination
        key="first"
        next={{ href: "/next" }}
        items={[
          { number: 1, href: "/page/1", current: true },
          { number: 2, href: "/page/2" },
          { number: 3, href: "/page/3" },
        ]}
      />,
    ],
    [
      "last page",
      <Pagination
        key="last"
        previous={{ href: "/previous" }}
        items={[
          { number: 1, href: "/page/1" },
          { number: 2, href: "/page/2" },
          { number: 3, href: "/page/3", current: true },
        ]}
      />,
    ],
    [
      "with prev and next only",
      <Pagination key="prev-next" previous={{ href: "/previous" }} next={{ href: "/next" }} />,
    ],
    [
      "with prev and next only and labels",
      <Pagination
        key="labels"
        previous={{ text: "Previous page", labelText: "Paying VAT and duty", href: "/previous" }}
        next={{ text: "Next page", labelText: "Registering an imported vehicle", href: "/next" }}
      />,
    ],
    ["with previous only", <Pagination key="previous" previous={{ href: "/previous" }} />],
    ["with next only", <Pagination key="next" next={{ href: "/next" }} />],
    [
      "with custom navigation landmark",
      <Pagination
        key="landmark"
        landmarkLabel="search"
        previous={{ href: "/previous" }}
        next={{ href: "/next" }}
        items={[
          { number: 1, href: "/page/1" },
          { number: 2, href: "/page/2", current: true },
          { number: 3, href: "/page/3" },
        ]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "pagination", fixture);
  });

  it("marks the current page", () => {
    render(
      <Pagination
        next={{ href: "?page=2" }}
        items={[
          { number: 1, href: "?page=1", current: true },
          { number: 2, href: "?page=2" },
        ]}
      />,
    );
    expect(screen.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Page 2" }).hasAttribute("aria-current")).toBe(false);
    expect(screen.getByRole("link", { name: "Next page" }).getAttribute("rel")).toBe("next");
  });
});
