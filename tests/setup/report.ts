// Report rows for tests: cohort A gets a team (with the participant) and its start questionnaire opens.
import { openPhase } from "~/models/skills.server";
import type { Db } from "../../db/connection";
import type { World } from "./factories";

export async function reportWorld(db: Db, world: World) {
  const at = new Date().toISOString();
  const team = await db
    .insertInto("teams")
    .values({ cohort_id: world.cohortA.id, number: 1, name: "Team Falcon", created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("team_members")
    .values({ team_id: team.id, cohort_id: world.cohortA.id, person_id: world.people.participant.id })
    .execute();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await db.transaction().execute((tx) => openPhase(tx, world.cohortA.id, "start", deadline, 0));
  return { teamId: team.id };
}
