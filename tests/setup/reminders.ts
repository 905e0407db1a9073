// A running cohort with something to remind people of: makeWorld()'s cohort A, running from `start`, with one
// published team (the world's participant and a teammate, mentored by the world's mentor), a session logged on
// `sessionDate` with an action of the participant's due on `actionDue`, and a confirmed visit to the world's
// industry organisation on `visitDate`.
import { createSession } from "~/models/mentoring.server";
import { publishTeams, replaceMentors, saveTeams } from "~/models/team.server";
import type { Db } from "../../db/connection";
import { makeMember, makeWorld } from "./factories";

export type ReminderDates = { start: string; visitDate: string; sessionDate: string; actionDue: string };

/** Mon 4 January 2027 start; visit Mon 8 February, the session on 20 January, the action due on 8 February. */
export const FRIDAY_BEFORE_A_MONDAY_VISIT = "2027-02-05";
export const REMINDER_DATES: ReminderDates = {
  start: "2027-01-04",
  visitDate: "2027-02-08",
  sessionDate: "2027-01-20",
  actionDue: "2027-02-08",
};

export async function makeReminderWorld(db: Db, dates: ReminderDates = REMINDER_DATES) {
  const world = await makeWorld(db);
  const cohortId = world.cohortA.id;
  await db
    .updateTable("cohorts")
    .set({ status: "running", start_date: dates.start })
    .where("id", "=", cohortId)
    .execute();
  const teammate = await makeMember(db, cohortId, "participant", {
    name: "Tia Teammate",
    email: "tia@example.test",
    organisationId: world.industry.id,
  });
  const at = new Date().toISOString();
  const { teamId, sessionId, visitId } = await db.transaction().execute(async (tx) => {
    await saveTeams(tx, cohortId, [[world.people.participant.id, teammate.id]], new Set());
    const team = await tx
      .selectFrom("teams")
      .where("cohort_id", "=", cohortId)
      .select("id")
      .executeTakeFirstOrThrow();
    await replaceMentors(tx, cohortId, [
      { teamId: team.id, personId: world.people.mentor.id, sector: "industry", overrideReason: null },
    ]);
    await publishTeams(tx, cohortId);
    const sessionId = await createSession(
      tx,
      team.id,
      world.people.mentor.id,
      {
        date: dates.sessionDate,
        durationMinutes: 45,
        format: "video",
        summary: "Scoping the problem",
        followUpDate: null,
        attendees: [
          { personId: world.people.participant.id, role: "member" },
          { personId: world.people.mentor.id, role: "mentor" },
        ],
        actions: [
          {
            id: null,
            ownerId: world.people.participant.id,
            text: "Draft the survey",
            dueDate: dates.actionDue,
          },
        ],
      },
      null,
    );
    const visit = await tx
      .insertInto("visits")
      .values({
        cohort_id: cohortId,
        organisation_id: world.industry.id,
        date: dates.visitDate,
        start_time: "10:00",
        end_time: "15:30",
        address: "1 Quay Street\nBristol",
        agenda: "Tour and talks",
        contact_name: "Kim Host",
        contact_email: "kim.host@example.test",
        status: "confirmed",
        cancel_reason: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { teamId: team.id, sessionId, visitId: visit.id };
  });
  return { world, teammate, teamId, sessionId, visitId };
}
