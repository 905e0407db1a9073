// Nested rows (one query per list, children as JSON). SQLite hands the JSON back as text, so models read
// children through childRows(), which also accepts the arrays PostgreSQL returns.
export { jsonArrayFrom } from "kysely/helpers/sqlite";

export function childRows<T>(value: T[] | string | null): T[] {
  if (value === null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}
