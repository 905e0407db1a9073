// The programme commands write their change and its audit event in one transaction, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProgramme, changeRetentionPeriod, editProgramme } from "~/commands/programmes.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { getProgramme } from "~/models/programme.server";
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

const actor = () => ({ personId: world.people.admin.id, address: "192.0.2.1" });
const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).selectAll().execute();

describe("programme commands", () => {
  it("creates a programme and records who did it in the same transaction", async () => {
    const outcome = await run(db, actor(), addProgramme, {
      name: "Data Connect",
      description: null,
      sponsorOrganisationId: null,
    });
    expect(outcome.ok).toBe(true);
    const [event] = await events("programme.created");
    expect(event).toMatchObject({ actor_person_id: world.people.admin.id, address: "192.0.2.1" });
    expect(JSON.parse(event!.details)).toEqual({ name: "Data Connect" });
  });

  it("refuses a name already taken, writing nothing", async () => {
    const before = await getProgramme(db, world.programme.id);
    const outcome = await run(db, actor(), addProgramme, {
      name: before!.name,
      description: null,
      sponsorOrganisationId: null,
    });
    expect(outcome).toEqual({
      ok: false,
      invalid: { name: [`A programme called ${before!.name} already exists`] },
    });
    expect(await events("programme.created")).toHaveLength(0);
  });

  it("refuses an edit drawn from an old version, changing nothing and logging nothing", async () => {
    const before = await getProgramme(db, world.programme.id);
    const input = { programmeId: world.programme.id, description: null, sponsorOrganisationId: null };
    const first = await run(db, actor(), editProgramme, {
      ...input,
      name: "Renamed",
      updatedAt: before!.updated_at,
    });
    expect(first.ok).toBe(true);
    const stale = await run(db, actor(), editProgramme, {
      ...input,
      name: "Stale",
      updatedAt: before!.updated_at,
    });
    expect(stale).toMatchObject({
      ok: false,
      conflict: expect.stringContaining("Someone else changed this programme"),
    });
    expect((await getProgramme(db, world.programme.id))?.name).toBe("Renamed");
    expect(await events("programme.updated")).toHaveLength(1);
  });

  it("changes the retention period with its from and to, or not at all when the form is stale", async () => {
    const programme = (await getProgramme(db, world.programme.id))!;
    const ok = await run(db, SYSTEM, changeRetentionPeriod, {
      programme,
      months: 36,
      updatedAt: programme.updated_at,
    });
    expect(ok.ok).toBe(true);
    const again = await run(db, SYSTEM, changeRetentionPeriod, {
      programme,
      months: 6,
      updatedAt: programme.updated_at,
    });
    expect(again.ok).toBe(false);
    expect((await getProgramme(db, programme.id))?.retention_months).toBe(36);
    const logged = await events("programme.retention_changed");
    expect(logged.map((e) => JSON.parse(e.details))).toEqual([{ from: 24, to: 36, name: programme.name }]);
  });
});
