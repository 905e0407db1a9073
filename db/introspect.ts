// Reads the schema itself (SQLite's catalogue): which tables hold a foreign key to a given table, and which foreign
// keys no index serves. PostgreSQL will answer the same questions from information_schema and pg_index.
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

/** A foreign key (its columns, in order) and the table it points to. */
export type ForeignKey = { table: string; columns: string[]; references: string };

/**
 * The foreign keys no index can serve: their columns are not the leading columns of any index or of the primary
 * key, so finding a parent's rows (and every cascade) reads the whole child table.
 */
export async function foreignKeysWithoutIndex(db: SchemaDb): Promise<ForeignKey[]> {
  const [foreignKeys, indexes] = await Promise.all([sqliteForeignKeys(db), sqliteIndexes(db)]);
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
