// Whether the database is sound after a crash: SQLite's integrity check, or on PostgreSQL amcheck's verification
// of every B-tree index against its table (when the extension may be installed; otherwise every table is read).
import { sql } from "kysely";
import { databaseKind } from "./dialect";
import type { SchemaDb } from "./introspect";

export async function integrityProblems(db: SchemaDb): Promise<string[]> {
  if (databaseKind(db) === "sqlite") {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    return rows.map((r) => r.integrity_check).filter((line) => line !== "ok");
  }
  const amcheck = await sql`create extension if not exists amcheck`.execute(db).then(
    () => true,
    () => false,
  );
  if (amcheck) {
    // bt_index_check raises an error naming the index on the first inconsistency it finds.
    const { rows } = await sql<{ index: string }>`
      select c.relname as "index" from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_am am on am.oid = c.relam
      where n.nspname = current_schema() and am.amname = 'btree'
      order by c.relname`.execute(db);
    const problems: string[] = [];
    for (const { index } of rows) {
      await sql`select bt_index_check(${index}::regclass, true)`
        .execute(db)
        .catch((error: Error) => problems.push(`${index}: ${error.message}`));
    }
    return problems;
  }
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of tables) await sql`select count(*) from ${sql.table(name)}`.execute(db);
  return [];
}
