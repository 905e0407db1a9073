// The rows the cohort report and the programme view are computed from: one query per list.
import type { Db, Tx } from "~/db.server";
import type { CohortReportRows, ProgrammeCohortRows } from "~/domain/report";
import { nowIso } from "~/time";

export async function cohortReportRows(db: Db | Tx, cohortId: number): Promise<CohortReportRows> {
  const [participants, visits, attendance, questions, answers, teams, outcomes] = await Promise.all([
    db
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
    db
      .selectFrom("visits as v")
      .innerJoin("organisations as o", "o.id", "v.organisation_id")
      .where("v.cohort_id", "=", cohortId)
      .select(["v.id", "v.date", "o.name as hostName", "v.status"])
      .orderBy("v.date")
      .execute(),
    db
      .selectFrom("attendance as a")
      .innerJoin("visits as v", "v.id", "a.visit_id")
      .where("v.cohort_id", "=", cohortId)
      .select(["a.visit_id as visitId", "a.person_id as personId", "a.status"])
      .execute(),
    db
      .selectFrom("skills_questions")
      .where("cohort_id", "=", cohortId)
      .select(["id", "position", "text"])
      .orderBy("position")
      .execute(),
    db
      .selectFrom("skills_answers")
      .where("cohort_id", "=", cohortId)
      .select(["person_id as personId", "question_id as questionId", "phase", "confidence"])
      .execute(),
    db
      .selectFrom("teams")
      .where("cohort_id", "=", cohortId)
      .select(["id", "number", "name"])
      .orderBy("number")
      .execute(),
    db
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
  ]);
  return { participants, visits, attendance, questions, answers, teams, outcomes };
}

/** Every cohort of a programme with what the programme view needs, oldest first. */
export async function programmeCohortRows(db: Db, programmeId: number): Promise<ProgrammeCohortRows[]> {
  const [cohorts, participants, attendance, teams, outcomes] = await Promise.all([
    db
      .selectFrom("cohorts")
      .where("programme_id", "=", programmeId)
      .select(["id", "name", "start_date", "weeks"])
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
      .select(["teams.id", "teams.cohort_id"])
      .execute(),
    db
      .selectFrom("team_outcomes as t")
      .innerJoin("teams", "teams.id", "t.team_id")
      .innerJoin("cohorts as c", "c.id", "teams.cohort_id")
      .where("c.programme_id", "=", programmeId)
      .select(["teams.cohort_id", "t.team_id as teamId", "t.follow_up as followUp", "t.status"])
      .execute(),
  ]);
  return cohorts.map((c) => {
    const tally = attendance.find((a) => a.cohort_id === c.id);
    return {
      cohortId: c.id,
      name: c.name,
      startDate: c.start_date,
      weeks: c.weeks,
      participants: participants
        .filter((p) => p.cohort_id === c.id)
        .map((p) => ({ withdrawnAt: p.withdrawn_at })),
      attendance: { attended: Number(tally?.attended ?? 0), recorded: Number(tally?.recorded ?? 0) },
      teams: teams.filter((t) => t.cohort_id === c.id).length,
      outcomes: outcomes
        .filter((o) => o.cohort_id === c.id)
        .map(({ teamId, followUp, status }) => ({ teamId, followUp, status })),
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

export async function getProgrammeRetention(db: Db, programmeId: number) {
  return db
    .selectFrom("programmes")
    .where("id", "=", programmeId)
    .select(["id", "name", "retention_months", "updated_at"])
    .executeTakeFirst();
}

/** Saves a new retention period if nobody changed the programme since `expectedUpdatedAt`. */
export async function setRetentionMonths(
  db: Db | Tx,
  programmeId: number,
  months: number,
  expectedUpdatedAt: string,
) {
  const result = await db
    .updateTable("programmes")
    .set({ retention_months: months, updated_at: nowIso() })
    .where("id", "=", programmeId)
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
