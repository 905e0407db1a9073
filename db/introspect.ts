// Reads the schema itself (SQLite's catalogue, or PostgreSQL's information_schema): which tables hold a foreign key
// to a given table.
import { type Kysely, sql } from "kysely";
import { databaseKind } from "./dialect";

/** A database whose tables are named at run time (from the schema), so no static table types apply. */
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time, read from the schema
export type SchemaDb = Kysely<any>;

export type ReferencingColumn = { table: string; column: string };

export async function columnsReferencing(db: SchemaDb, target: string): Promise<ReferencingColumn[]> {
  if (databaseKind(db) === "postgres") {
    const { rows } = await sql<ReferencingColumn>`
      select kcu.table_name as "table", kcu.column_name as "column"
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu
        on kcu.constraint_schema = rc.constraint_schema and kcu.constraint_name = rc.constraint_name
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_schema = rc.unique_constraint_schema and ccu.constraint_name = rc.unique_constraint_name
      where kcu.table_schema = current_schema() and ccu.table_name = ${target}
      order by kcu.table_name, kcu.column_name`.execute(db);
    return rows;
  }
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

/** Every table (migrations' own included), each with the tables it refers to. */
export async function tableGraph(db: SchemaDb): Promise<Map<string, string[]>> {
  const edges =
    databaseKind(db) === "postgres"
      ? (
          await sql<{ table: string; parent: string | null }>`
            select t.table_name as "table", ccu.table_name as parent
            from information_schema.tables t
            left join information_schema.table_constraints tc
              on tc.table_schema = t.table_schema and tc.table_name = t.table_name and tc.constraint_type = 'FOREIGN KEY'
            left join information_schema.constraint_column_usage ccu
              on ccu.constraint_schema = tc.constraint_schema and ccu.constraint_name = tc.constraint_name
            where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : (
          await sql<{ table: string; parent: string | null }>`
            select m.name as "table", f."table" as parent
            from sqlite_master m left join pragma_foreign_key_list(m.name) f
            where m.type = 'table' and m.name not like 'sqlite_%'`.execute(db)
        ).rows;
  const graph = new Map<string, string[]>();
  for (const { table, parent } of edges) {
    const parents = graph.get(table) ?? [];
    if (parent && !parents.includes(parent)) parents.push(parent);
    graph.set(table, parents);
  }
  return graph;
}
