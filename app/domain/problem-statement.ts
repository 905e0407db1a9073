// Problem statements: the fields, what submitting needs, the mentors' sign-off rules and the deadline.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { defaultMilestones, PROGRAMME_TIME_ZONE } from "./calendar";
import {
  type ReviewDecision,
  STATEMENT_CATEGORIES,
  STATEMENT_STATUSES,
  type StatementCategory,
  type StatementStatus,
} from "./vocabulary";

/** The longest a text field may be (the title has its own, shorter limit). */
export const STATEMENT_FIELD_LIMIT = 20_000;
export const STATEMENT_TITLE_LIMIT = 200;

export type StatementFieldName =
  | "title"
  | "category"
  | "department"
  | "problem"
  | "affected"
  | "evidence"
  | "approach"
  | "success_measures";

export type StatementField = {
  name: StatementFieldName;
  label: string;
  hint?: string;
  kind: "input" | "textarea" | "radios";
  max: number;
};

export const STATEMENT_FIELDS: StatementField[] = [
  { name: "title", label: "Title", kind: "input", max: STATEMENT_TITLE_LIMIT },
  { name: "category", label: "Category", kind: "radios", max: 20 },
  {
    name: "department",
    label: "Department or service it concerns",
    hint: "For example, HM Revenue & Customs: Self Assessment",
    kind: "input",
    max: 500,
  },
  { name: "problem", label: "The problem", kind: "textarea", max: STATEMENT_FIELD_LIMIT },
  {
    name: "affected",
    label: "Who it affects and what they need",
    kind: "textarea",
    max: STATEMENT_FIELD_LIMIT,
  },
  {
    name: "evidence",
    label: "Evidence",
    hint: "What you have seen, read or measured that shows the problem is real",
    kind: "textarea",
    max: STATEMENT_FIELD_LIMIT,
  },
  { name: "approach", label: "Proposed approach", kind: "textarea", max: STATEMENT_FIELD_LIMIT },
  {
    name: "success_measures",
    label: "How success would be measured",
    kind: "textarea",
    max: STATEMENT_FIELD_LIMIT,
  },
];

export const CATEGORY_LABELS = STATEMENT_CATEGORIES;

export const STATUS_LABELS = { none: "Not started", ...STATEMENT_STATUSES } as const;

export const STATUS_COLOURS = {
  none: "grey",
  draft: "light-blue",
  submitted: "blue",
  changes_requested: "orange",
  approved: "green",
} as const;

export type StatementText = Record<Exclude<StatementFieldName, "category">, string> & {
  category: StatementCategory | null;
};

export const EMPTY_STATEMENT: StatementText = {
  title: "",
  category: null,
  department: "",
  problem: "",
  affected: "",
  evidence: "",
  approach: "",
  success_measures: "",
};

/** The fields a statement must have before it can be submitted (every one). */
export function missingFields(text: StatementText): StatementField[] {
  return STATEMENT_FIELDS.filter((field) => {
    const value = text[field.name];
    return value === null || value.trim() === "";
  });
}

/** The team can change the statement while it is a draft or the mentors asked for changes. */
export function mayEdit(status: StatementStatus | null): boolean {
  return status === null || status === "draft" || status === "changes_requested";
}

export function maySubmit(status: StatementStatus | null, savedVersions: number): boolean {
  return savedVersions > 0 && (status === "draft" || status === "changes_requested");
}

export type Review = { mentorId: number; versionNumber: number; decision: ReviewDecision; at: string };

/**
 * Where a submitted version stands with its mentors: approved when every mentor of the team (both, in a
 * pair) approves it; back with the team when any of them asks for changes; otherwise still with them.
 * A mentor's latest decision on that version counts.
 */
export function reviewOutcome(
  mentorIds: number[],
  reviews: Review[],
  versionNumber: number,
): "approved" | "changes_requested" | "submitted" {
  const latest = new Map<number, Review>();
  for (const review of reviews) {
    if (review.versionNumber !== versionNumber || !mentorIds.includes(review.mentorId)) continue;
    const earlier = latest.get(review.mentorId);
    if (!earlier || earlier.at <= review.at) latest.set(review.mentorId, review);
  }
  const decisions = [...latest.values()].map((r) => r.decision);
  if (decisions.includes("changes_requested")) return "changes_requested";
  if (mentorIds.length > 0 && mentorIds.every((id) => latest.get(id)?.decision === "approved"))
    return "approved";
  return "submitted";
}

/** The mentors who have not yet decided on a submitted version. */
export function awaitingReview(mentorIds: number[], reviews: Review[], versionNumber: number): number[] {
  return mentorIds.filter(
    (id) => !reviews.some((r) => r.mentorId === id && r.versionNumber === versionNumber),
  );
}

/**
 * The date statements are due: the cohort's "problem statement due" milestone as the coordinator moved it,
 * else where that milestone falls by default (the end of week 4 of a 12-week cohort).
 */
export function statementDeadline(
  cohortStartDate: string,
  weeks: number,
  milestones: Array<{ kind: string; date: string }> = [],
): string {
  const milestone =
    milestones.find((m) => m.kind === "problem-statement") ??
    defaultMilestones(cohortStartDate, weeks).find((m) => m.kind === "problem-statement");
  if (!milestone) throw new Error("Every cohort has a problem statement milestone");
  return milestone.date;
}

/** The London calendar date an instant falls on. */
export function londonDate(iso: string): string {
  return format(new TZDate(iso, PROGRAMME_TIME_ZONE), "yyyy-MM-dd");
}

/** A statement first submitted after the day it was due is late. */
export function isLate(firstSubmittedAt: string | null, deadline: string): boolean {
  return firstSubmittedAt !== null && londonDate(firstSubmittedAt) > deadline;
}

export type DeadlineState = "on-time" | "late" | "due" | "overdue";

/**
 * Submitted on time or late; not submitted yet and still due, or overdue (the deadline has passed). Once
 * submitted, a later return for changes does not make a statement late.
 */
export function deadlineState(
  firstSubmittedAt: string | null,
  deadline: string,
  today: string,
): DeadlineState {
  if (firstSubmittedAt !== null) return isLate(firstSubmittedAt, deadline) ? "late" : "on-time";
  return today > deadline ? "overdue" : "due";
}
