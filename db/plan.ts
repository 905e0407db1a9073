// Query plans: records the SQL a piece of code runs and asks the database how it would run each statement, so a
// test can spot a table read from end to end. SQLite answers through EXPLAIN QUERY PLAN; PostgreSQL through
// EXPLAIN (FORMAT JSON), its plan written in SQLite's words ("SCAN t", "SEARCH t USING INDEX i").
import { CompiledQuery, type Kysely, type KyselyPlugin, type RootOperationNode, sql } from "kysely";
import { databaseKind } from "./dialect";

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
  statement: string,
  parameters: readonly unknown[],
): Promise<string[]> {
  if (databaseKind(db) === "postgres") return postgresPlan(db, statement, parameters);
  const { rows } = await db.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`explain query plan ${statement}`, [...parameters]),
  );
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${"  ".repeat(level)}${row.detail}`;
  });
}

type PostgresPlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PostgresPlanNode[];
};

/**
 * PostgreSQL's plan with sequential scans priced out of reach (`enable_seqscan = off`, on this connection only):
 * on a small test database the planner would rightly read every table in full, but with the setting off a
 * sequential scan is left only where no index can serve the statement at all, which is what a test looks for.
 */
async function postgresPlan<DB>(db: Kysely<DB>, statement: string, parameters: readonly unknown[]) {
  return db.connection().execute(async (connection) => {
    await sql`set enable_seqscan = off`.execute(connection);
    try {
      const { rows } = await connection.executeQuery<{ "QUERY PLAN": Array<{ Plan: PostgresPlanNode }> }>(
        CompiledQuery.raw(`explain (format json) ${statement}`, [...parameters]),
      );
      const lines: string[] = [];
      const walk = (node: PostgresPlanNode, level: number) => {
        const table = node["Relation Name"];
        const index = node["Index Name"];
        const step =
          node["Node Type"] === "Seq Scan"
            ? `SCAN ${table}`
            : table && index
              ? `SEARCH ${table} USING INDEX ${index}`
              : index
                ? `${node["Node Type"]} USING INDEX ${index}`
                : table
                  ? `${node["Node Type"]} ${table}`
                  : node["Node Type"];
        lines.push(`${"  ".repeat(level)}${step}`);
        for (const child of node.Plans ?? []) walk(child, level + 1);
      };
      for (const { Plan } of rows[0]!["QUERY PLAN"]) walk(Plan, 0);
      return lines;
    } finally {
      await sql`reset enable_seqscan`.execute(connection);
    }
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
