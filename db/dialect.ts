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

// jsonArrayFrom (db/json.ts) is an expression built before any query knows its database, so it reads the kind of
// the database this process opened for the app. A process opens one kind for the app: the copier, which opens
// both, builds no JSON sub-queries.
const holder = globalThis as typeof globalThis & { __tandemDatabaseKind?: DatabaseKind };

export function setProcessDatabaseKind(kind: DatabaseKind): void {
  holder.__tandemDatabaseKind = kind;
}

export function processDatabaseKind(): DatabaseKind {
  return holder.__tandemDatabaseKind ?? "sqlite";
}
