// Nested rows (one query per list, children as JSON), in the SQL of the database the query runs on. SQLite hands
// the JSON back as text and PostgreSQL as arrays: models read children through childRows(), which accepts both.
import type { Kysely } from "kysely";
import { jsonArrayFrom as postgresJsonArrayFrom } from "kysely/helpers/postgres";
import { jsonArrayFrom as sqliteJsonArrayFrom } from "kysely/helpers/sqlite";
import { databaseKind } from "./dialect";

/** The rows of `expr` as one JSON array column, written for `db`'s database. */
// biome-ignore lint/suspicious/noExplicitAny: any schema: only the database's kind is read
export function jsonArrayFrom<O>(
  db: Kysely<any>,
  expr: Parameters<typeof sqliteJsonArrayFrom<O>>[0],
): ReturnType<typeof sqliteJsonArrayFrom<O>> {
  return databaseKind(db) === "postgres" ? postgresJsonArrayFrom(expr) : sqliteJsonArrayFrom(expr);
}

export function childRows<T>(value: T[] | string | null): T[] {
  if (value === null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}
