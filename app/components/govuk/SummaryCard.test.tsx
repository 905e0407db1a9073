// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SummaryCard } from "./SummaryCard";
import { SummaryList } from "./SummaryList";
import { expectToMatchFixture } from "./test-helpers";

const ROWS = [
  { key: "Name", value: "Firstname Lastname" },
  { key: "Date of birth", value: "13/08/1980" },
];

describe("SummaryCard", () => {
  it.each([
    [
      "as a summary card with a text header",
      <SummaryCard key="text" title="Undergraduate teaching assistant">
        <SummaryList rows={ROWS} />
      </SummaryCard>,
    ],
    [
      "as a summary card with a html header",
      <SummaryCard key="html" title={<em>Undergraduate teaching assistant</em>}>
        <SummaryList rows={ROWS} />
      </SummaryCard>,
    ],
    [
      "as a summary card with actions",
      <SummaryCard
        key="actions"
        title="Undergraduate teaching assistant"
        actions={[
          { text: "Delete job history", href: "#" },
          { text: "Withdraw job history", href: "#" },
        ]}
      >
        <SummaryList rows={ROWS} />
      </SummaryCard>,
    ],
    [
      "as a summary card with actions plus summary list actions",
      <SummaryCard
        key="both-actions"
        title="Undergraduate teaching assistant"
        actions={[
          { text: "Delete job history", href: "#" },
          { text: "Withdraw job history", href: "#" },
        ]}
      >
        <SummaryList
          rows={[
            {
              key: "Name",
              value: "Firstname Lastname",
              actions: [
                { href: "#", text: "Edit", visuallyHiddenText: "name" },
                { href: "#", text: "Delete", visuallyHiddenText: "name" },
              ],
            },
            {
              key: "Date of birth",
              value: "13/08/1980",
              actions: [{ href: "#", text: "Change", visuallyHiddenText: "date of birth" }],
            },
          ]}
        />
      </SummaryCard>,
    ],
    [
      "summary card with only 1 action",
      <SummaryCard
        key="one-action"
        title="Undergraduate teaching assistant"
        actions={[{ text: "My lonely action", href: "#" }]}
      >
        <SummaryList rows={ROWS} />
      </SummaryCard>,
    ],
    [
      "as a summary card with a custom header level",
      <SummaryCard key="h3" title="Undergraduate teaching assistant" headingLevel={3}>
        <SummaryList rows={ROWS} />
      </SummaryCard>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "summary-list", fixture);
  });

  it("names the card in its rows' action links", () => {
    render(
      <SummaryCard title="Mentor preferences" actions={[{ href: "/preferences/remove", text: "Remove" }]}>
        <SummaryList
          rows={[
            {
              key: "Sector",
              value: "Health",
              actions: [{ href: "/preferences/sector", text: "Change", visuallyHiddenText: "sector" }],
            },
          ]}
        />
      </SummaryCard>,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Mentor preferences" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Change sector (Mentor preferences)" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Remove (Mentor preferences)" })).toBeTruthy();
  });
});
