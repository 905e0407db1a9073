// Which database a Kysely instance talks to, and what differs between them. The only place, with the rest of
// db/, that knows SQLite from PostgreSQL.
import { type Kysely, PostgresAdapter } from "kysely";

export type DatabaseKind = "sqlite" | "postgres";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

// biome-ignore lint/suspicious/noExplicitAny: any schema: used by migrations and the copier as well as the app
export function databaseKind(db: Kysely<any>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
