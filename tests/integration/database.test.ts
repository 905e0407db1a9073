// What both databases must keep exactly as SQLite does: runs on SQLite in `npm test` and on PostgreSQL in
// `npm run test:postgres`.
import { randomBytes } from "node:crypto";
import { type Kysely, Migrator } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { listRubric, saveRubric } from "~/models/pitch.server";
import { type Db, openAnyDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import { createPostgresDatabase, dropPostgresDatabase } from "../../db/postgres";
import { memoryDb } from "../setup/db";
import { makeWorld, makeWorldPitchDay } from "../setup/factories";
import { testPostgresUrl } from "../setup/postgres";

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

/** An empty database of the kind the run uses, migrated up to (and including) `last`. */
async function databaseMigratedTo(last: string) {
  const server = testPostgresUrl();
  const name = `tandem_migrate_${process.pid}_${randomBytes(4).toString("hex")}`;
  // biome-ignore lint/suspicious/noExplicitAny: the schema of an older migration, not today's
  const any: Kysely<any> = openAnyDatabase(server ? await createPostgresDatabase(server, name) : ":memory:");
  const migrator = new Migrator({ db: any, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
  return {
    any,
    remove: async () => {
      await any.destroy();
      if (server) await dropPostgresDatabase(server, name);
    },
  };
}

describe("migrations", () => {
  it("gives every existing membership the organisation its person has (2026-12-02T1100)", async () => {
    const { any, remove } = await databaseMigratedTo("2026-12-01T1900_indexes");
    try {
      const at = "2026-11-30T10:00:00.000Z";
      const org = await any
        .insertInto("organisations")
        .values({
          name: "HMRC",
          sector: "government",
          kind: "department",
          region: "england-and-wales",
          created_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const person = (name: string, organisationId: number | null) =>
        any
          .insertInto("people")
          .values({
            name,
            email: `${name}@example.test`,
            email_key: `${name}@example.test`,
            organisation_id: organisationId,
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      const withOrg = await person("ann", org.id);
      const without = await person("bo", null);
      const programme = await any
        .insertInto("programmes")
        .values({ name: "P", created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      const cohort = await any
        .insertInto("cohorts")
        .values({
          programme_id: programme.id,
          name: "C",
          start_date: "2027-01-04",
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await any
        .insertInto("memberships")
        .values([
          { cohort_id: cohort.id, person_id: withOrg.id, role: "participant", created_at: at },
          { cohort_id: cohort.id, person_id: withOrg.id, role: "leader", created_at: at },
          { cohort_id: cohort.id, person_id: without.id, role: "mentor", created_at: at },
        ])
        .execute();
      expect((await migrateToLatest(any)).applied).toContain("2026-12-02T1100_membership_organisation");
      const rows = await any
        .selectFrom("memberships")
        .select(["person_id", "role", "organisation_id"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { person_id: withOrg.id, role: "participant", organisation_id: org.id },
        { person_id: withOrg.id, role: "leader", organisation_id: org.id },
        { person_id: without.id, role: "mentor", organisation_id: null },
      ]);
    } finally {
      await remove();
    }
  });
});
