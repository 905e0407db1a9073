// What the scheduled reminders are computed from (app/domain/reminders.ts): one query per kind, over the running
// cohorts only, each person with the region of their organisation (for bank holidays) when they have one.
// People who left a cohort or were anonymised get nothing.
import type { Expression } from "kysely";
import { statementDeadline } from "~/domain/problem-statement";
import {
  type ActionFacts,
  type DigestCohortFacts,
  LOOK_AHEAD_DAYS,
  type QuietTeamFacts,
  type Recipient,
  type VisitFacts,
} from "~/domain/reminders";
import type { CohortRole, Region } from "~/domain/vocabulary";
import { shiftDate } from "~/domain/working-days";
import type { Db } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import { SHOWN_VISIT_COLUMNS } from "./visit.server";

type RecipientRow = { id: number; name: string; email: string; region: Region | null };

const recipient = (row: RecipientRow): Recipient => ({
  id: row.id,
  name: row.name,
  email: row.email,
  region: row.region ?? null,
});

/** People with an active membership of a cohort (a column of the outer query) in one of `roles`. */
function activeMembers(db: Db, cohortId: Expression<number>, roles: CohortRole[]) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .where("m.cohort_id", "=", cohortId)
    .where("m.role", "in", roles)
    .where("m.withdrawn_at", "is", null)
    .where("p.anonymised_at", "is", null);
}

/** Confirmed visits of running cohorts in the days after `today`, with the participants and mentors expected. */
export async function visitReminderFacts(db: Db, today: string): Promise<VisitFacts[]> {
  const rows = await db
    .selectFrom("visits as v")
    .innerJoin("cohorts as c", "c.id", "v.cohort_id")
    .innerJoin("organisations as h", "h.id", "v.organisation_id")
    .where("c.status", "=", "running")
    .where("v.status", "=", "confirmed")
    .where("v.date", ">", today)
    .where("v.date", "<=", shiftDate(today, LOOK_AHEAD_DAYS))
    .select((eb) => [
      "v.id",
      "v.cohort_id",
      "c.name as cohort_name",
      "h.name as host_name",
      ...SHOWN_VISIT_COLUMNS,
      "v.sequence",
      "v.updated_at",
      jsonArrayFrom(
        db,
        activeMembers(db, eb.ref("v.cohort_id"), ["participant", "mentor"])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("attendance as a")
                  .where("a.visit_id", "=", eb.ref("v.id"))
                  .whereRef("a.person_id", "=", "p.id")
                  .where("a.status", "=", "apologies")
                  .select("a.id"),
              ),
            ),
          )
          .select(["p.id", "p.name", "p.email", "o.region", "m.role"])
          .orderBy("p.id"),
      ).as("expected"),
    ])
    .orderBy("v.date")
    .orderBy("v.id")
    .execute();
  return rows.map((v) => ({
    id: v.id,
    cohortId: v.cohort_id,
    cohortName: v.cohort_name,
    hostName: v.host_name,
    date: v.date,
    startTime: v.start_time,
    endTime: v.end_time,
    address: v.address,
    agenda: v.agenda,
    contactName: v.contact_name,
    sequence: v.sequence,
    updatedAt: v.updated_at,
    expected: childRows(v.expected).map((p) => ({
      ...recipient(p),
      role: p.role === "mentor" ? ("mentor" as const) : ("participant" as const),
    })),
  }));
}

/** The published teams of running cohorts that have started, with their last session and their mentors. */
export async function quietTeamFacts(db: Db, today: string): Promise<QuietTeamFacts[]> {
  const rows = await db
    .selectFrom("teams as t")
    .innerJoin("cohorts as c", "c.id", "t.cohort_id")
    .where("c.status", "=", "running")
    .where("c.teams_published_at", "is not", null)
    .where("c.start_date", "<=", today)
    .select((eb) => [
      "t.id",
      "t.number",
      "t.name",
      "t.cohort_id",
      "c.name as cohort_name",
      "c.start_date",
      "c.weeks",
      "c.quiet_team_days",
      eb
        .selectFrom("mentoring_sessions as s")
        .whereRef("s.team_id", "=", "t.id")
        .select((e) => e.fn.max("s.date").as("d"))
        .as("last_session_date"),
      jsonArrayFrom(
        db,
        activeMembers(db, eb.ref("t.cohort_id"), ["mentor"])
          .innerJoin("team_mentors as tm", "tm.person_id", "p.id")
          .where("tm.team_id", "=", eb.ref("t.id"))
          .select(["p.id", "p.name", "p.email", "o.region"])
          .orderBy("p.id"),
      ).as("mentors"),
    ])
    .orderBy("t.cohort_id")
    .orderBy("t.number")
    .execute();
  return rows.map((t) => ({
    id: t.id,
    number: t.number,
    name: t.name,
    cohortId: t.cohort_id,
    cohortName: t.cohort_name,
    cohortStart: t.start_date,
    weeks: t.weeks,
    quietDays: t.quiet_team_days,
    lastSessionDate: (t.last_session_date as string | null) ?? null,
    mentors: childRows(t.mentors).map(recipient),
  }));
}

/** Open actions of running cohorts due in the days after `today`, each with its owner (still in the team). */
export async function actionDueFacts(db: Db, today: string): Promise<ActionFacts[]> {
  const rows = await db
    .selectFrom("session_actions as a")
    .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
    .innerJoin("teams as t", "t.id", "s.team_id")
    .innerJoin("cohorts as c", "c.id", "t.cohort_id")
    .innerJoin("team_members as tm", (join) =>
      join.onRef("tm.team_id", "=", "t.id").onRef("tm.person_id", "=", "a.owner_id"),
    )
    .innerJoin("memberships as m", (join) =>
      join
        .onRef("m.cohort_id", "=", "c.id")
        .onRef("m.person_id", "=", "a.owner_id")
        .on("m.role", "=", "participant"),
    )
    .innerJoin("people as p", "p.id", "a.owner_id")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .where("c.status", "=", "running")
    .where("a.done_at", "is", null)
    .where("a.due_date", ">", today)
    .where("a.due_date", "<=", shiftDate(today, LOOK_AHEAD_DAYS))
    .where("m.withdrawn_at", "is", null)
    .where("p.anonymised_at", "is", null)
    .select([
      "a.id",
      "a.text",
      "a.due_date",
      "a.session_id",
      "t.id as team_id",
      "t.number as team_number",
      "t.name as team_name",
      "c.id as cohort_id",
      "c.name as cohort_name",
      "p.id as owner_id",
      "p.name as owner_name",
      "p.email as owner_email",
      "o.region as owner_region",
    ])
    .orderBy("a.due_date")
    .orderBy("a.id")
    .execute();
  return rows.map((a) => ({
    id: a.id,
    text: a.text,
    dueDate: a.due_date,
    sessionId: a.session_id,
    teamId: a.team_id,
    teamNumber: a.team_number,
    teamName: a.team_name,
    cohortId: a.cohort_id,
    cohortName: a.cohort_name,
    owner: { id: a.owner_id, name: a.owner_name, email: a.owner_email, region: a.owner_region ?? null },
  }));
}

/** Running cohorts that have started, with what their team health flags need and their coordinators. */
export async function healthDigestFacts(db: Db, today: string): Promise<DigestCohortFacts[]> {
  const rows = await db
    .selectFrom("cohorts as c")
    .leftJoin("milestones as ms", (join) =>
      join.onRef("ms.cohort_id", "=", "c.id").on("ms.kind", "=", "problem-statement"),
    )
    .where("c.status", "=", "running")
    .where("c.start_date", "<=", today)
    .select((eb) => [
      "c.id",
      "c.name",
      "c.start_date",
      "c.weeks",
      "c.quiet_team_days",
      "ms.date as statement_date",
      jsonArrayFrom(
        db,
        eb
          .selectFrom("teams as t")
          .leftJoin("problem_statements as ps", "ps.team_id", "t.id")
          .whereRef("t.cohort_id", "=", "c.id")
          .select((e) => [
            "t.id",
            "t.number",
            "t.name",
            "ps.first_submitted_at",
            "ps.status",
            e
              .selectFrom("mentoring_sessions as s")
              .whereRef("s.team_id", "=", "t.id")
              .select((x) => x.fn.max("s.date").as("d"))
              .as("last_session_date"),
          ])
          .orderBy("t.number"),
      ).as("teams"),
      jsonArrayFrom(
        db,
        activeMembers(db, eb.ref("c.id"), ["coordinator"])
          .select(["p.id", "p.name", "p.email", "o.region"])
          .orderBy("p.id"),
      ).as("coordinators"),
    ])
    .orderBy("c.id")
    .execute();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    startDate: c.start_date,
    quietDays: c.quiet_team_days,
    statementDeadline: statementDeadline(
      c.start_date,
      c.weeks,
      c.statement_date ? [{ kind: "problem-statement", date: c.statement_date }] : [],
    ),
    teams: childRows(c.teams).map((t) => ({
      id: t.id,
      number: t.number,
      name: t.name,
      lastSessionDate: (t.last_session_date as string | null) ?? null,
      firstSubmittedAt: t.first_submitted_at,
      statementStatus: t.status,
    })),
    coordinators: childRows(c.coordinators).map(recipient),
  }));
}

/** Of these dedupe keys, those already in the outbox (for the dry run, which says what is new). */
export async function alreadyEnqueued(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom("outbox").where("dedupe_key", "in", keys).select("dedupe_key").execute();
  return new Set(rows.map((r) => r.dedupe_key).filter((k): k is string => k !== null));
}
