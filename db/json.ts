// Nested rows (one query per list, children as JSON), in the SQL of the process's database. SQLite hands the JSON
// back as text and PostgreSQL as arrays: models read children through childRows(), which accepts both.
import { jsonArrayFrom as postgresJsonArrayFrom } from "kysely/helpers/postgres";
import { jsonArrayFrom as sqliteJsonArrayFrom } from "kysely/helpers/sqlite";
import { processDatabaseKind } from "./dialect";

export const jsonArrayFrom: typeof sqliteJsonArrayFrom = (expr) =>
  processDatabaseKind() === "postgres" ? postgresJsonArrayFrom(expr) : sqliteJsonArrayFrom(expr);

export function childRows<T>(value: T[] | string | null): T[] {
  if (value === null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}
