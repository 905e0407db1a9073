import { describe, expect, it } from "vitest";
import { EMPTY_STATEMENT, type StatementText } from "./problem-statement";
import { mergeStatements } from "./statement-merge";

const base: StatementText = {
  title: "Refunds are slow",
  category: "operational",
  department: "HMRC",
  problem: "Refunds take weeks",
  affected: "Taxpayers",
  evidence: "Complaints",
  approach: "Automate checks",
  success_measures: "Days to refund",
};

describe("merging two edits of a statement made from the same version", () => {
  it("takes a field changed on one side only from that side", () => {
    const mine = { ...base, evidence: "Helpline logs" };
    const theirs = { ...base, department: "HM Revenue & Customs" };
    expect(mergeStatements(base, mine, theirs)).toEqual({
      text: { ...base, evidence: "Helpline logs", department: "HM Revenue & Customs" },
      conflicts: [],
      fromTheirs: ["department"],
    });
  });

  it("takes a field changed the same way on both sides, without calling it a conflict", () => {
    const mine = { ...base, title: "Refund delays" };
    const theirs = { ...base, title: "Refund delays" };
    expect(mergeStatements(base, mine, theirs)).toEqual({ text: mine, conflicts: [], fromTheirs: [] });
  });

  it("calls a field changed differently on both sides a conflict, keeping mine in the text for now", () => {
    const mine = { ...base, title: "Mine", problem: "My problem", approach: "My approach" };
    const theirs = { ...base, title: "Theirs", problem: "Their problem", evidence: "Their evidence" };
    expect(mergeStatements(base, mine, theirs)).toEqual({
      text: {
        ...base,
        title: "Mine",
        problem: "My problem",
        approach: "My approach",
        evidence: "Their evidence",
      },
      conflicts: ["title", "problem"],
      fromTheirs: ["evidence"],
    });
  });

  it("merges the category radios like the text fields", () => {
    expect(
      mergeStatements(base, { ...base, category: "policy" }, { ...base, category: "technology" }).conflicts,
    ).toEqual(["category"]);
    expect(mergeStatements(base, base, { ...base, category: "policy" })).toEqual({
      text: { ...base, category: "policy" },
      conflicts: [],
      fromTheirs: ["category"],
    });
    expect(mergeStatements(base, { ...base, category: null }, base).text.category).toBeNull();
  });

  it("counts a field emptied on one side as a change, and one filled on both from nothing as a conflict", () => {
    expect(mergeStatements(base, base, { ...base, evidence: "" }).text.evidence).toBe("");
    const merged = mergeStatements(EMPTY_STATEMENT, { ...EMPTY_STATEMENT, title: "A" }, { ...base });
    expect(merged.conflicts).toEqual(["title"]);
    expect(merged.fromTheirs).toEqual([
      "category",
      "department",
      "problem",
      "affected",
      "evidence",
      "approach",
      "success_measures",
    ]);
  });

  it("does not see a difference in line endings or surrounding spaces", () => {
    const mine = { ...base, problem: "Refunds\r\ntake weeks " };
    const theirs = { ...base, problem: "Refunds\ntake weeks" };
    const merged = mergeStatements({ ...base, problem: "Old" }, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs).toEqual([]);
  });
});
