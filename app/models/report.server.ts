import { todayInLondon } from "~/domain/calendar";
import type { CohortReportRows, PitchRows, ProgrammeCohortRows } from "~/domain/report";
import { allOf } from "~/utils/promise";
import type { Db } from "../../db/connection";
import {
  declaredConflictsOfEvents,
  leadersOfEvents,
  pitchTeamsOfCohorts,
  slotsOfEvents,
} from "./pitch.server";
import { listQuestions } from "./skills.server";
import { teamsOfCohort } from "./team.server";
import { listCohortAttendance, visitStarted } from "./visit.server";

export async function cohortReportRows(
  db: Db,
  cohortId: number,
  today = todayInLondon(),
): Promise<CohortReportRows> {
  const { cohort, attendance, pitch, ...rows } = await allOf({
    cohort: db
      .selectFrom("cohorts")
      .where("id", "=", cohortId)
      .select(["start_date", "weeks"])
      .executeTakeFirstOrThrow(),
    participants: db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .leftJoin("organisations as o", "o.id", "p.organisation_id")
      .where("m.cohort_id", "=", cohortId)
      .where("m.role", "=", "participant")
      .select([
        "p.id as personId",
        "p.name",
        "o.sector",
        "o.name as organisation",
        "p.profession",
        "m.withdrawn_at as withdrawnAt",
      ])
      .orderBy("p.name")
      .execute(),
    visits: db
      .selectFrom("visits as v")
      .innerJoin("organisations as o", "o.id", "v.organisation_id")
      .where("v.cohort_id", "=", cohortId)
      .select(["v.id", "v.date", "o.name as hostName", "v.status"])
      .orderBy("v.date")
      .execute(),
    attendance: listCohortAttendance(db, cohortId),
    questions: listQuestions(db, cohortId),
    answers: db
      .selectFrom("skills_answers")
      .where("cohort_id", "=", cohortId)
      .select(["person_id as personId", "question_id as questionId", "phase", "confidence"])
      .execute(),
    teams: teamsOfCohort(db, cohortId).orderBy("number").execute(),
    outcomes: db
      .selectFrom("team_outcomes as t")
      .innerJoin("teams", "teams.id", "t.team_id")
      .where("teams.cohort_id", "=", cohortId)
      .select([
        "t.team_id as teamId",
        "t.follow_up as followUp",
        "t.status",
        "t.note",
        "t.recorded_at as recordedAt",
      ])
      .execute(),
    sessions: db
      .selectFrom("mentoring_sessions as s")
      .innerJoin("teams", "teams.id", "s.team_id")
      .where("teams.cohort_id", "=", cohortId)
      .select(["s.team_id as teamId", "s.date", "s.duration_minutes as durationMinutes"])
      .orderBy("s.date")
      .orderBy("s.id")
      .execute(),
    statements: db
      .selectFrom("problem_statements as ps")
      .innerJoin("teams", "teams.id", "ps.team_id")
      .leftJoin("problem_statement_versions as v", (join) =>
        join.onRef("v.statement_id", "=", "ps.id").onRef("v.number", "=", "ps.version"),
      )
      .where("teams.cohort_id", "=", cohortId)
      .select(["ps.team_id as teamId", "ps.status", "v.category"])
      .execute(),
    pitch: pitchReportRows(db, { cohortId }),
  });
  return {
    calendar: { startDate: cohort.start_date, weeks: cohort.weeks, today },
    ...rows,
    attendance: attendance.map((a) => ({ visitId: a.visit_id, personId: a.person_id, status: a.status })),
    pitch: pitch[0] ?? null,
  };
}

/**
 * What released results are computed from, for these events and their cohorts, read as the pitch-day pages read
 * them where they can be: rubrics, running orders, each cohort's senior leaders (with whether they are on the
 * panel), declared conflicts, submitted scores, and the teams with the organisations their people represent.
 */
function resultRows(db: Db, eventIds: number[], cohortIds: number[]) {
  return allOf({
    criteria: db
      .selectFrom("rubric_criteria")
      .where("event_id", "in", eventIds)
      .select(["event_id", "id", "weight", "max"])
      .orderBy("event_id")
      .orderBy("position")
      .execute(),
    slots: slotsOfEvents(db, eventIds),
    leaders: leadersOfEvents(db, eventIds),
    declared: declaredConflictsOfEvents(db, eventIds),
    sheets: db
      .selectFrom("scoring_sheets")
      .where("event_id", "in", eventIds)
      .select(["id", "event_id", "person_id", "team_id", "status"])
      .execute(),
    scores: db
      .selectFrom("sheet_scores as x")
      .innerJoin("scoring_sheets as s", "s.id", "x.sheet_id")
      .where("s.event_id", "in", eventIds)
      .where("s.status", "=", "submitted")
      .select(["x.sheet_id", "x.criterion_id", "x.score"])
      .execute(),
    teams: pitchTeamsOfCohorts(db, cohortIds),
  });
}

/** The result rows when no event's results are released, read without asking the database (`in ()` is not SQL). */
const NO_RESULT_ROWS: Awaited<ReturnType<typeof resultRows>> = {
  criteria: [],
  slots: new Map(),
  leaders: new Map(),
  declared: new Map(),
  sheets: [],
  scores: [],
  teams: new Map(),
};

/**
 * The pitch days of one cohort or of every cohort of a programme, with what their results are computed from.
 * Scores, panels and running orders are read only for events whose results are released.
 */
export async function pitchReportRows(
  db: Db,
  scope: { cohortId: number } | { programmeId: number },
): Promise<PitchRows[]> {
  const events = await db
    .selectFrom("pitch_events as e")
    .innerJoin("cohorts as c", "c.id", "e.cohort_id")
    .where((eb) =>
      "cohortId" in scope ? eb("c.id", "=", scope.cohortId) : eb("c.programme_id", "=", scope.programmeId),
    )
    .select(["e.id", "e.cohort_id", "e.date", "e.results_released_at", "e.ranking_published_at"])
    .orderBy("e.id")
    .execute();
  const released = events.filter((e) => e.results_released_at !== null);
  const rows =
    released.length === 0
      ? NO_RESULT_ROWS
      : await resultRows(
          db,
          released.map((e) => e.id),
          released.map((e) => e.cohort_id),
        );
  return events.map((e) => {
    const own = <T extends { event_id: number }>(list: T[]) => list.filter((row) => row.event_id === e.id);
    const person = (teamId: number, kind: "member" | "mentor") => (p: { organisationId: number | null }) => ({
      teamId,
      organisationId: p.organisationId,
      kind,
    });
    return {
      cohortId: e.cohort_id,
      date: e.date,
      releasedAt: e.results_released_at,
      rankingPublishedAt: e.ranking_published_at,
      criteria: own(rows.criteria).map((c) => ({ id: c.id, weight: c.weight, max: c.max })),
      slots: (rows.slots.get(e.id) ?? []).map((s) => ({ teamId: s.team_id, position: s.position })),
      panel: (rows.leaders.get(e.id) ?? [])
        .filter((leader) => leader.onPanel)
        .map((leader) => ({ personId: leader.id, organisationId: leader.organisationId })),
      teamPeople: (rows.teams.get(e.cohort_id) ?? []).flatMap((team) => [
        ...team.members.map(person(team.id, "member")),
        ...team.mentors.map(person(team.id, "mentor")),
      ]),
      declared: (rows.declared.get(e.id) ?? []).map((d) => ({ personId: d.personId, teamId: d.teamId })),
      sheets: own(rows.sheets).map((s) => ({
        personId: s.person_id,
        teamId: s.team_id,
        submitted: s.status === "submitted",
        scores: rows.scores
          .filter((x) => x.sheet_id === s.id)
          .map((x) => ({ criterionId: x.criterion_id, score: x.score })),
      })),
    };
  });
}

/** Every cohort of a programme with what the programme view needs, oldest first. */
export async function programmeCohortRows(db: Db, programmeId: number): Promise<ProgrammeCohortRows[]> {
  const [cohorts, participants, attendance, teams, outcomes, pitch] = await Promise.all([
    db
      .selectFrom("cohorts")
      .where("programme_id", "=", programmeId)
      .select(["id as cohortId", "name", "start_date as startDate", "weeks"])
      .orderBy("start_date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("memberships as m")
      .innerJoin("cohorts as c", "c.id", "m.cohort_id")
      .where("c.programme_id", "=", programmeId)
      .where("m.role", "=", "participant")
      .select(["m.cohort_id", "m.withdrawn_at"])
      .execute(),
    db
      .selectFrom("attendance as a")
      .innerJoin("visits as v", "v.id", "a.visit_id")
      .innerJoin("cohorts as c", "c.id", "v.cohort_id")
      .innerJoin("memberships as m", (join) =>
        join
          .onRef("m.cohort_id", "=", "v.cohort_id")
          .onRef("m.person_id", "=", "a.person_id")
          .on("m.role", "=", "participant")
          .on("m.withdrawn_at", "is", null),
      )
      .where("c.programme_id", "=", programmeId)
      .where("v.status", "!=", "cancelled")
      .where(visitStarted)
      .groupBy("v.cohort_id")
      .select((eb) => [
        "v.cohort_id",
        eb.fn.countAll<number>().as("recorded"),
        eb.fn.sum<number>(eb.case().when("a.status", "=", "attended").then(1).else(0).end()).as("attended"),
      ])
      .execute(),
    db
      .selectFrom("teams")
      .innerJoin("cohorts as c", "c.id", "teams.cohort_id")
      .where("c.programme_id", "=", programmeId)
      .select(["teams.id", "teams.cohort_id", "teams.number", "teams.name"])
      .orderBy("teams.number")
      .execute(),
    db
      .selectFrom("team_outcomes as t")
      .innerJoin("teams", "teams.id", "t.team_id")
      .innerJoin("cohorts as c", "c.id", "teams.cohort_id")
      .where("c.programme_id", "=", programmeId)
      .select(["teams.cohort_id", "t.team_id as teamId", "t.follow_up as followUp", "t.status"])
      .execute(),
    pitchReportRows(db, { programmeId }),
  ]);
  return cohorts.map((cohort) => {
    const { cohortId } = cohort;
    const tally = attendance.find((a) => a.cohort_id === cohortId);
    return {
      ...cohort,
      participants: participants
        .filter((p) => p.cohort_id === cohortId)
        .map((p) => ({ withdrawnAt: p.withdrawn_at })),
      attendance: { attended: Number(tally?.attended ?? 0), recorded: Number(tally?.recorded ?? 0) },
      teams: teams
        .filter((t) => t.cohort_id === cohortId)
        .map(({ id, number, name }) => ({ id, number, name })),
      outcomes: outcomes
        .filter((o) => o.cohort_id === cohortId)
        .map(({ teamId, followUp, status }) => ({ teamId, followUp, status })),
      pitch: pitch.find((p) => p.cohortId === cohortId) ?? null,
    };
  });
}

/** Whether the person coordinates (or coordinated) any cohort of the programme. */
export async function coordinatesProgramme(db: Db, programmeId: number, personId: number) {
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .where("c.programme_id", "=", programmeId)
    .where("m.person_id", "=", personId)
    .where("m.role", "=", "coordinator")
    .where("m.withdrawn_at", "is", null)
    .select("m.id")
    .executeTakeFirst();
  return row !== undefined;
}
