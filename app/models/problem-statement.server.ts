// A team's problem statement: its versions (every save kept), submission, the mentors' reviews, publishing. Writes
// take a transaction: they run inside the commands of app/commands/statements.server.ts.

import { formatUkDateTime } from "~/domain/calendar";
import {
  EMPTY_STATEMENT,
  mayEdit,
  type Review,
  reviewOutcome,
  type StatementFieldName,
  type StatementText,
  statementDeadline,
} from "~/domain/problem-statement";
import { mergeStatements, type StatementConflict } from "~/domain/statement-merge";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { ReviewDecision } from "../../db/types";

/** The statement's text, as a version (`v`) holds it. */
const TEXT_FIELDS = [
  "v.title",
  "v.category",
  "v.department",
  "v.problem",
  "v.affected",
  "v.evidence",
  "v.approach",
  "v.success_measures",
] as const;

const VERSION_FIELDS = ["v.number", "v.created_at", ...TEXT_FIELDS, "author.name as author_name"] as const;

export function versionText(v: StatementText): StatementText {
  return {
    title: v.title,
    category: v.category,
    department: v.department,
    problem: v.problem,
    affected: v.affected,
    evidence: v.evidence,
    approach: v.approach,
    success_measures: v.success_measures,
  };
}

/** The team's statement with its latest version and the reviews, or null before the first save. */
export async function getStatement(db: Db, teamId: number) {
  const statement = await db
    .selectFrom("problem_statements")
    .where("team_id", "=", teamId)
    .selectAll()
    .executeTakeFirst();
  if (!statement) return null;
  const [current, reviews] = await Promise.all([
    getVersion(db, statement.id, statement.version),
    listReviews(db, statement.id),
  ]);
  return { ...statement, current: current ?? null, reviews };
}

export type Statement = NonNullable<Awaited<ReturnType<typeof getStatement>>>;

export async function getVersion(db: Db, statementId: number, number: number) {
  return db
    .selectFrom("problem_statement_versions as v")
    .innerJoin("people as author", "author.id", "v.author_id")
    .where("v.statement_id", "=", statementId)
    .where("v.number", "=", number)
    .select(VERSION_FIELDS)
    .executeTakeFirst();
}

export async function listVersions(db: Db, statementId: number) {
  return db
    .selectFrom("problem_statement_versions as v")
    .innerJoin("people as author", "author.id", "v.author_id")
    .where("v.statement_id", "=", statementId)
    .select(["v.number", "v.created_at", "author.name as author_name"])
    .orderBy("v.number", "desc")
    .execute();
}

export async function listReviews(db: Db, statementId: number) {
  return db
    .selectFrom("statement_reviews as r")
    .innerJoin("people as mentor", "mentor.id", "r.mentor_id")
    .innerJoin("people as reviewer", "reviewer.id", "r.reviewer_id")
    .where("r.statement_id", "=", statementId)
    .select([
      "r.id",
      "r.version_number",
      "r.mentor_id",
      "mentor.name as mentor_name",
      "r.reviewer_id",
      "reviewer.name as reviewer_name",
      "r.decision",
      "r.comment",
      "r.on_behalf_reason",
      "r.created_at",
    ])
    .orderBy("r.id")
    .execute();
}

/**
 * After a save from `baseVersion` was refused because another version was saved meanwhile: `mine` merged with the
 * latest version, from the version the person started from. Null when the team can no longer change the statement.
 */
export async function statementConflict(
  db: Db,
  teamId: number,
  baseVersion: number,
  mine: StatementText,
): Promise<StatementConflict | null> {
  const statement = await getStatement(db, teamId);
  if (!statement?.current || !mayEdit(statement.status)) return null;
  const base = baseVersion > 0 ? await getVersion(db, statement.id, baseVersion) : undefined;
  const theirs = versionText(statement.current);
  const merge = mergeStatements(base ? versionText(base) : EMPTY_STATEMENT, mine, theirs);
  return {
    version: statement.version,
    by: statement.current.author_name,
    at: formatUkDateTime(statement.current.created_at),
    theirs,
    ...merge,
  };
}

/** The conflict form as it was drawn, shown again (a choice was missing): its version read again. */
export async function statementConflictAgain(
  db: Db,
  teamId: number,
  drawn: Omit<StatementConflict, "by" | "at" | "theirs">,
): Promise<StatementConflict | null> {
  const statement = await getStatement(db, teamId);
  const version = statement ? await getVersion(db, statement.id, drawn.version) : undefined;
  if (!version || !mayEdit(statement?.status ?? null)) return null;
  return {
    ...drawn,
    theirs: versionText(version),
    by: version.author_name,
    at: formatUkDateTime(version.created_at),
  };
}

/**
 * `text` with the named fields taken from version `number` of the team's statement: on the conflict form, the
 * version saved meanwhile, whose text the person chose to keep there.
 */
export async function withTextOfVersion(
  db: Db,
  teamId: number,
  number: number,
  text: StatementText,
  fields: StatementFieldName[],
): Promise<StatementText> {
  if (fields.length === 0) return text;
  const statement = await db
    .selectFrom("problem_statements")
    .where("team_id", "=", teamId)
    .select("id")
    .executeTakeFirst();
  const version = statement ? await getVersion(db, statement.id, number) : undefined;
  if (!version) return text;
  const theirs = versionText(version);
  return { ...text, ...Object.fromEntries(fields.map((name) => [name, theirs[name]])) };
}

export type SaveResult = { ok: true; number: number } | { ok: false; currentNumber: number };

/**
 * Saves a new version if the statement is still at `baseVersion` (0: never saved) and the team may change it;
 * otherwise nothing is written and the caller shows what was saved meanwhile.
 */
export async function saveStatementVersion(
  tx: Tx,
  teamId: number,
  baseVersion: number,
  text: StatementText,
  authorId: number,
): Promise<SaveResult> {
  const at = nowIso();
  await tx
    .insertInto("problem_statements")
    .values({ team_id: teamId, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("team_id").doNothing())
    .execute();
  const number = baseVersion + 1;
  const claimed = await tx
    .updateTable("problem_statements")
    .set({ version: number, updated_at: at })
    .where("team_id", "=", teamId)
    .where("version", "=", baseVersion)
    .where("status", "in", ["draft", "changes_requested"])
    .returning("id")
    .executeTakeFirst();
  if (!claimed) {
    const current = await tx
      .selectFrom("problem_statements")
      .where("team_id", "=", teamId)
      .select("version")
      .executeTakeFirstOrThrow();
    return { ok: false, currentNumber: current.version };
  }
  await tx
    .insertInto("problem_statement_versions")
    .values({ statement_id: claimed.id, number, author_id: authorId, created_at: at, ...text })
    .execute();
  return { ok: true, number };
}

/** Sends the statement at `version` to the mentors; false if it changed meanwhile or is not a draft. */
export async function submitStatement(tx: Tx, statementId: number, version: number) {
  const at = nowIso();
  const result = await tx
    .updateTable("problem_statements")
    .set((eb) => ({
      status: "submitted",
      submitted_version: version,
      submitted_at: at,
      first_submitted_at: eb.fn.coalesce("first_submitted_at", eb.val(at)),
      updated_at: at,
    }))
    .where("id", "=", statementId)
    .where("version", "=", version)
    .where("status", "in", ["draft", "changes_requested"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ReviewInput = {
  mentorId: number;
  reviewerId: number;
  decision: ReviewDecision;
  comment: string | null;
  onBehalfReason: string | null;
};

/**
 * Records mentors' decisions on the submitted version and moves the statement on by the sign-off rules.
 * Refused (false) unless the statement is still submitted at `version`. Returns the new status.
 */
export async function recordReviews(
  tx: Tx,
  statementId: number,
  version: number,
  mentorIds: number[],
  decisions: ReviewInput[],
) {
  const statement = await tx
    .selectFrom("problem_statements")
    .where("id", "=", statementId)
    .select(["status", "submitted_version"])
    .executeTakeFirstOrThrow();
  if (statement.status !== "submitted" || statement.submitted_version !== version) return false;
  const at = nowIso();
  for (const d of decisions) {
    await tx
      .insertInto("statement_reviews")
      .values({
        statement_id: statementId,
        version_number: version,
        mentor_id: d.mentorId,
        reviewer_id: d.reviewerId,
        decision: d.decision,
        comment: d.comment,
        on_behalf_reason: d.onBehalfReason,
        created_at: at,
      })
      .execute();
  }
  const reviews: Review[] = (await listReviews(tx, statementId)).map((r) => ({
    mentorId: r.mentor_id,
    versionNumber: r.version_number,
    decision: r.decision,
    at: r.created_at,
  }));
  const outcome = reviewOutcome(mentorIds, reviews, version);
  if (outcome !== "submitted") {
    await tx
      .updateTable("problem_statements")
      .set({ status: outcome, approved_at: outcome === "approved" ? at : null, updated_at: at })
      .where("id", "=", statementId)
      .execute();
  }
  return outcome;
}

/** Every team of the cohort with its statement's state and latest version (one query). */
export async function listCohortStatements(db: Db, cohortId: number) {
  const rows = await db
    .selectFrom("teams as t")
    .leftJoin("problem_statements as ps", "ps.team_id", "t.id")
    .leftJoin("problem_statement_versions as v", (join) =>
      join.onRef("v.statement_id", "=", "ps.id").onRef("v.number", "=", "ps.version"),
    )
    .where("t.cohort_id", "=", cohortId)
    .select(["t.id as team_id", "t.number", "t.name", "ps.status", "ps.first_submitted_at", ...TEXT_FIELDS])
    .orderBy("t.number")
    .execute();
  return rows.map((row) => ({
    ...row,
    text: row.title === null ? null : versionText({ ...EMPTY_STATEMENT, ...(row as StatementText) }),
  }));
}

export async function publishStatements(tx: Tx, cohortId: number) {
  await tx
    .updateTable("cohorts")
    .set({ statements_published_at: nowIso() })
    .where("id", "=", cohortId)
    .where("statements_published_at", "is", null)
    .execute();
}

/** Each cohort's statement deadline: its moved "problem statement due" milestone, else the default date. */
export async function statementDeadlines(
  db: Db,
  cohorts: Array<{ id: number; start_date: string; weeks: number }>,
) {
  const deadlines = new Map<number, string>();
  if (cohorts.length === 0) return deadlines;
  const moved = await db
    .selectFrom("milestones")
    .where(
      "cohort_id",
      "in",
      cohorts.map((c) => c.id),
    )
    .where("kind", "=", "problem-statement")
    .select(["cohort_id", "kind", "date"])
    .execute();
  for (const cohort of cohorts) {
    deadlines.set(
      cohort.id,
      statementDeadline(
        cohort.start_date,
        cohort.weeks,
        moved.filter((m) => m.cohort_id === cohort.id),
      ),
    );
  }
  return deadlines;
}
