// Mentoring rows for tests: two published teams in cohort A (the world's participant and mentor are in team 1),
// each with a logged session (an action, a private note) and a saved problem statement.
import { todayInLondon } from "~/domain/calendar";
import { createSession } from "~/models/mentoring.server";
import { saveStatementVersion } from "~/models/problem-statement.server";
import { publishTeams, replaceMentors, saveTeams } from "~/models/team.server";
import type { Db } from "../../db/connection";
import { makeMember, makeOrganisation, type World } from "./factories";

export const PRIVATE_NOTE_1 = "Team 1 private: Pat is struggling to get time from their line manager";
export const PRIVATE_NOTE_2 = "Team 2 private: consider moving the pitch slot";

/** Moves the cohort's start to the Monday of five weeks ago, so sessions can be logged in the past. */
export async function startCohortFiveWeeksAgo(db: Db, cohortId: number) {
  const start = new Date(Date.now() - 35 * 86_400_000);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  await db
    .updateTable("cohorts")
    .set({ start_date: start.toISOString().slice(0, 10) })
    .where("id", "=", cohortId)
    .execute();
}

export async function makeMentoringTeams(db: Db, world: World, cohortId = world.cohortA.id) {
  const gov = await makeOrganisation(db, "government", "Mentoring Department");
  const ind = await makeOrganisation(db, "industry", "Mentoring Company");
  const teammate = await makeMember(db, cohortId, "participant", {
    name: "Tia Teammate",
    organisationId: ind.id,
  });
  const govMentor1 = await makeMember(db, cohortId, "mentor", {
    name: "Gita Government",
    organisationId: gov.id,
  });
  const other1 = await makeMember(db, cohortId, "participant", {
    name: "Otto Otherteam",
    organisationId: gov.id,
  });
  const other2 = await makeMember(db, cohortId, "participant", {
    name: "Ola Otherteam",
    organisationId: ind.id,
  });
  const indMentor2 = await makeMember(db, cohortId, "mentor", {
    name: "Ian Industry",
    organisationId: ind.id,
  });
  const govMentor2 = await makeMember(db, cohortId, "mentor", {
    name: "Gus Government",
    organisationId: gov.id,
  });
  await db.transaction().execute((tx) =>
    saveTeams(
      tx,
      cohortId,
      [
        [world.people.participant.id, teammate.id],
        [other1.id, other2.id],
      ],
      new Set(),
    ),
  );
  const teams = await db
    .selectFrom("teams")
    .where("cohort_id", "=", cohortId)
    .select(["id", "number"])
    .orderBy("number")
    .execute();
  const [team1, team2] = [teams[0]!, teams[1]!];
  await db.transaction().execute((tx) =>
    replaceMentors(tx, cohortId, [
      { teamId: team1.id, personId: world.people.mentor.id, sector: "industry", overrideReason: null },
      { teamId: team1.id, personId: govMentor1.id, sector: "government", overrideReason: null },
      { teamId: team2.id, personId: indMentor2.id, sector: "industry", overrideReason: null },
      { teamId: team2.id, personId: govMentor2.id, sector: "government", overrideReason: null },
    ]),
  );
  await db.transaction().execute((tx) => publishTeams(tx, cohortId));
  const today = todayInLondon();
  const { session1, session2, action1, action2 } = await db.transaction().execute(async (tx) => {
    const session1 = await createSession(
      tx,
      team1.id,
      world.people.mentor.id,
      {
        date: today,
        durationMinutes: 45,
        format: "video",
        summary: "Team 1 talked about refunds",
        followUpDate: null,
        attendees: [
          { personId: world.people.participant.id, role: "member" },
          { personId: world.people.mentor.id, role: "mentor" },
        ],
        actions: [{ id: null, ownerId: world.people.participant.id, text: "Team 1 action", dueDate: today }],
      },
      PRIVATE_NOTE_1,
    );
    const session2 = await createSession(
      tx,
      team2.id,
      indMentor2.id,
      {
        date: today,
        durationMinutes: 60,
        format: "in-person",
        summary: "Team 2 talked about prisons",
        followUpDate: null,
        attendees: [{ personId: other1.id, role: "member" }],
        actions: [{ id: null, ownerId: other1.id, text: "Team 2 action", dueDate: today }],
      },
      PRIVATE_NOTE_2,
    );
    const actions = await tx
      .selectFrom("session_actions")
      .select(["id", "session_id"])
      .orderBy("id")
      .execute();
    const text = (title: string) => ({
      title,
      category: "operational" as const,
      department: "HMRC",
      problem: "p",
      affected: "a",
      evidence: "e",
      approach: "x",
      success_measures: "s",
    });
    await saveStatementVersion(tx, team1.id, 0, text("Team 1 statement"), world.people.participant.id);
    await saveStatementVersion(tx, team2.id, 0, text("Team 2 statement"), other1.id);
    return {
      session1,
      session2,
      action1: actions.find((a) => a.session_id === session1)!.id,
      action2: actions.find((a) => a.session_id === session2)!.id,
    };
  });
  return {
    team1: team1.id,
    team2: team2.id,
    session1,
    session2,
    action1,
    action2,
    teammate,
    govMentor1,
    other1,
    other2,
    indMentor2,
    govMentor2,
  };
}

export type MentoringWorld = Awaited<ReturnType<typeof makeMentoringTeams>>;
