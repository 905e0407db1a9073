// Recording outcomes writes one audit event per follow-up in the same transaction, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordOutcomes } from "~/commands/outcomes.server";
import { run } from "~/commands/runner.server";
import { listOutcomesOfTeam } from "~/models/outcome.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, makeWorldPitchDay, type World } from "../setup/factories";

let db: Db;
let world: World;
let teamId: number;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  teamId = (await makeWorldPitchDay(db, world)).teamId;
});
afterEach(async () => {
  await db.destroy();
});

describe("recording outcomes", () => {
  it("saves each follow-up with its audit event, and a stale form saves none of them", async () => {
    const coordinator = world.people.coordinator.id;
    const actor = { personId: coordinator, address: "203.0.113.9" };
    const input = {
      cohortId: world.cohortA.id,
      team: { id: teamId, label: "Team 1: Blue" },
      recordedBy: coordinator,
      outcomes: [
        { followUp: "3-months" as const, status: "piloted" as const, note: "Leeds", expectedRecordedAt: "" },
      ],
    };
    expect(await run(db, actor, recordOutcomes, input)).toEqual({ ok: true });
    const [first] = await listOutcomesOfTeam(db, teamId);

    // Both follow-ups drawn from a form that had not seen the first save: the new 6-month one is refused too.
    const stale = await run(db, actor, recordOutcomes, {
      ...input,
      outcomes: [
        { followUp: "6-months", status: "taken-forward", note: null, expectedRecordedAt: "" },
        { followUp: "3-months", status: "not-taken-forward", note: null, expectedRecordedAt: "" },
      ],
    });
    expect(stale).toMatchObject({ ok: false, conflict: expect.stringMatching(/^Someone else changed/) });
    expect(await listOutcomesOfTeam(db, teamId)).toEqual([first]);
    const events = await db
      .selectFrom("audit_events")
      .where("action", "=", "outcome.recorded")
      .select(["actor_person_id", "address", "subject_id", "details"])
      .execute();
    expect(events).toEqual([
      {
        actor_person_id: coordinator,
        address: "203.0.113.9",
        subject_id: teamId,
        details: JSON.stringify({ team: "Team 1: Blue", followUp: "3-months", status: "piloted" }),
      },
    ]);
  });
});
