// Query plans: records the SQL a piece of code runs and asks the database how it would run each statement, so a
// test can spot a table read from end to end. Written for SQLite (EXPLAIN QUERY PLAN); PostgreSQL will answer
// the same questions from EXPLAIN beside it.
import { CompiledQuery, type Kysely, type KyselyPlugin, type RootOperationNode } from "kysely";

/**
 * A handle on `db` that also records every statement it runs, compiled (SQL and parameters) exactly as sent.
 * Transactions begun on the handle are recorded too.
 */
export function recordingQueries<DB>(db: Kysely<DB>): { db: Kysely<DB>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const executor = db.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery({ node, queryId }): RootOperationNode {
      queries.push(executor.compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(recorder), queries };
}

/** The plan's steps, one line each, indented two spaces per level ("SEARCH m USING INDEX ...", "SCAN t"). */
export async function explainPlan<DB>(
  db: Kysely<DB>,
  sql: string,
  parameters: readonly unknown[],
): Promise<string[]> {
  const { rows } = await db.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
  );
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${"  ".repeat(level)}${row.detail}`;
  });
}

/**
 * The tables a plan reads in full, row by row: `SCAN t` without an index. Reading through an index
 * (`SCAN t USING INDEX`, `USING COVERING INDEX`) and looking rows up (`SEARCH`) are not full scans. Aliases in
 * the plan are turned back into table names using the statement's own `"table" as "alias"`.
 */
export function fullTableScans(sql: string, plan: string[]): string[] {
  const tableOf = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/"(\w+)" as "(\w+)"/g)) tableOf.set(alias!, table!);
  const scanned: string[] = [];
  for (const line of plan) {
    const match = /^SCAN (\w+)(.*)$/.exec(line.trim());
    if (!match || /USING (COVERING )?INDEX|VIRTUAL TABLE/.test(match[2]!)) continue;
    scanned.push(tableOf.get(match[1]!) ?? match[1]!);
  }
  return scanned;
}
