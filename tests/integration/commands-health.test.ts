// Changing when a quiet team is flagged: the audit event in the same transaction, and nothing on a stale form.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeQuietTeamDays } from "~/commands/health.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { getHealthSettings } from "~/models/mentoring.server";
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

describe("changing the quiet-team days", () => {
  it("changes the setting with its audit event, and refuses a form drawn before someone else's change", async () => {
    const cohortId = world.cohortA.id;
    expect(await run(db, SYSTEM, changeQuietTeamDays, { cohortId, quietDays: 21, expected: 14 })).toEqual({
      ok: true,
    });
    const stale = await run(db, SYSTEM, changeQuietTeamDays, { cohortId, quietDays: 7, expected: 14 });
    expect(stale).toEqual({
      ok: false,
      conflict:
        "Someone else changed the number of days while you were working on it. Your changes are kept below: check them and save again.",
    });
    expect((await getHealthSettings(db, cohortId)).quiet_team_days).toBe(21);
    const events = await db
      .selectFrom("audit_events")
      .where("action", "=", "cohort.quiet_team_days_changed")
      .select(["cohort_id", "details"])
      .execute();
    expect(events).toEqual([{ cohort_id: cohortId, details: JSON.stringify({ from: 14, to: 21 }) }]);
  });
});
