// Report rows for tests: cohort A's participant is in a team (made here unless one exists) and its start
// questionnaire opens.
import { addDays, format, parseISO } from "date-fns";
import { EMPTY_STATEMENT } from "~/domain/problem-statement";
import { createSession } from "~/models/mentoring.server";
import {
  addPanelMember,
  createPitchEvent,
  listRubric,
  publishRanking,
  releaseResults,
  replaceSlots,
  saveSheet,
  setScoringState,
} from "~/models/pitch.server";
import { saveStatementVersion } from "~/models/problem-statement.server";
import { openPhase } from "~/models/skills.server";
import type { Db } from "../../db/connection";
import { makeMember, makeTeamCohort, PITCH_DAY, type World } from "./factories";

export async function reportWorld(db: Db, world: World) {
  const at = new Date().toISOString();
  const existing = await db
    .selectFrom("team_members")
    .where("cohort_id", "=", world.cohortA.id)
    .where("person_id", "=", world.people.participant.id)
    .select("team_id as id")
    .executeTakeFirst();
  const team =
    existing ??
    (await db
      .insertInto("teams")
      .values({ cohort_id: world.cohortA.id, number: 1, name: "Team Falcon", created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow());
  if (!existing) {
    await db
      .insertInto("team_members")
      .values({ team_id: team.id, cohort_id: world.cohortA.id, person_id: world.people.participant.id })
      .execute();
  }
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await db.transaction().execute((tx) => openPhase(tx, world.cohortA.id, "start", deadline, 0));
  return { teamId: team.id };
}

/**
 * A cohort with everything the report counts: 30 participants (two withdrawn), four visits (one cancelled) with
 * attendance, both questionnaires answered by some, three teams with outcomes, mentoring sessions (one dated after
 * the cohort's end), two problem statements, and a pitch day with its results released and its ranking published to the
 * cohort (a conflicted leader's sheet and a draft among the sheets). Values follow a seeded sequence.
 */
export async function fillReportCohort(db: Db, cohortId: number, prefix = "Report") {
  const { participants, companies, mentors } = await makeTeamCohort(db, cohortId, {
    participants: 30,
    prefix,
  });
  let state = 7;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  await db
    .updateTable("memberships")
    .set({ withdrawn_at: "2027-02-01T10:00:00.000Z", withdrawal_reason: "Moved post" })
    .where("cohort_id", "=", cohortId)
    .where("person_id", "in", [participants[3]!.id, participants[17]!.id])
    .execute();
  const at = new Date().toISOString();
  const visitIds: number[] = [];
  // Attendance counts only at visits that have started, so these visits are in the past whenever the tests run.
  for (const [i, date] of ["2026-01-14", "2026-01-28", "2026-02-11", "2026-02-25"].entries()) {
    const visit = await db
      .insertInto("visits")
      .values({
        cohort_id: cohortId,
        organisation_id: companies[i]!.id,
        date,
        start_time: "10:00",
        end_time: "16:00",
        address: null,
        agenda: null,
        contact_name: null,
        contact_email: null,
        cancel_reason: i === 2 ? "Host unavailable" : null,
        status: i === 2 ? "cancelled" : "confirmed",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    visitIds.push(visit.id);
    const statuses = ["attended", "attended", "attended", "apologies", "absent"] as const;
    for (const p of participants) {
      if (next(10) === 0) continue;
      await db
        .insertInto("attendance")
        .values({
          visit_id: visit.id,
          person_id: p.id,
          status: statuses[next(5)]!,
          recorded_by: null,
          recorded_at: at,
        })
        .execute();
    }
  }
  await db.transaction().execute(async (tx) => {
    await openPhase(tx, cohortId, "start", "2027-01-20", 0);
    await openPhase(tx, cohortId, "end", "2027-04-02", 0);
  });
  const questions = await db
    .selectFrom("skills_questions")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .execute();
  for (const [i, p] of participants.entries()) {
    for (const phase of ["start", "end"] as const) {
      if ((phase === "start" && i % 6 === 5) || (phase === "end" && i % 4 === 1)) continue;
      await db
        .insertInto("skills_answers")
        .values(
          questions.map((q) => ({
            cohort_id: cohortId,
            person_id: p.id,
            question_id: q.id,
            phase,
            confidence: 1 + next(phase === "start" ? 3 : 5),
            submitted_at: at,
          })),
        )
        .execute();
    }
  }
  const teams: Array<{ id: number }> = [];
  for (const number of [1, 2, 3]) {
    teams.push(
      await db
        .insertInto("teams")
        .values({
          cohort_id: cohortId,
          number,
          name: number === 2 ? null : `${prefix} team ${number}`,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
  }
  await db
    .insertInto("team_members")
    .values(participants.map((p, i) => ({ team_id: teams[i % 3]!.id, cohort_id: cohortId, person_id: p.id })))
    .execute();
  await db
    .insertInto("team_outcomes")
    .values([
      {
        team_id: teams[0]!.id,
        follow_up: "3-months",
        status: "under-consideration",
        note: "With the DWP board",
        recorded_by: null,
        recorded_at: at,
      },
      {
        team_id: teams[0]!.id,
        follow_up: "6-months",
        status: "piloted",
        note: "Pilot in Leeds",
        recorded_by: null,
        recorded_at: at,
      },
      {
        team_id: teams[1]!.id,
        follow_up: "3-months",
        status: "not-taken-forward",
        note: null,
        recorded_by: null,
        recorded_at: at,
      },
    ])
    .execute();
  const { start_date: startDate } = await db
    .selectFrom("cohorts")
    .where("id", "=", cohortId)
    .select("start_date")
    .executeTakeFirstOrThrow();
  const day = (offset: number) => format(addDays(parseISO(startDate), offset), "yyyy-MM-dd");
  await db
    .insertInto("team_mentors")
    .values(
      teams.map((team, i) => ({
        team_id: team.id,
        person_id: mentors[i * 2]!.id,
        sector: "government" as const,
        override_reason: null,
        created_at: at,
      })),
    )
    .execute();
  // Team 1: four sessions in weeks 1, 1, 2 and 4 and one after the end; team 2: two; team 3: none.
  const sessions: Array<[number, number, number]> = [
    [0, 0, 60],
    [0, 3, 30],
    [0, 9, 45],
    [0, 22, 90],
    [0, 12 * 7 + 3, 20],
    [1, 1, 60],
    [1, 15, 75],
  ];
  await db.transaction().execute(async (tx) => {
    for (const [team, offset, minutes] of sessions) {
      await createSession(
        tx,
        teams[team]!.id,
        mentors[team * 2]!.id,
        {
          date: day(offset),
          durationMinutes: minutes,
          format: "video",
          summary: `${prefix} session`,
          followUpDate: null,
          attendees: [{ personId: mentors[team * 2]!.id, role: "mentor" }],
          actions: [],
        },
        null,
      );
    }
    // Team 1: approved, technology. Team 2: a draft with no category yet. Team 3: not started.
    await saveStatementVersion(
      tx,
      teams[0]!.id,
      0,
      { ...EMPTY_STATEMENT, title: "Refunds", category: "technology" },
      participants[0]!.id,
    );
    await saveStatementVersion(
      tx,
      teams[1]!.id,
      0,
      { ...EMPTY_STATEMENT, title: "Draft" },
      participants[1]!.id,
    );
  });
  await db
    .updateTable("problem_statements")
    .set({ status: "approved", approved_at: at })
    .where("team_id", "=", teams[0]!.id)
    .execute();

  const leaders: Array<Awaited<ReturnType<typeof makeMember>>> = [];
  for (const n of [1, 2, 3])
    leaders.push(
      await makeMember(db, cohortId, "leader", {
        name: `${prefix} Leader ${n}`,
        // Leader 3 works where two of team 3's members work: in conflict with team 3.
        organisationId: n === 3 ? companies[5]!.id : null,
      }),
    );
  const event = await db.transaction().execute(async (tx) => {
    const created = await createPitchEvent(tx, cohortId, { ...PITCH_DAY, date: day(11 * 7 + 3) });
    await replaceSlots(
      tx,
      created.id,
      teams.map((t) => t.id),
      null,
    );
    for (const leader of leaders) await addPanelMember(tx, created.id, leader.id);
    const rubric = await listRubric(tx, created.id);
    for (const [l, leader] of leaders.entries()) {
      for (const [t, team] of teams.entries()) {
        await saveSheet(
          tx,
          {
            eventId: created.id,
            personId: leader.id,
            teamId: team.id,
            // Leader 2's sheet for team 3 is left as a draft.
            status: l === 1 && t === 2 ? "draft" : "submitted",
            workedWell: `${prefix} Leader ${l + 1} liked it`,
            couldBeBetter: "",
            scores: new Map(rubric.map((c, i) => [c.id, 1 + ((l * 2 + t * 3 + i + next(3)) % c.max)])),
          },
          0,
        );
      }
    }
    await setScoringState(tx, created.id, "closed");
    await releaseResults(tx, created.id);
    await publishRanking(tx, created.id);
    return created;
  });
  return { participants, visitIds, teams, eventId: event.id, leaders };
}
