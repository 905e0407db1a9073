// The databases the load benchmark runs on: a fresh, migrated, empty database of each kind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { freshPostgresDatabase, testPostgresUrl } from "../setup/postgres";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../setup/postgres-server";

export type BenchKind = "sqlite" | "postgres" | "postgres-2";
export const BENCH_KINDS: readonly BenchKind[] = ["sqlite", "postgres", "postgres-2"];

/** The configurations BENCH_DATABASES names (default: all of them), checked. */
export function benchKinds(): BenchKind[] {
  const kinds = (process.env.BENCH_DATABASES ?? BENCH_KINDS.join(","))
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean) as BenchKind[];
  for (const kind of kinds)
    if (!BENCH_KINDS.includes(kind)) throw new Error(`BENCH_DATABASES: unknown configuration "${kind}"`);
  return kinds;
}

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

/** The throw-away PostgreSQL server this run started, if it started one. */
let throwaway: ThrowawayPostgres | null = null;

/** TEST_DATABASE_URL's server, or a throw-away one started for the rest of the run (closeBenchDatabases stops it). */
async function postgresServer(): Promise<string> {
  const given = testPostgresUrl();
  if (given) return given;
  try {
    throwaway ??= await startThrowawayPostgres();
  } catch (error) {
    throw new Unavailable(`no PostgreSQL server could be started (${firstLine(error)})`);
  }
  return throwaway.url;
}

export async function closeBenchDatabases() {
  throwaway?.stop();
  throwaway = null;
}

async function freshPostgres(): Promise<BenchDatabase> {
  return freshPostgresDatabase(await postgresServer());
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
