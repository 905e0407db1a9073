// The nomination commands write their audit events in the transaction of the change, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editNomination } from "~/commands/nominations.server";
import { type Actor, run } from "~/commands/runner.server";
import { getNomination } from "~/models/nomination.server";
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

/**
 * Saves the nomination from a form drawn at `version` (by default, the current one), with the organisation the
 * person represents in the cohort as it is unless another is given.
 */
async function edit(version?: number, organisationId?: number | null) {
  const nomination = (await getNomination(db, world.cohortA.id, world.people.participant.id))!;
  version ??= nomination.version;
  if (organisationId === undefined) organisationId = nomination.organisation_id;
  return run(db, actor, editNomination, {
    cohortId: world.cohortA.id,
    membershipId: nomination.membershipId,
    personId: nomination.id,
    version,
    name: "Pat Released",
    jobTitle: null,
    profession: null,
    organisationId,
    releaseStatus: "approved",
    lineManagerEmail: "manager@example.test",
  });
}

const state = async () => ({
  nomination: await getNomination(db, world.cohortA.id, world.people.participant.id),
  audit: await db.selectFrom("audit_events").selectAll().execute(),
});

describe("changing a nomination", () => {
  it("saves the release and records it, in one transaction", async () => {
    const drawn = (await state()).nomination!.version;
    expect(await edit()).toEqual({ ok: true });
    const { nomination, audit } = await state();
    expect(nomination).toMatchObject({
      name: "Pat Released",
      release_status: "approved",
      version: drawn + 1,
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "nomination.updated",
        subject_type: "person",
        subject_id: world.people.participant.id,
        actor_person_id: world.people.coordinator.id,
        details: JSON.stringify({ releaseStatus: "approved", lineManagerEmail: "manager@example.test" }),
      }),
    ]);
  });

  it("changes nothing, not even the version, when the form is stale", async () => {
    const drawn = (await state()).nomination!.version;
    await edit();
    const before = await state();
    expect(await edit(drawn)).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed this person's nomination/),
    });
    expect(await state()).toEqual(before);
  });

  it("changes nothing when the organisation is not the cohort's", async () => {
    const before = await state();
    expect(await edit(undefined, world.industry.id)).toEqual({
      ok: false,
      invalid: { organisationId: ["Select one of the cohort's organisations"] },
    });
    expect(await state()).toEqual(before);
  });
});
