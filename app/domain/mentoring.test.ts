import { describe, expect, it } from "vitest";
import {
  attendanceRate,
  formatDuration,
  orderActions,
  sessionDateProblem,
  sessionDue,
  teamHealthFlags,
} from "./mentoring";

describe("a session's date and duration", () => {
  it("refuses a date in the future or before the cohort", () => {
    expect(sessionDateProblem("2027-02-10", "2027-01-04", "2027-02-10")).toBeNull();
    expect(sessionDateProblem("2027-01-04", "2027-01-04", "2027-02-10")).toBeNull();
    expect(sessionDateProblem("2027-02-11", "2027-01-04", "2027-02-10")).toBe(
      "The session date must be today or in the past",
    );
    expect(sessionDateProblem("2027-01-03", "2027-01-04", "2027-02-10")).toContain("4 January 2027");
  });

  it("writes a duration in hours and minutes", () => {
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(120)).toBe("2 hours");
  });
});

describe("actions", () => {
  it("puts open actions first, soonest due first, flags overdue ones, done ones last", () => {
    const ordered = orderActions(
      [
        { id: 1, dueDate: "2027-02-01", doneAt: "2027-01-30T10:00:00Z" },
        { id: 2, dueDate: "2027-02-20", doneAt: null },
        { id: 3, dueDate: "2027-02-05", doneAt: null },
      ],
      "2027-02-10",
    );
    expect(ordered.map((a) => [a.id, a.state])).toEqual([
      [3, "overdue"],
      [2, "open"],
      [1, "done"],
    ]);
  });
});

describe("team health", () => {
  const base = { cohortStartDate: "2027-01-04", today: "2027-02-10", quietDays: 14, statement: null };

  it("flags a team with no session for more than the threshold", () => {
    expect(teamHealthFlags({ ...base, lastSessionDate: "2027-01-27" })).toEqual([]);
    expect(teamHealthFlags({ ...base, lastSessionDate: "2027-01-26" })).toEqual([
      { kind: "quiet", text: "No session for 15 days" },
    ]);
    expect(teamHealthFlags({ ...base, lastSessionDate: "2027-01-26", quietDays: 21 })).toEqual([]);
  });

  it("counts from the start of the cohort when a team never met, and flags a late statement", () => {
    expect(teamHealthFlags({ ...base, lastSessionDate: null, statement: "overdue" })).toEqual([
      { kind: "quiet", text: "No session in 37 days since the start" },
      { kind: "statement", text: "Problem statement overdue" },
    ]);
    expect(teamHealthFlags({ ...base, lastSessionDate: "2027-02-09", statement: "late" })).toEqual([
      { kind: "statement", text: "Problem statement submitted late" },
    ]);
    expect(teamHealthFlags({ ...base, today: "2027-01-10", lastSessionDate: null })).toEqual([]);
  });

  it("gives attendance as a percentage", () => {
    expect(attendanceRate(3, 4)).toBe("75%");
    expect(attendanceRate(0, 0)).toBe("No sessions");
  });

  it("reminds a mentor after a week without a session, never before the cohort starts", () => {
    expect(sessionDue("2027-02-03", "2027-01-04", "2027-02-10")).toBe(true);
    expect(sessionDue("2027-02-04", "2027-01-04", "2027-02-10")).toBe(false);
    expect(sessionDue(null, "2027-01-04", "2027-01-06")).toBe(false);
    expect(sessionDue(null, "2027-01-04", "2027-01-11")).toBe(true);
    expect(sessionDue(null, "2027-01-04", "2027-01-01")).toBe(false);
  });
});
