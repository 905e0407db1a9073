import { describe, expect, it } from "vitest";
import { dueForAnonymisation, retentionEndsOn } from "./retention";
import { parseQuestionList, phaseState } from "./skills";

const cohort = (startDate: string, retentionMonths = 24) => ({ startDate, weeks: 12, retentionMonths });

describe("retention", () => {
  it("ends the retention period the given months after the cohort's last day", () => {
    expect(retentionEndsOn(cohort("2024-01-01"))).toBe("2026-03-24");
    expect(retentionEndsOn(cohort("2024-01-01", 6))).toBe("2024-09-24");
  });

  it("anonymises only people whose every cohort ended longer ago than the period", () => {
    const due = dueForAnonymisation(
      [
        { personId: 1, anonymisedAt: null, isAdmin: false, cohorts: [cohort("2023-01-02")] },
        {
          personId: 2,
          anonymisedAt: null,
          isAdmin: false,
          cohorts: [cohort("2023-01-02"), cohort("2026-01-05")],
        },
        {
          personId: 3,
          anonymisedAt: "2026-01-01T00:00:00Z",
          isAdmin: false,
          cohorts: [cohort("2020-01-06")],
        },
        { personId: 4, anonymisedAt: null, isAdmin: true, cohorts: [cohort("2020-01-06")] },
        { personId: 5, anonymisedAt: null, isAdmin: false, cohorts: [] },
        { personId: 6, anonymisedAt: null, isAdmin: false, cohorts: [cohort("2023-01-02", 60)] },
      ],
      "2026-11-23",
    );
    expect(due).toEqual([1]);
  });

  it("keeps people on the last day of the period and anonymises them the day after", () => {
    const people = [{ personId: 1, anonymisedAt: null, isAdmin: false, cohorts: [cohort("2024-01-01")] }];
    expect(dueForAnonymisation(people, "2026-03-24")).toEqual([]);
    expect(dueForAnonymisation(people, "2026-03-25")).toEqual([1]);
  });
});

describe("the skills questionnaire", () => {
  it("takes answers until the end of the deadline day", () => {
    const window = { openedAt: "2027-01-04T09:00:00Z", deadline: "2027-01-18" };
    expect(phaseState(null, "2027-01-10")).toBe("not-open");
    expect(phaseState(window, "2027-01-18")).toBe("open");
    expect(phaseState(window, "2027-01-19")).toBe("closed");
  });

  it("reads one question per line and refuses an empty list or duplicates", () => {
    expect(parseQuestionList(" Data \n\nCloud\n")).toEqual({ ok: true, questions: ["Data", "Cloud"] });
    expect(parseQuestionList("  \n")).toMatchObject({ ok: false });
    expect(parseQuestionList("Data\ndata")).toEqual({ ok: false, error: "“data” is in the list twice" });
  });
});
