import { describe, expect, it } from "vitest";
import {
  awaitingReview,
  deadlineState,
  EMPTY_STATEMENT,
  isLate,
  mayEdit,
  maySubmit,
  missingFields,
  type Review,
  reviewOutcome,
  statementDeadline,
} from "./problem-statement";

const review = (
  mentorId: number,
  decision: Review["decision"],
  versionNumber = 2,
  at = "2027-02-01T10:00:00Z",
) => ({
  mentorId,
  decision,
  versionNumber,
  at,
});

describe("the mentors' sign-off", () => {
  const mentors = [11, 12];

  it("approves only when both mentors approve the submitted version", () => {
    expect(reviewOutcome(mentors, [], 2)).toBe("submitted");
    expect(reviewOutcome(mentors, [review(11, "approved")], 2)).toBe("submitted");
    expect(reviewOutcome(mentors, [review(11, "approved"), review(12, "approved")], 2)).toBe("approved");
  });

  it("returns the statement to the team when either mentor asks for changes", () => {
    expect(reviewOutcome(mentors, [review(11, "approved"), review(12, "changes_requested")], 2)).toBe(
      "changes_requested",
    );
    expect(reviewOutcome(mentors, [review(12, "changes_requested")], 2)).toBe("changes_requested");
  });

  it("ignores decisions on other versions and from people who are not the team's mentors", () => {
    const reviews = [review(11, "approved", 1), review(12, "approved"), review(99, "approved")];
    expect(reviewOutcome(mentors, reviews, 2)).toBe("submitted");
    expect(awaitingReview(mentors, reviews, 2)).toEqual([11]);
  });

  it("counts a mentor's latest decision on the version", () => {
    const reviews = [
      review(11, "changes_requested", 2, "2027-02-01T10:00:00Z"),
      review(11, "approved", 2, "2027-02-02T10:00:00Z"),
      review(12, "approved"),
    ];
    expect(reviewOutcome(mentors, reviews, 2)).toBe("approved");
  });

  it("never approves a statement of a team without mentors", () => {
    expect(reviewOutcome([], [review(11, "approved")], 2)).toBe("submitted");
  });
});

describe("submitting", () => {
  it("needs every field", () => {
    expect(missingFields(EMPTY_STATEMENT)).toHaveLength(8);
    const full = {
      title: "Refunds",
      category: "operational" as const,
      department: "HMRC",
      problem: "p",
      affected: "a",
      evidence: "e",
      approach: "x",
      success_measures: "s",
    };
    expect(missingFields(full)).toEqual([]);
    expect(missingFields({ ...full, evidence: "  " }).map((f) => f.name)).toEqual(["evidence"]);
    expect(missingFields({ ...full, category: null }).map((f) => f.name)).toEqual(["category"]);
  });

  it("lets the team edit and submit only a draft or a statement sent back", () => {
    expect(mayEdit(null)).toBe(true);
    expect(mayEdit("changes_requested")).toBe(true);
    expect(mayEdit("submitted")).toBe(false);
    expect(mayEdit("approved")).toBe(false);
    expect(maySubmit("draft", 0)).toBe(false);
    expect(maySubmit("draft", 1)).toBe(true);
    expect(maySubmit("submitted", 3)).toBe(false);
  });
});

describe("the deadline", () => {
  it("comes from the cohort's milestone, or where that milestone falls by default (week 4)", () => {
    expect(statementDeadline("2027-01-04", 12, [{ kind: "problem-statement", date: "2027-02-05" }])).toBe(
      "2027-02-05",
    );
    expect(statementDeadline("2027-01-04", 12, [{ kind: "mid-point", date: "2027-02-17" }])).toBe(
      "2027-01-29",
    );
    expect(statementDeadline("2027-01-04", 12)).toBe("2027-01-29");
  });

  it("marks a statement first submitted after the deadline day (London time) as late", () => {
    expect(isLate("2027-01-31T23:30:00Z", "2027-01-31")).toBe(false);
    expect(isLate("2027-02-01T00:30:00Z", "2027-01-31")).toBe(true);
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(isLate("2027-06-30T23:30:00Z", "2027-06-30")).toBe(true);
    expect(isLate(null, "2027-01-31")).toBe(false);
  });

  it("says whether an unsubmitted statement is still due or overdue", () => {
    expect(deadlineState(null, "2027-01-31", "2027-01-31")).toBe("due");
    expect(deadlineState(null, "2027-01-31", "2027-02-01")).toBe("overdue");
    expect(deadlineState("2027-01-20T10:00:00Z", "2027-01-31", "2027-03-01")).toBe("on-time");
    expect(deadlineState("2027-02-20T10:00:00Z", "2027-01-31", "2027-03-01")).toBe("late");
  });
});
