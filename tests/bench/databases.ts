// The databases the load benchmark runs on: a fresh, migrated, empty database of each kind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";

export type BenchKind = "sqlite" | "postgres" | "postgres-2";
export const BENCH_KINDS: readonly BenchKind[] = ["sqlite", "postgres", "postgres-2"];

/** App processes serving each kind: `postgres-2` is two processes sharing one PostgreSQL database. */
export const PROCESSES: Record<BenchKind, number> = { sqlite: 1, postgres: 1, "postgres-2": 2 };

export type BenchDatabase = { url: string; drop: () => Promise<void> };

/** Raised when a configuration cannot run here; the benchmark prints the reason and goes on. */
export class Unavailable extends Error {}

/** A fresh migrated database for a configuration; its DATABASE_URL and how to throw it away. */
export async function benchDatabase(kind: BenchKind): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
    const url = `file:${join(dir, "tandem.sqlite")}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    await db.destroy();
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return freshPostgres();
}

type PostgresSetup = { freshPostgresDatabase: () => Promise<BenchDatabase> };
type PostgresServerSetup = { startThrowawayPostgres: () => Promise<{ url: string; stop: () => void }> };

/** The throw-away PostgreSQL server this run started, if it started one. */
let throwaway: { stop: () => void } | null = null;

/**
 * With no TEST_DATABASE_URL, starts a throw-away PostgreSQL server (tests/setup/postgres-server.ts) for the
 * rest of the run, as the PostgreSQL test run does; closeBenchDatabases stops it.
 */
async function ensurePostgresServer() {
  if (process.env.TEST_DATABASE_URL?.startsWith("postgres") || throwaway) return;
  const setup = await importOptional<PostgresServerSetup>("../setup/postgres-server");
  if (typeof setup?.startThrowawayPostgres !== "function") return;
  try {
    const server = await setup.startThrowawayPostgres();
    throwaway = server;
    process.env.TEST_DATABASE_URL = server.url;
  } catch (error) {
    throw new Unavailable(`no PostgreSQL server could be started (${firstLine(error)})`);
  }
}

export async function closeBenchDatabases() {
  throwaway?.stop();
  throwaway = null;
}

/** A module of tests/setup that may not exist yet, imported by a computed name so the bench type-checks. */
async function importOptional<T>(path: string): Promise<T | null> {
  try {
    return (await import(path)) as T;
  } catch (error) {
    const missing = (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND";
    if (missing && String((error as Error).message).includes(path.replace(/^\.\./, ""))) return null;
    throw error;
  }
}

async function freshPostgres(): Promise<BenchDatabase> {
  let setup: PostgresSetup | null;
  try {
    setup = await importOptional<PostgresSetup>("../setup/postgres");
  } catch (error) {
    throw new Unavailable(`tests/setup/postgres.ts could not be loaded (${firstLine(error)})`);
  }
  if (!setup) throw new Unavailable("tests/setup/postgres.ts does not exist yet");
  await ensurePostgresServer();
  if (typeof setup.freshPostgresDatabase !== "function")
    throw new Unavailable("tests/setup/postgres.ts does not export freshPostgresDatabase");
  let database: BenchDatabase;
  try {
    database = await setup.freshPostgresDatabase();
  } catch (error) {
    throw new Unavailable(`no PostgreSQL server (${firstLine(error)})`);
  }
  try {
    const db = openDatabase(database.url);
    await db.selectFrom("people").select("id").limit(1).execute();
    await db.destroy();
  } catch (error) {
    await database.drop();
    throw new Unavailable(`Tandem cannot open the PostgreSQL database (${firstLine(error)})`);
  }
  return database;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
