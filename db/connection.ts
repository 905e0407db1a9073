// Opens the database named by a DATABASE_URL. All SQLite-specific set-up lives here.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type Transaction } from "kysely";
import { noteQuery } from "./query-count";
import type { Database } from "./types";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export const DEFAULT_DATABASE_URL = "file:data/tandem.sqlite";

/** Turns `file:path`, a plain path or `:memory:` into a filename better-sqlite3 understands. */
export function sqliteFilename(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!path) throw new Error(`DATABASE_URL "${url}" names no file`);
  return resolve(path);
}

export function openDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      "PostgreSQL is not supported yet: set DATABASE_URL to a SQLite file (file:data/tandem.sqlite)",
    );
  }
  const filename = sqliteFilename(url);
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") noteQuery();
    },
  });
}
