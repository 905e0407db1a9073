// What only PostgreSQL can show: moving a deployment from SQLite to PostgreSQL and back with `copy-data` (never
// into or out of a database a server is running on), and `backup`/`restore` pointing to pg_dump on PostgreSQL.
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { tableGraph } from "../../db/introspect";
import { migrateToLatest } from "../../db/migrate";
import { createPostgresDatabase, dropPostgresDatabase } from "../../db/postgres";
import { claimWholeDatabase, holdWhileServing } from "../../db/server-lock";
import { seedDemo } from "../../scripts/seed-demo";
import { cliWorkspace, runTandem } from "../setup/cli";
import { freshPostgresDatabase, testPostgresUrl } from "../setup/postgres";
import { serveProcess } from "../setup/serve-process";

const { dir, tandem } = cliWorkspace("copy-data");
const sqliteUrl = () => `file:${join(dir, "demo.sqlite")}`;
const emptyName = `tandem_copy_${process.pid}`;
let emptyPostgres = "";

beforeAll(async () => {
  const db = openDatabase(sqliteUrl());
  await migrateToLatest(db);
  await seedDemo(db);
  await db.destroy();
  emptyPostgres = await createPostgresDatabase(testPostgresUrl()!, emptyName);
});
afterAll(() => dropPostgresDatabase(testPostgresUrl()!, emptyName));

/** Every table's rows, in a stable order, for comparing two databases. */
async function snapshot(url: string): Promise<Record<string, unknown[]>> {
  const db = openDatabase(url);
  try {
    const tables = [...(await tableGraph(db)).keys()].filter((t) => !t.startsWith("kysely_")).sort();
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      // biome-ignore lint/suspicious/noExplicitAny: tables named at run time
      const rows = await (db as any).selectFrom(table).selectAll().execute();
      out[table] = rows
        .map((row: Record<string, unknown>) => JSON.stringify(row, Object.keys(row).sort()))
        .sort();
    }
    return out;
  } finally {
    await db.destroy();
  }
}

describe("copy-data", () => {
  it("moves the demo database to PostgreSQL and back with every row intact", async () => {
    const there = tandem("copy-data", "--from", sqliteUrl(), "--to", emptyPostgres);
    expect(there.status, there.err).toBe(0);
    expect(there.out).toMatch(/every count matches/);
    expect(there.out).toMatch(/^people\s+\d+\s+\d+$/m);
    const original = await snapshot(sqliteUrl());
    expect(await snapshot(emptyPostgres)).toEqual(original);

    const backUrl = `file:${join(dir, "back.sqlite")}`;
    const back = tandem("copy-data", "--from", emptyPostgres, "--to", backUrl);
    expect(back.status, back.err).toBe(0);
    expect(await snapshot(backUrl)).toEqual(original);
  });

  it("carries identity counters across, so new rows on PostgreSQL get fresh ids", async () => {
    const db = openDatabase(emptyPostgres);
    try {
      const before = await db
        .selectFrom("organisations")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirst();
      const added = await db
        .insertInto("organisations")
        .values({
          name: "Copied Later Ltd",
          sector: "industry",
          kind: "company",
          region: "england-and-wales",
          created_at: new Date().toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(added.id).toBeGreaterThan(Number(before?.id));
    } finally {
      await db.destroy();
    }
  });

  it("refuses a target that already holds data, and changes nothing", async () => {
    const again = tandem("copy-data", "--from", sqliteUrl(), "--to", emptyPostgres);
    expect(again.status).toBe(2);
    expect(again.err).toMatch(/target already holds data \(table \w+\).*The target is unchanged/);
  });

  it("refuses to copy into, or out of, a database a server is running on, and changes nothing", async () => {
    const { url, drop } = await freshPostgresDatabase();
    const people = async () => {
      const db = openDatabase(url);
      try {
        return (await db.selectFrom("people").select("id").execute()).length;
      } finally {
        await db.destroy();
      }
    };
    try {
      const server = await serveProcess(url);
      try {
        const into = tandem("copy-data", "--from", sqliteUrl(), "--to", url);
        expect(into.status).toBe(2);
        expect(into.err).toMatch(
          /Not copied: Tandem is running on the target, .* \(a server holds its advisory lock\): stop it, then run this again\. The target is unchanged\./,
        );
        expect(await people()).toBe(0);
        const from = tandem("copy-data", "--from", url, "--to", `file:${join(dir, "from-running.sqlite")}`);
        expect(from.status).toBe(2);
        expect(from.err).toContain("Not copied: Tandem is running on the source");
      } finally {
        server.child.kill("SIGTERM");
        await server.exited;
      }
      const copied = tandem("copy-data", "--from", sqliteUrl(), "--to", url);
      expect(copied.status, copied.err).toBe(0);
      expect(await people()).toBeGreaterThan(0);
    } finally {
      await drop();
    }
  }, 90_000);

  it("refuses a source that is not a Tandem database", async () => {
    const { url, drop } = await freshPostgresDatabase();
    try {
      const refused = tandem("copy-data", "--from", `file:${join(dir, "nothing.sqlite")}`, "--to", url);
      expect(refused.status).toBe(2);
      expect(refused.err).toContain("not a Tandem database");
    } finally {
      await drop();
    }
  });
});

describe("backups on PostgreSQL", () => {
  it("points backup and restore to pg_dump and pg_restore", () => {
    const env = { DATABASE_URL: emptyPostgres };
    const backup = runTandem(["backup", join(dir, "x.sqlite")], env);
    expect(backup.status).toBe(2);
    expect(backup.err).toContain("pg_dump");
    const restore = runTandem(["restore", join(dir, "x.sqlite")], env);
    expect(restore.status).toBe(2);
    expect(restore.err).toContain("pg_restore");
  });
});

describe("the lock a server holds on PostgreSQL", () => {
  it("is taken again when its connection drops, once, and let go entirely on release", async () => {
    const { url, drop } = await freshPostgresDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    /** The sessions holding the server's shared lock. */
    const holders = async () =>
      (
        await admin.query<{ pid: number }>(
          "select pid from pg_locks where locktype = 'advisory' and mode = 'ShareLock'",
        )
      ).rows.map((r) => r.pid);
    try {
      const serving = await holdWhileServing(url);
      const [first] = await holders();
      await admin.query("select pg_terminate_backend($1)", [first]);
      await expect
        .poll(
          async () => {
            const now = await holders();
            return now.length === 1 && now[0] !== first;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      expect((await claimWholeDatabase(url)).ok).toBe(false);
      await serving.release();
      expect(await holders()).toEqual([]);
      const claim = await claimWholeDatabase(url);
      expect(claim.ok).toBe(true);
      if (claim.ok) await claim.release();
    } finally {
      await admin.end();
      await drop();
    }
  });
});
