// Cohort set-up rows for tests: cohort A's industry organisation hosts a planned visit; the coordinator has a feed.
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { addOrganisationToCohort } from "~/models/cohort-organisation.server";
import type { Db } from "../../db/connection";
import { inTransaction, makeMember, type World } from "./factories";

export async function cohortSetupWorld(db: Db, world: World) {
  await db.transaction().execute(async (tx) => {
    await addOrganisationToCohort(tx, world.cohortA.id, world.industry, { hostsVisit: true });
    await addOrganisationToCohort(tx, world.cohortA.id, world.government);
  });
  const at = new Date().toISOString();
  const visit = await db
    .insertInto("visits")
    .values({
      cohort_id: world.cohortA.id,
      organisation_id: world.industry.id,
      date: "2027-01-20",
      start_time: "10:00",
      end_time: "16:00",
      address: "1 Test Street, Leeds",
      agenda: null,
      contact_name: "Hana Host",
      contact_email: "hana.host@example.test",
      cancel_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A second coordinator, who never signs in during the tests, owns the feed (a sign-in could reset it).
  const feedOwner = await makeMember(db, world.cohortA.id, "coordinator", {
    name: "Fen Feed",
    email: "fen.feed@example.test",
  });
  const feedToken = await inTransaction(db, (tx) => resetCalendarFeed(tx, feedOwner.id));
  return { visitId: visit.id, feedToken, feedOwnerId: feedOwner.id };
}
