// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TaskList } from "./TaskList";
import { expectToMatchFixture } from "./test-helpers";

describe("TaskList", () => {
  it.each([
    [
      "default",
      <TaskList
        key="default"
        items={[
          { title: "Company Directors", href: "#", status: { text: "Completed" } },
          {
            title: "Registered company details",
            href: "#",
            status: { tag: { text: "Incomplete", colour: "blue" } },
          },
          { title: "Business plan", href: "#", status: { tag: { text: "Incomplete", colour: "blue" } } },
        ]}
      />,
    ],
    [
      "with hint text and additional states",
      <TaskList
        key="states"
        items={[
          { title: "Company Directors", href: "#", status: { text: "Completed" } },
          {
            title: "Registered company details",
            href: "#",
            status: { tag: { text: "Not started", colour: "turquoise" } },
          },
          {
            title: "Business plan",
            href: "#",
            hint: "Ensure the plan covers objectives, strategies, sales, marketing and financial forecasts.",
            status: { tag: { text: "Review", colour: "pink" } },
          },
          { title: "Documentation", href: "#", status: { tag: { text: "In progress", colour: "blue" } } },
          { title: "Charitable status", href: "#", status: { tag: { text: "Error", colour: "red" } } },
          {
            title: "Payment",
            hint: "It will cost between £15 and £75",
            status: { text: "Cannot start yet", cannotStartYet: true },
          },
        ]}
      />,
    ],
    [
      "custom id prefix",
      <TaskList
        key="prefix"
        idPrefix="my-custom-id"
        items={[{ title: "A Link", hint: "Hint text", href: "#", status: { tag: { text: "Status" } } }]}
      />,
    ],
    [
      "html passed as text",
      <TaskList
        key="escaped"
        idPrefix="my-custom-id"
        items={[
          {
            title: "<strong>Linked Title</strong>",
            hint: "<strong>Hint</strong>",
            href: "#",
            status: { text: "<strong>Status</strong>" },
          },
          { title: "<strong>Unlinked Title</strong>", status: { tag: { text: "<strong>Tag</strong>" } } },
        ]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "task-list", fixture);
  });

  it("describes task links by their hint and status", () => {
    render(
      <TaskList
        items={[
          {
            title: "Complete your profile",
            href: "/profile",
            hint: "About 5 minutes",
            status: { text: "Completed" },
          },
          { title: "Choose a mentor", status: { tag: { text: "Cannot start yet", colour: "grey" } } },
        ]}
      />,
    );
    const link = screen.getByRole("link", { name: "Complete your profile" });
    expect(link.getAttribute("aria-describedby")).toBe("task-list-1-hint task-list-1-status");
    expect(document.getElementById("task-list-2-status")?.textContent).toBe("Cannot start yet");
    expect(screen.queryByRole("link", { name: "Choose a mentor" })).toBeNull();
  });
});
