// Mentoring sessions of a team: attendance, agreed actions, mentors' private notes; the cohort's health view and
// what each person's home page and calendar need from them. Every query is scoped by team or cohort. Writes take
// a transaction: they run inside the commands of app/commands/mentoring.server.ts.

import type { ExpressionBuilder } from "kysely";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { AttendeeRole, Database, SessionFormat } from "../../db/types";

/** How teams are named (the team pages import it from here). */
export { teamLabel } from "~/domain/report";

export type ActionInput = { id: number | null; ownerId: number; text: string; dueDate: string };

export type SessionInput = {
  date: string;
  durationMinutes: number;
  format: SessionFormat;
  summary: string;
  followUpDate: string | null;
  attendees: Array<{ personId: number; role: AttendeeRole }>;
  actions: ActionInput[];
};

async function saveAttendees(tx: Tx, sessionId: number, attendees: SessionInput["attendees"]) {
  await tx.deleteFrom("session_attendees").where("session_id", "=", sessionId).execute();
  if (attendees.length === 0) return;
  await tx
    .insertInto("session_attendees")
    .values(attendees.map((a) => ({ session_id: sessionId, person_id: a.personId, role: a.role })))
    .execute();
}

/** Logs a session with its attendance, actions and (when given) a private note; returns its id. */
export async function createSession(
  tx: Tx,
  teamId: number,
  authorId: number,
  input: SessionInput,
  privateNote: string | null,
) {
  const at = nowIso();
  const { id } = await tx
    .insertInto("mentoring_sessions")
    .values({
      team_id: teamId,
      author_id: authorId,
      date: input.date,
      duration_minutes: input.durationMinutes,
      format: input.format,
      summary: input.summary,
      follow_up_date: input.followUpDate,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await saveAttendees(tx, id, input.attendees);
  if (input.actions.length) {
    await tx
      .insertInto("session_actions")
      .values(
        input.actions.map((a, position) => ({
          session_id: id,
          owner_id: a.ownerId,
          text: a.text,
          due_date: a.dueDate,
          done_at: null,
          done_by: null,
          position,
        })),
      )
      .execute();
  }
  if (privateNote) await addPrivateNote(tx, id, authorId, privateNote);
  return id;
}

/** Takes the session's next version if nobody saved it since `version`; false on such a conflict. */
export async function claimSessionVersion(tx: Tx, sessionId: number, version: number) {
  const result = await tx
    .updateTable("mentoring_sessions")
    .set({ version: version + 1 })
    .where("id", "=", sessionId)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Saves an edit of a session. Actions keep their done state; actions left out are removed. */
export async function updateSession(tx: Tx, sessionId: number, input: SessionInput, editorId: number) {
  await tx
    .updateTable("mentoring_sessions")
    .set({
      date: input.date,
      duration_minutes: input.durationMinutes,
      format: input.format,
      summary: input.summary,
      follow_up_date: input.followUpDate,
      updated_at: nowIso(),
      updated_by: editorId,
    })
    .where("id", "=", sessionId)
    .execute();
  await saveAttendees(tx, sessionId, input.attendees);
  const kept = input.actions.flatMap((a) => (a.id === null ? [] : [a.id]));
  await tx
    .deleteFrom("session_actions")
    .where("session_id", "=", sessionId)
    .where("id", "not in", kept.length ? kept : [-1])
    .execute();
  for (const [position, action] of input.actions.entries()) {
    if (action.id === null) {
      await tx
        .insertInto("session_actions")
        .values({
          session_id: sessionId,
          owner_id: action.ownerId,
          text: action.text,
          due_date: action.dueDate,
          done_at: null,
          done_by: null,
          position,
        })
        .execute();
    } else {
      await tx
        .updateTable("session_actions")
        .set({ owner_id: action.ownerId, text: action.text, due_date: action.dueDate, position })
        .where("id", "=", action.id)
        .where("session_id", "=", sessionId)
        .execute();
    }
  }
}

function sessionColumns() {
  return [
    "s.id",
    "s.team_id",
    "s.author_id",
    "author.name as author_name",
    "s.date",
    "s.duration_minutes",
    "s.format",
    "s.summary",
    "s.follow_up_date",
    "s.version",
    "s.created_at",
    "s.updated_at",
    "s.updated_by",
    "editor.name as editor_name",
  ] as const;
}

/** A team's sessions, newest first, each with who attended and its actions (one query). */
export async function listTeamSessions(db: Db, teamId: number, sessionId?: number) {
  let query = db
    .selectFrom("mentoring_sessions as s")
    .innerJoin("people as author", "author.id", "s.author_id")
    .leftJoin("people as editor", "editor.id", "s.updated_by")
    .where("s.team_id", "=", teamId)
    .select((eb) => [
      ...sessionColumns(),
      jsonArrayFrom(
        db,
        eb
          .selectFrom("session_attendees as sa")
          .innerJoin("people as p", "p.id", "sa.person_id")
          .whereRef("sa.session_id", "=", "s.id")
          .select(["p.id", "p.name", "sa.role"])
          .orderBy("sa.role", "desc")
          .orderBy("p.name"),
      ).as("attendees"),
      jsonArrayFrom(
        db,
        eb
          .selectFrom("session_actions as a")
          .innerJoin("people as owner", "owner.id", "a.owner_id")
          .whereRef("a.session_id", "=", "s.id")
          .select([
            "a.id",
            "a.owner_id",
            "owner.name as owner_name",
            "a.text",
            "a.due_date",
            "a.done_at",
            "a.position",
          ])
          .orderBy("a.position"),
      ).as("actions"),
    ])
    .orderBy("s.date", "desc")
    .orderBy("s.id", "desc");
  if (sessionId !== undefined) query = query.where("s.id", "=", sessionId);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    attendees: childRows(row.attendees),
    actions: childRows(row.actions),
  }));
}

export type TeamSession = Awaited<ReturnType<typeof listTeamSessions>>[number];

/** One session of the team, or undefined (a session of another team is not found). */
export async function getSession(db: Db, teamId: number, sessionId: number) {
  return (await listTeamSessions(db, teamId, sessionId))[0];
}

/** The mentors' and coordinators' notes on a session. Only ever called for people allowed to read them. */
export async function listPrivateNotes(db: Db, sessionId: number) {
  return db
    .selectFrom("session_private_notes as n")
    .innerJoin("people as p", "p.id", "n.author_id")
    .where("n.session_id", "=", sessionId)
    .select(["n.id", "n.text", "n.created_at", "p.name as author_name"])
    .orderBy("n.id")
    .execute();
}

export async function addPrivateNote(tx: Tx, sessionId: number, authorId: number, text: string) {
  await tx
    .insertInto("session_private_notes")
    .values({ session_id: sessionId, author_id: authorId, text, created_at: nowIso() })
    .execute();
}

/** An action of a team's session, or undefined. */
export async function getTeamAction(db: Db, teamId: number, actionId: number) {
  return db
    .selectFrom("session_actions as a")
    .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
    .where("a.id", "=", actionId)
    .where("s.team_id", "=", teamId)
    .select(["a.id", "a.session_id", "a.owner_id", "a.text", "a.done_at"])
    .executeTakeFirst();
}

export async function setActionDone(tx: Tx, actionId: number, done: boolean, personId: number) {
  await tx
    .updateTable("session_actions")
    .set(done ? { done_at: nowIso(), done_by: personId } : { done_at: null, done_by: null })
    .where("id", "=", actionId)
    .execute();
}

export async function getHealthSettings(db: Db, cohortId: number) {
  return db
    .selectFrom("cohorts")
    .where("id", "=", cohortId)
    .select(["quiet_team_days", "statements_published_at", "teams_published_at"])
    .executeTakeFirstOrThrow();
}

/**
 * One row per team of the cohort: last session, sessions so far, each mentor's attendance, open and overdue
 * actions and the statement's state, in one query.
 */
export async function teamHealthRows(db: Db, cohortId: number, today: string) {
  const rows = await db
    .selectFrom("teams as t")
    .leftJoin("problem_statements as ps", "ps.team_id", "t.id")
    .where("t.cohort_id", "=", cohortId)
    .select((eb) => [
      "t.id",
      "t.number",
      "t.name",
      "ps.status as statement_status",
      "ps.first_submitted_at",
      eb
        .selectFrom("mentoring_sessions as s")
        .whereRef("s.team_id", "=", "t.id")
        .select((e) => e.fn.max("s.date").as("d"))
        .as("last_session_date"),
      eb
        .selectFrom("mentoring_sessions as s")
        .whereRef("s.team_id", "=", "t.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("sessions"),
      eb
        .selectFrom("session_actions as a")
        .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
        .whereRef("s.team_id", "=", "t.id")
        .where("a.done_at", "is", null)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("open_actions"),
      eb
        .selectFrom("session_actions as a")
        .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
        .whereRef("s.team_id", "=", "t.id")
        .where("a.done_at", "is", null)
        .where("a.due_date", "<", today)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("overdue_actions"),
      // Each mentor's sessions are the team's sessions since they began mentoring it, and any they attended.
      jsonArrayFrom(
        db,
        eb
          .selectFrom("team_mentors as tm")
          .innerJoin("people as p", "p.id", "tm.person_id")
          .whereRef("tm.team_id", "=", "t.id")
          .select((e) => [
            "p.id",
            "p.name",
            "tm.sector",
            e
              .selectFrom("session_attendees as sa")
              .innerJoin("mentoring_sessions as s", "s.id", "sa.session_id")
              .whereRef("s.team_id", "=", "t.id")
              .whereRef("sa.person_id", "=", "tm.person_id")
              .select((x) => x.fn.countAll<number>().as("n"))
              .as("attended"),
            e
              .selectFrom("mentoring_sessions as s")
              .whereRef("s.team_id", "=", "t.id")
              .where((x) =>
                x.or([
                  x("tm.since", "is", null),
                  x("s.date", ">=", x.ref("tm.since")),
                  x.exists(
                    x
                      .selectFrom("session_attendees as sa")
                      .whereRef("sa.session_id", "=", "s.id")
                      .whereRef("sa.person_id", "=", "tm.person_id")
                      .select("sa.id"),
                  ),
                ]),
              )
              .select((x) => x.fn.countAll<number>().as("n"))
              .as("sessions"),
          ])
          .orderBy("tm.sector", "desc"),
      ).as("mentors"),
      // Mentors who mentored the team before a change of mentors, with their sessions then.
      jsonArrayFrom(
        db,
        eb
          .selectFrom("team_periods as tp")
          .innerJoin("people as p", "p.id", "tp.person_id")
          .whereRef("tp.team_id", "=", "t.id")
          .where("tp.role", "=", "mentor")
          .select((e) => [
            "tp.id",
            "p.name",
            "tp.until_date",
            e
              .selectFrom("session_attendees as sa")
              .innerJoin("mentoring_sessions as s", "s.id", "sa.session_id")
              .whereRef("s.team_id", "=", "t.id")
              .whereRef("sa.person_id", "=", "tp.person_id")
              .where((x) =>
                x.and([
                  x.or([x("tp.from_date", "is", null), x("s.date", ">=", x.ref("tp.from_date"))]),
                  x("s.date", "<", x.ref("tp.until_date")),
                ]),
              )
              .select((x) => x.fn.countAll<number>().as("n"))
              .as("attended"),
            e
              .selectFrom("mentoring_sessions as s")
              .whereRef("s.team_id", "=", "t.id")
              .where((x) =>
                x.and([
                  x.or([x("tp.from_date", "is", null), x("s.date", ">=", x.ref("tp.from_date"))]),
                  x("s.date", "<", x.ref("tp.until_date")),
                ]),
              )
              .select((x) => x.fn.countAll<number>().as("n"))
              .as("sessions"),
          ])
          .orderBy("tp.until_date")
          .orderBy("tp.id"),
      ).as("former_mentors"),
    ])
    .orderBy("t.number")
    .execute();
  return rows.map((row) => ({
    ...row,
    last_session_date: (row.last_session_date as string | null) ?? null,
    sessions: Number(row.sessions ?? 0),
    open_actions: Number(row.open_actions ?? 0),
    overdue_actions: Number(row.overdue_actions ?? 0),
    mentors: childRows(row.mentors).map((m) => ({
      ...m,
      attended: Number(m.attended ?? 0),
      sessions: Number(m.sessions ?? 0),
    })),
    former_mentors: childRows(row.former_mentors).map((m) => ({
      ...m,
      attended: Number(m.attended ?? 0),
      sessions: Number(m.sessions ?? 0),
    })),
  }));
}

/**
 * Each participant in a team with their sessions and how many they attended (one query). A participant's
 * sessions are those of the team they were in on each session's date (a change of team erases nothing), and any
 * session of the cohort they attended.
 */
export async function participantAttendance(db: Db, cohortId: number) {
  const rows = await db
    .selectFrom("team_members as tm")
    .innerJoin("people as p", "p.id", "tm.person_id")
    .innerJoin("teams as t", "t.id", "tm.team_id")
    .where("tm.cohort_id", "=", cohortId)
    .select((eb) => [
      "p.id",
      "p.name",
      "t.number as team_number",
      eb
        .selectFrom("mentoring_sessions as s")
        .innerJoin("teams as st", "st.id", "s.team_id")
        .where("st.cohort_id", "=", cohortId)
        .where((x) =>
          x.or([
            x.and([
              x("s.team_id", "=", x.ref("tm.team_id")),
              x.or([x("tm.since", "is", null), x("s.date", ">=", x.ref("tm.since"))]),
            ]),
            x.exists(
              x
                .selectFrom("team_periods as tp")
                .whereRef("tp.person_id", "=", "tm.person_id")
                .whereRef("tp.team_id", "=", "s.team_id")
                .where("tp.role", "=", "member")
                .where((y) => y.or([y("tp.from_date", "is", null), y("s.date", ">=", y.ref("tp.from_date"))]))
                .whereRef("s.date", "<", "tp.until_date")
                .select("tp.id"),
            ),
            x.exists(
              x
                .selectFrom("session_attendees as sa")
                .whereRef("sa.session_id", "=", "s.id")
                .whereRef("sa.person_id", "=", "tm.person_id")
                .select("sa.id"),
            ),
          ]),
        )
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("sessions"),
      eb
        .selectFrom("session_attendees as sa")
        .innerJoin("mentoring_sessions as s", "s.id", "sa.session_id")
        .innerJoin("teams as st", "st.id", "s.team_id")
        .where("st.cohort_id", "=", cohortId)
        .whereRef("sa.person_id", "=", "tm.person_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("attended"),
    ])
    .orderBy("t.number")
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({ ...r, sessions: Number(r.sessions ?? 0), attended: Number(r.attended ?? 0) }));
}

/**
 * The published teams in these cohorts that the person mentors or is in (through `link`, as `tm`), with their
 * problem statement (`ps`) and its status.
 */
function publishedTeamsOfPerson(
  db: Db,
  link: "team_mentors as tm" | "team_members as tm",
  personId: number,
  cohortIds: number[],
) {
  // Both link tables have the two columns read here (team_id, person_id): typed as one of them.
  return db
    .selectFrom(link as "team_members as tm")
    .innerJoin("teams as t", "t.id", "tm.team_id")
    .innerJoin("cohorts as c", "c.id", "t.cohort_id")
    .leftJoin("problem_statements as ps", "ps.team_id", "t.id")
    .where("tm.person_id", "=", personId)
    .where("t.cohort_id", "in", cohortIds)
    .where("c.teams_published_at", "is not", null)
    .select(["t.id", "t.number", "t.name", "t.cohort_id", "ps.status as statement_status"]);
}

/**
 * What the home page needs about mentoring in these cohorts (published teams only): the teams the person
 * mentors (last session, next agreed session, statement, whether they still have to review it, the team's open
 * actions overdue and due by `weekEnd`) and the teams they are in (their own open actions, the next agreed session,
 * and the mentors' requests for changes to the statement as submitted, with their comments).
 */
export async function mentoringHomeFacts(
  db: Db,
  personId: number,
  cohortIds: number[],
  today: string,
  weekEnd: string,
) {
  if (cohortIds.length === 0) return { mentored: [], memberOf: [] };
  const nextSession = (eb: ExpressionBuilder<Database & { t: Database["teams"] }, "t">) =>
    eb
      .selectFrom("mentoring_sessions as s")
      .whereRef("s.team_id", "=", "t.id")
      .where("s.follow_up_date", ">=", today)
      .select((e) => e.fn.min("s.follow_up_date").as("d"));
  const openActionsOfTeam = (eb: ExpressionBuilder<Database & { t: Database["teams"] }, "t">) =>
    eb
      .selectFrom("session_actions as a")
      .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
      .whereRef("s.team_id", "=", "t.id")
      .where("a.done_at", "is", null);
  const mentored = await publishedTeamsOfPerson(db, "team_mentors as tm", personId, cohortIds)
    .select((eb) => [
      eb
        .selectFrom("mentoring_sessions as s")
        .whereRef("s.team_id", "=", "t.id")
        .select((e) => e.fn.max("s.date").as("d"))
        .as("last_session_date"),
      nextSession(eb).as("next_session"),
      openActionsOfTeam(eb)
        .where("a.due_date", "<", today)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("overdue_actions"),
      openActionsOfTeam(eb)
        .where("a.due_date", ">=", today)
        .where("a.due_date", "<=", weekEnd)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("week_actions"),
      eb
        .selectFrom("statement_reviews as r")
        .whereRef("r.statement_id", "=", "ps.id")
        .whereRef("r.version_number", "=", "ps.submitted_version")
        .where("r.mentor_id", "=", personId)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("my_reviews"),
    ])
    .orderBy("t.number")
    .execute();
  const memberOf = await publishedTeamsOfPerson(db, "team_members as tm", personId, cohortIds)
    .select((eb) => [
      "ps.first_submitted_at",
      nextSession(eb).as("next_session"),
      jsonArrayFrom(
        db,
        eb
          .selectFrom("session_actions as a")
          .innerJoin("mentoring_sessions as s", "s.id", "a.session_id")
          .whereRef("s.team_id", "=", "t.id")
          .where("a.owner_id", "=", personId)
          .where("a.done_at", "is", null)
          .select(["a.id", "a.text", "a.due_date", "a.session_id"])
          .orderBy("a.due_date")
          .orderBy("a.id"),
      ).as("open_actions"),
      jsonArrayFrom(
        db,
        eb
          .selectFrom("statement_reviews as r")
          .innerJoin("people as p", "p.id", "r.mentor_id")
          .whereRef("r.statement_id", "=", "ps.id")
          .whereRef("r.version_number", "=", "ps.submitted_version")
          .where("r.decision", "=", "changes_requested")
          .select(["r.id", "p.name as mentor", "r.comment"])
          .orderBy("r.id"),
      ).as("changes_requested"),
    ])
    .orderBy("t.number")
    .execute();
  return {
    mentored: mentored.map((m) => ({
      ...m,
      last_session_date: (m.last_session_date as string | null) ?? null,
      next_session: (m.next_session as string | null) ?? null,
      overdue_actions: Number(m.overdue_actions ?? 0),
      week_actions: Number(m.week_actions ?? 0),
      my_reviews: Number(m.my_reviews ?? 0),
    })),
    memberOf: memberOf.map((m) => ({
      ...m,
      next_session: (m.next_session as string | null) ?? null,
      open_actions: childRows(m.open_actions),
      changes_requested: childRows(m.changes_requested),
    })),
  };
}

/** Agreed follow-up dates from today on, of the teams the person is in or mentors (published teams only). */
export async function followUpsForPerson(db: Db, personId: number, today: string) {
  const teamIds = db
    .selectFrom("team_members")
    .where("person_id", "=", personId)
    .select("team_id")
    .union(db.selectFrom("team_mentors").where("person_id", "=", personId).select("team_id"));
  return db
    .selectFrom("mentoring_sessions as s")
    .innerJoin("teams as t", "t.id", "s.team_id")
    .innerJoin("cohorts as c", "c.id", "t.cohort_id")
    .where("s.team_id", "in", teamIds)
    .where("c.teams_published_at", "is not", null)
    .where("s.follow_up_date", "is not", null)
    .where("s.follow_up_date", ">=", today)
    .select([
      "s.id",
      "s.date",
      "s.follow_up_date",
      "s.version",
      "t.id as team_id",
      "t.number as team_number",
      "t.name as team_name",
      "c.id as cohort_id",
      "c.name as cohort_name",
    ])
    .orderBy("s.follow_up_date")
    .execute();
}
