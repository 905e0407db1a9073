// Fresh, migrated PostgreSQL databases for tests and the benchmark, on the server TEST_DATABASE_URL names (a
// maintenance database such as postgres://tandem@127.0.0.1:5432/postgres). The schema is migrated once into a
// template named after the migrations, and each test file gets a copy of it: a copy takes milliseconds.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { openAnyDatabase } from "../../db/connection";
import { isPostgresUrl } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresDatabaseExists,
  withPostgresLock,
} from "../../db/postgres";

/** The PostgreSQL server the tests run on, or null for SQLite. */
export function testPostgresUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
}

const TEMPLATE_LOCK = 7_340_001;

async function migratedTemplate(serverUrl: string): Promise<string> {
  // Named after what makes the schema: the migrations and how db/postgres.ts compiles them.
  const hash = createHash("sha256").update(Object.keys(migrations).join("\n"));
  for (const file of ["db/postgres.ts", ...Object.keys(migrations).map((name) => `db/migrations/${name}.ts`)])
    hash.update(readFileSync(file));
  const schema = hash.digest("hex").slice(0, 12);
  const template = `tandem_template_${schema}`;
  await withPostgresLock(serverUrl, TEMPLATE_LOCK, async () => {
    if (await postgresDatabaseExists(serverUrl, template)) return;
    const building = `${template}_building`;
    await dropPostgresDatabase(serverUrl, building);
    const db = openAnyDatabase(await createPostgresDatabase(serverUrl, building));
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    await createPostgresDatabase(serverUrl, template, building);
    await dropPostgresDatabase(serverUrl, building);
  });
  return template;
}

export async function freshPostgresDatabase(
  serverUrl: string | null = testPostgresUrl(),
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error("TEST_DATABASE_URL names no PostgreSQL server");
  const name = `tandem_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = await createPostgresDatabase(serverUrl, name, await migratedTemplate(serverUrl));
  return { url, drop: () => dropPostgresDatabase(serverUrl, name) };
}
