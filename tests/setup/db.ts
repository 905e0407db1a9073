// A fresh, migrated database for one test file: SQLite in memory or in a temporary file a server can share, or,
// when TEST_DATABASE_URL names a PostgreSQL server (`npm run test:postgres`), a fresh PostgreSQL database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { freshPostgresDatabase, testPostgresUrl } from "./postgres";

export type TestDatabase = { db: Db; url: string; remove: () => Promise<void> };

async function postgresTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await freshPostgresDatabase();
  const db = openDatabase(url);
  return {
    db,
    url,
    remove: async () => {
      await db.destroy();
      await drop();
    },
  };
}

export async function memoryDb(): Promise<Db> {
  if (testPostgresUrl()) return (await postgresTestDatabase()).db;
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

export async function fileDb(): Promise<TestDatabase> {
  if (testPostgresUrl()) return postgresTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), "tandem-test-"));
  const url = `file:${join(dir, "tandem.sqlite")}`;
  const db = openDatabase(url);
  await migrateToLatest(db);
  return {
    db,
    url,
    remove: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
