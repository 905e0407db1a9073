// Moves a whole deployment between databases (SQLite to PostgreSQL and back): migrates the target, refuses one
// that already holds data, copies every table in foreign-key order inside one transaction, carries identity
// counters across, and verifies the row count of every table.
import { sql } from "kysely";
import { describeDatabaseUrl, openAnyDatabase } from "./connection";
import { databaseKind } from "./dialect";
import { type SchemaDb, tableGraph } from "./introspect";
import { migrateToLatest } from "./migrate";
import { claimWholeDatabase, type HeldLock } from "./server-lock";

export type TableCount = { table: string; source: number; target: number };
export type CopyResult = { ok: true; tables: TableCount[] } | { ok: false; problem: string };

const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
/**
 * The server's own bookkeeping (when its scheduled jobs ran), written as soon as a server starts on a database: rows
 * there do not make the target "hold data", and the copy replaces them with the source's.
 */
const BOOKKEEPING_TABLES = new Set(["job_runs"]);
// SQLite allows 32,766 bound parameters in a statement, PostgreSQL 65,535: stay well under both.
const PARAMETERS_PER_INSERT = 10_000;

/** Tables ordered so every table comes after the tables it refers to. */
export function inDependencyOrder(graph: Map<string, string[]>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`Foreign keys form a cycle: ${[...path, table].join(" → ")}`);
    for (const parent of graph.get(table) ?? []) if (parent !== table) visit(parent, [...path, table]);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...graph.keys()].sort()) visit(table, []);
  return ordered;
}

async function countRows(db: SchemaDb, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function appliedMigrations(db: SchemaDb): Promise<string[]> {
  const rows = await db.selectFrom("kysely_migration").select("name").orderBy("name").execute();
  return rows.map((r) => String(r.name));
}

/** PostgreSQL's identity counters do not move when rows arrive with their ids: move them past the copied ids. */
async function advanceIdentities(db: SchemaDb, tables: string[]): Promise<void> {
  if (databaseKind(db) !== "postgres") return;
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table, column } of rows.filter((r) => tables.includes(r.table))) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

async function copyTable(source: SchemaDb, target: SchemaDb, table: string): Promise<void> {
  const rows = await source.selectFrom(table).selectAll().execute();
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!).length;
  const batch = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns));
  for (let i = 0; i < rows.length; i += batch) {
    await target
      .insertInto(table)
      .values(rows.slice(i, i + batch))
      .execute();
  }
}

/**
 * Copies every table of `fromUrl` into the empty database `toUrl`. Refused while a server runs on either: on the
 * target it would be writing beside the copy, and on the source its later writes would be missing from the copy.
 */
export async function copyData(fromUrl: string, toUrl: string): Promise<CopyResult> {
  if (fromUrl === toUrl) return { ok: false, problem: "the source and the target are the same database" };
  const claims: HeldLock[] = [];
  try {
    for (const [side, url] of [
      ["target", toUrl],
      ["source", fromUrl],
    ] as const) {
      const claim = await claimWholeDatabase(url);
      if (!claim.ok)
        return {
          ok: false,
          problem: `Tandem is running on the ${side}, ${describeDatabaseUrl(url)} (${claim.holder}): stop it, then run this again`,
        };
      claims.push(claim);
    }
    return await copyClaimed(fromUrl, toUrl);
  } finally {
    for (const claim of claims) await claim.release();
  }
}

async function copyClaimed(fromUrl: string, toUrl: string): Promise<CopyResult> {
  const source = openAnyDatabase(fromUrl);
  const target = openAnyDatabase(toUrl);
  try {
    const known = await appliedMigrations(source).catch(() => null);
    if (!known)
      return { ok: false, problem: "the source is not a Tandem database (it has no migrations table)" };
    await migrateToLatest(target);
    const expected = await appliedMigrations(target);
    if (known.join("\n") !== expected.join("\n"))
      return {
        ok: false,
        problem: `the source's schema (${known.length} migrations) is not this version's (${expected.length}): run \`npm run tandem -- migrate\` on it first`,
      };
    const tables = inDependencyOrder(await tableGraph(source)).filter((t) => !MIGRATION_TABLES.has(t));
    for (const table of tables) {
      if (!BOOKKEEPING_TABLES.has(table) && (await countRows(target, table)) > 0)
        return {
          ok: false,
          problem: `the target already holds data (table ${table}): copy into an empty database`,
        };
    }
    await target.transaction().execute(async (trx) => {
      for (const table of tables.filter((t) => BOOKKEEPING_TABLES.has(t)))
        await trx.deleteFrom(table).execute();
      for (const table of tables) await copyTable(source, trx, table);
      await advanceIdentities(trx, tables);
    });
    const counts: TableCount[] = [];
    for (const table of tables)
      counts.push({ table, source: await countRows(source, table), target: await countRows(target, table) });
    const differ = counts.filter((c) => c.source !== c.target);
    if (differ.length)
      return {
        ok: false,
        problem: `row counts differ after the copy: ${differ.map((c) => `${c.table} ${c.source} → ${c.target}`).join(", ")}`,
      };
    return { ok: true, tables: counts };
  } finally {
    await source.destroy();
    await target.destroy();
  }
}
