// Opens the database named by a DATABASE_URL: a SQLite file (better-sqlite3) or PostgreSQL (node-postgres).
// Everything specific to either database lives in db/.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { type Dialect, Kysely, SqliteDialect, type Transaction } from "kysely";
import { isPostgresUrl } from "./dialect";
import { postgresDialect } from "./postgres";
import { noteQuery } from "./query-count";
import type { Database } from "./types";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export const DEFAULT_DATABASE_URL = "file:data/tandem.sqlite";

/** Turns `file:path`, a plain path or `:memory:` into a filename better-sqlite3 understands. */
export function sqliteFilename(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (isPostgresUrl(url)) throw new Error("This needs a SQLite database, not PostgreSQL");
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!path) throw new Error(`DATABASE_URL "${url}" names no file`);
  return resolve(path);
}

const SYNCHRONOUS = ["full", "normal", "extra"] as const;

/**
 * How hard SQLite makes sure a commit is on disk (SQLITE_SYNCHRONOUS): FULL by default, so a write Tandem has
 * acknowledged survives a power cut, not only a crash of Tandem; NORMAL is faster and, in WAL mode, may lose the
 * last commits on a power cut; EXTRA syncs the directory too.
 */
function sqliteSynchronous(): string {
  const setting = (process.env.SQLITE_SYNCHRONOUS || "full").toLowerCase();
  if (!(SYNCHRONOUS as readonly string[]).includes(setting))
    throw new Error(
      `SQLITE_SYNCHRONOUS must be "full" (the default), "normal" or "extra", not "${process.env.SQLITE_SYNCHRONOUS}"`,
    );
  return setting.toUpperCase();
}

function sqliteDialect(url: string): Dialect {
  const filename = sqliteFilename(url);
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`synchronous = ${sqliteSynchronous()}`);
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}

const STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every statement afresh, which was about a twelfth of a page's CPU time. Pages run the same few
 * statements over and over, so keep the most recent ones prepared (SQLite re-prepares a kept statement by itself
 * when the schema changes). Kysely runs one statement at a time on its single connection and Tandem streams no
 * results, so a kept statement is never in use when it is handed out again.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

/** A database for any schema (the migrator and the data copier); the app uses openDatabase. */
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
export function openAnyDatabase(url: string): Kysely<any> {
  return new Kysely({
    dialect: isPostgresUrl(url) ? postgresDialect(url) : sqliteDialect(url),
    log: (event) => {
      if (event.level === "query") noteQuery();
    },
  });
}

export function openDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  return openAnyDatabase(url) as Db;
}

/** What to print for a DATABASE_URL: a PostgreSQL URL without its password. */
export function describeDatabaseUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
