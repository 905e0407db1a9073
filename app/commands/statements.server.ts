// A team's problem statement: saving a draft, submitting it to the mentors, a mentor's review, a coordinator's
// approval on the mentors' behalf, and publishing the cohort's statements.
import { mayEdit, maySubmit, missingFields, type StatementText } from "~/domain/problem-statement";
import type { ReviewDecision } from "~/domain/vocabulary";
import {
  getStatement,
  publishStatements,
  recordReviews,
  saveStatementVersion,
  submitStatement,
  versionText,
} from "~/models/problem-statement.server";
import type { Db } from "../../db/connection";
import { actingPerson } from "./mentoring.server";
import { statementReviewedMessages, statementSubmittedMessages } from "./messages.server";
import { command, conflict, type Invalid, invalid, ok } from "./runner.server";

type Team = { id: number; number: number; cohortId: number };

export const saveStatementDraft = command({
  async execute(c, input: { team: Team; baseVersion: number; text: StatementText }) {
    const saved = await saveStatementVersion(
      c.tx,
      input.team.id,
      input.baseVersion,
      input.text,
      actingPerson(c.actor),
    );
    if (!saved.ok)
      return {
        ok: false as const,
        conflict: mayEdit((await getStatement(c.tx, input.team.id))?.status ?? null)
          ? `Someone else saved version ${saved.currentNumber} while you were editing. Your text is not saved yet: check how it merges with theirs below, then save.`
          : "The statement was submitted while you were editing: your text is below, copy what you need",
      };
    c.audit({
      action: "statement.saved",
      subjectType: "team",
      subjectId: input.team.id,
      cohortId: input.team.cohortId,
      details: { version: saved.number },
    });
    return ok({ number: saved.number });
  },
});

export const submitStatementForReview = command({
  async execute(c, input: { team: Team; version: number }) {
    const statement = await getStatement(c.tx, input.team.id);
    if (!statement?.current) return invalid("submit", "Save a draft of the statement before submitting it");
    if (!maySubmit(statement.status, statement.version))
      return invalid("submit", "The statement has already been submitted");
    const missing = missingFields(versionText(statement.current));
    if (missing.length) {
      const fields = missing.map((f) => [
        `statement-${f.name}`,
        [`${f.label} is empty: fill it in before submitting`],
      ]);
      return { ok: false, invalid: Object.fromEntries(fields) } satisfies Invalid;
    }
    if (!(await submitStatement(c.tx, statement.id, input.version))) return conflict("the problem statement");
    c.audit({
      action: "statement.submitted",
      subjectType: "problem_statement",
      subjectId: statement.id,
      cohortId: input.team.cohortId,
      details: { version: input.version, team: input.team.number },
    });
    for (const message of await statementSubmittedMessages(c, input.team, input.version)) c.send(message);
    return ok();
  },
});

type Review = { team: Team; mentorIds: number[]; version: number };

/** The team's statement while `version` is the one waiting for review, or undefined. */
async function underReview(db: Db, input: Review) {
  const statement = await getStatement(db, input.team.id);
  return statement?.status === "submitted" && statement.submitted_version === input.version
    ? statement
    : undefined;
}

export const reviewStatement = command({
  async execute(c, input: Review & { decision: ReviewDecision; comment: string | null }) {
    const statement = await underReview(c.tx, input);
    if (!statement) return conflict("the problem statement");
    const mentorId = actingPerson(c.actor);
    const outcome = await recordReviews(c.tx, statement.id, input.version, input.mentorIds, [
      {
        mentorId,
        reviewerId: mentorId,
        decision: input.decision,
        comment: input.comment,
        onBehalfReason: null,
      },
    ]);
    if (!outcome) return conflict("the problem statement");
    c.audit({
      action: "statement.reviewed",
      subjectType: "problem_statement",
      subjectId: statement.id,
      cohortId: input.team.cohortId,
      details: { version: input.version, decision: input.decision, outcome },
    });
    const review = { version: input.version, outcome, comment: input.comment };
    for (const message of await statementReviewedMessages(c, input.team, review)) c.send(message);
    return ok({ outcome });
  },
});

export const approveStatementOnBehalf = command({
  async execute(c, input: Review & { reason: string }) {
    const statement = await underReview(c.tx, input);
    if (!statement) return conflict("the problem statement");
    const approvedBy = new Set(
      statement.reviews
        .filter((r) => r.version_number === input.version && r.decision === "approved")
        .map((r) => r.mentor_id),
    );
    const pending = input.mentorIds.filter((id) => !approvedBy.has(id));
    const reviewerId = actingPerson(c.actor);
    const outcome = await recordReviews(
      c.tx,
      statement.id,
      input.version,
      input.mentorIds,
      pending.map((mentorId) => ({
        mentorId,
        reviewerId,
        decision: "approved" as const,
        comment: null,
        onBehalfReason: input.reason,
      })),
    );
    if (!outcome) return conflict("the problem statement");
    c.audit({
      action: "statement.approved_on_behalf",
      subjectType: "problem_statement",
      subjectId: statement.id,
      cohortId: input.team.cohortId,
      details: { version: input.version, mentors: pending, reason: input.reason },
    });
    const review = { version: input.version, outcome, comment: null };
    for (const message of await statementReviewedMessages(c, input.team, review)) c.send(message);
    return ok({ outcome });
  },
});

export const publishCohortStatements = command({
  async execute(c, input: { cohortId: number }) {
    await publishStatements(c.tx, input.cohortId);
    c.audit({
      action: "statements.published",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: {},
    });
    return ok();
  },
});
