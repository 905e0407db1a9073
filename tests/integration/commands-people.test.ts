// The people commands: anonymising writes its audit event with the change, and nothing when there is nothing to do.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anonymise, exportPersonData } from "~/commands/people.server";
import { run, SYSTEM } from "~/commands/runner.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
});
afterEach(async () => {
  await db.destroy();
});

const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).selectAll().execute();

describe("people commands", () => {
  it("anonymises a person and logs it once; a second time is refused and logs nothing", async () => {
    const personId = world.otherParticipant.id;
    const actor = { personId: world.people.admin.id, address: "192.0.2.1" };
    expect((await run(db, actor, anonymise, { personId, reason: "on request" })).ok).toBe(true);
    const again = await run(db, actor, anonymise, { personId, reason: "on request" });
    expect(again).toMatchObject({ ok: false, conflict: expect.stringContaining("already been anonymised") });
    const logged = await events("person.anonymised");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ subject_id: personId, actor_person_id: world.people.admin.id });
    expect(JSON.parse(logged[0]!.details)).toEqual({ reason: "on request" });
  });

  it("records that a person's data was exported, by whom", async () => {
    const personId = world.people.participant.id;
    const outcome = await run(db, SYSTEM, exportPersonData, { personId });
    expect(outcome.ok && outcome.exported?.person.id).toBe(personId);
    expect(await events("person.data_exported")).toMatchObject([
      { subject_id: personId, actor_person_id: null },
    ]);
  });
});
