// Moving a milestone writes its audit event in the transaction of the move, and nothing when the form is stale.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moveMilestone } from "~/commands/milestones.server";
import { type Actor, run } from "~/commands/runner.server";
import { getCohort } from "~/models/programme.server";
import { listMilestones } from "~/models/visit.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
let actor: Actor;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  actor = { personId: world.people.coordinator.id, address: "192.0.2.1" };
});
afterEach(async () => {
  await db.destroy();
});

async function move(date: string, version: number) {
  const cohort = (await getCohort(db, world.cohortA.id))!;
  const milestone = (await listMilestones(db, cohort)).find((m) => m.kind === "mid-point")!;
  return run(db, actor, moveMilestone, { cohort, milestone, date, version });
}

const state = async () => ({
  milestones: await listMilestones(db, (await getCohort(db, world.cohortA.id))!),
  audit: await db.selectFrom("audit_events").selectAll().execute(),
});

describe("moving a milestone", () => {
  it("records the move from and to, in one transaction", async () => {
    const before = (await state()).milestones.find((m) => m.kind === "mid-point")!;
    const later = new Date(`${before.date}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 7);
    const to = later.toISOString().slice(0, 10);
    expect(await move(to, 0)).toEqual({ ok: true });
    const { audit } = await state();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "milestone.moved",
        cohort_id: world.cohortA.id,
        details: JSON.stringify({ kind: "mid-point", from: before.date, to }),
      }),
    ]);
  });

  it("writes nothing when someone moved it since the form was drawn", async () => {
    const before = (await state()).milestones.find((m) => m.kind === "mid-point")!;
    await move(before.date, 0);
    const moved = await state();
    expect(await move(before.date, 0)).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed this milestone/),
    });
    expect(await state()).toEqual(moved);
  });
});
