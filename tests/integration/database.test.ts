// What both databases must keep exactly as SQLite does: runs on SQLite in `npm test` and on PostgreSQL in
// `npm run test:postgres`.
import { beforeEach, describe, expect, it } from "vitest";
import { listRubric, saveRubric } from "~/models/pitch.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, makeWorldPitchDay } from "../setup/factories";

let db: Db;
beforeEach(async () => {
  db = await memoryDb();
});

describe("values as stored", () => {
  it("keeps a rubric weight with many decimals exactly (an 8-byte float on both databases)", async () => {
    const world = await makeWorld(db);
    const { eventId } = await makeWorldPitchDay(db, world);
    const [first, ...rest] = await listRubric(db, eventId);
    await db
      .transaction()
      .execute((tx) =>
        saveRubric(tx, eventId, [
          { ...first!, weight: 123.456789, levels: first!.levels },
          ...rest.map((c) => ({ ...c, levels: c.levels })),
        ]),
      );
    expect((await listRubric(db, eventId))[0]?.weight).toBe(123.456789);
  });

  it("gives counts and sums as numbers", async () => {
    const world = await makeWorld(db);
    const row = await db
      .selectFrom("memberships")
      .where("cohort_id", "=", world.cohortA.id)
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("person_id").as("total")])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe("number");
    expect(typeof row.total).toBe("number");
    expect(row.n).toBeGreaterThan(0);
  });
});
