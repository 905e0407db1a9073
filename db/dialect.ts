// Which database a Kysely instance talks to, and what differs between them. The only place, with the rest of
// db/, that knows SQLite from PostgreSQL.
import { type Kysely, PostgresAdapter, type SelectQueryBuilder } from "kysely";

export type DatabaseKind = "sqlite" | "postgres";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

// biome-ignore lint/suspicious/noExplicitAny: any schema: used by migrations and the copier as well as the app
export function databaseKind(db: Kysely<any>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * A select whose rows the transaction claims for itself: FOR UPDATE SKIP LOCKED on PostgreSQL, so several app
 * processes never take the same row; SQLite lets one writer in at a time, so it needs nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: any query over any schema
export function claimingRows<QB extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: QB): QB {
  return databaseKind(db) === "postgres" ? (query.forUpdate().skipLocked() as QB) : query;
}
