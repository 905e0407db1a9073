import { describe, expect, it } from "vitest";
import { labelItems, recordItems } from "./items";

const STATUSES = { planning: "Planning", running: "Running" } as const;

describe("labelItems", () => {
  it("makes one item a label, in the table's order, valued by its key", () => {
    expect(labelItems(STATUSES)).toEqual([
      { value: "planning", text: "Planning" },
      { value: "running", text: "Running" },
    ]);
  });

  it("gives each item the hint written for its value", () => {
    expect(labelItems(STATUSES, { running: "Under way" })).toEqual([
      { value: "planning", text: "Planning", hint: undefined },
      { value: "running", text: "Running", hint: "Under way" },
    ]);
  });
});

describe("recordItems", () => {
  it("puts the empty choice first, then each record valued by its id", () => {
    const teams = [
      { id: 7, label: "Team 1" },
      { id: 3, label: "Team 2" },
    ];
    expect(recordItems("Choose a team", teams, (t) => t.label)).toEqual([
      { value: "", text: "Choose a team" },
      { value: "7", text: "Team 1" },
      { value: "3", text: "Team 2" },
    ]);
  });

  it("offers only the empty choice when there are no records", () => {
    expect(recordItems("Anyone", [], () => "never")).toEqual([{ value: "", text: "Anyone" }]);
  });
});
