// Reads the schema itself (SQLite's catalogue, or PostgreSQL's information_schema and pg_catalog): which tables hold
// a foreign key to a given table, how tables depend on each other, and which foreign keys no index serves.
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

/** A foreign key (its columns, in order) and the table it points to. */
export type ForeignKey = { table: string; columns: string[]; references: string };

/**
 * The foreign keys no index can serve: their columns are not the leading columns of any index or of the primary
 * key, so finding a parent's rows (and every cascade) reads the whole child table.
 */
export async function foreignKeysWithoutIndex(db: SchemaDb): Promise<ForeignKey[]> {
  const [foreignKeys, indexes] =
    databaseKind(db) === "postgres"
      ? await Promise.all([postgresForeignKeys(db), postgresIndexes(db)])
      : await Promise.all([sqliteForeignKeys(db), sqliteIndexes(db)]);
  return foreignKeys.filter(
    (fk) =>
      !indexes.some(
        (index) =>
          index.table === fk.table &&
          index.columns.length >= fk.columns.length &&
          [...fk.columns].sort().join() === index.columns.slice(0, fk.columns.length).sort().join(),
      ),
  );
}

type IndexColumns = { table: string; columns: string[] };

async function sqliteForeignKeys(db: SchemaDb): Promise<ForeignKey[]> {
  const { rows } = await sql<{ table: string; id: number; column: string; references: string }>`
    select m.name as "table", f.id as id, f."from" as "column", f."table" as "references"
    from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table'
    order by m.name, f.id, f.seq`.execute(db);
  const keys = new Map<string, ForeignKey>();
  for (const row of rows) {
    const key = `${row.table}|${row.id}`;
    const fk = keys.get(key) ?? { table: row.table, columns: [], references: row.references };
    fk.columns.push(row.column);
    keys.set(key, fk);
  }
  return [...keys.values()];
}

/** Every index's columns in order (partial indexes left out: they do not cover every row), and primary keys. */
async function sqliteIndexes(db: SchemaDb): Promise<IndexColumns[]> {
  const [indexed, primary] = await Promise.all([
    sql<{ table: string; index: string; column: string }>`
      select m.name as "table", l.name as "index", i.name as "column"
      from sqlite_master m join pragma_index_list(m.name) l join pragma_index_info(l.name) i
      where m.type = 'table' and l.partial = 0
      order by m.name, l.name, i.seqno`.execute(db),
    sql<{ table: string; column: string }>`
      select m.name as "table", c.name as "column"
      from sqlite_master m join pragma_table_info(m.name) c
      where m.type = 'table' and c.pk > 0
      order by m.name, c.pk`.execute(db),
  ]);
  const indexes = new Map<string, IndexColumns>();
  for (const row of indexed.rows) {
    const key = `${row.table}|${row.index}`;
    const index = indexes.get(key) ?? { table: row.table, columns: [] };
    index.columns.push(row.column);
    indexes.set(key, index);
  }
  for (const row of primary.rows) {
    const key = `${row.table}|primary key`;
    const index = indexes.get(key) ?? { table: row.table, columns: [] };
    index.columns.push(row.column);
    indexes.set(key, index);
  }
  return [...indexes.values()];
}

function groupColumns<T extends { columns: string[] }>(
  rows: Array<{ key: string; column: string }>,
  make: (key: string) => T,
): T[] {
  const groups = new Map<string, T>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? make(row.key);
    group.columns.push(row.column);
    groups.set(row.key, group);
  }
  return [...groups.values()];
}

async function postgresForeignKeys(db: SchemaDb): Promise<ForeignKey[]> {
  const { rows } = await sql<{ table: string; id: number; column: string; references: string }>`
    select t.relname as "table", c.oid::int as id, a.attname as "column", r.relname as "references"
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'f' and n.nspname = current_schema()
    order by t.relname, c.oid, k.ord`.execute(db);
  const references = new Map(rows.map((r) => [`${r.table}|${r.id}`, r]));
  return groupColumns(
    rows.map((r) => ({ key: `${r.table}|${r.id}`, column: r.column })),
    (key) => ({
      table: references.get(key)!.table,
      columns: [],
      references: references.get(key)!.references,
    }),
  );
}

/** Every index's columns in order (partial and expression indexes left out); primary keys are indexes here. */
async function postgresIndexes(db: SchemaDb): Promise<IndexColumns[]> {
  const { rows } = await sql<{ table: string; index: string; column: string }>`
    select t.relname as "table", ic.relname as "index", a.attname as "column"
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
    where n.nspname = current_schema() and i.indpred is null
    order by t.relname, ic.relname, k.ord`.execute(db);
  const tables = new Map(rows.map((r) => [`${r.table}|${r.index}`, r.table]));
  return groupColumns(
    rows.map((r) => ({ key: `${r.table}|${r.index}`, column: r.column })),
    (key) => ({ table: tables.get(key)!, columns: [] }),
  );
}
