// A fresh, migrated SQLite database for one test file: in memory, or in a temporary file a server can share.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";

export async function memoryDb(): Promise<Db> {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

export async function fileDb(): Promise<{ db: Db; url: string; dir: string; remove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-test-"));
  const url = `file:${join(dir, "tandem.sqlite")}`;
  const db = openDatabase(url);
  await migrateToLatest(db);
  return {
    db,
    url,
    dir,
    remove: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
