// Reads the schema itself (SQLite's catalogue): which tables hold a foreign key to a given table. PostgreSQL will
// answer the same question from information_schema.
import { type Kysely, sql } from "kysely";

/** A database whose tables are named at run time (from the schema), so no static table types apply. */
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time, read from the schema
export type SchemaDb = Kysely<any>;

export type ReferencingColumn = { table: string; column: string };

export async function columnsReferencing(db: SchemaDb, target: string): Promise<ReferencingColumn[]> {
  const { rows } = await sql<ReferencingColumn>`
    select m.name as "table", f."from" as "column"
    from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" = ${target}
    order by m.name, f."from"`.execute(db);
  return rows;
}

/** The tables referencing `target`, each with its referencing columns. */
export async function tablesReferencing(db: SchemaDb, target: string): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  for (const { table, column } of await columnsReferencing(db, target)) {
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  return tables;
}
