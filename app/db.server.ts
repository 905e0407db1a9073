// The process's one database handle, opened from DATABASE_URL on first use.
import { type Db, openDatabase } from "../db/connection";

const holder = globalThis as typeof globalThis & { __tandemDb?: Db };

export function getDb(): Db {
  holder.__tandemDb ??= openDatabase();
  return holder.__tandemDb;
}

export type { Db, Tx } from "../db/connection";
