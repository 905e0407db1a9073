// A PostgreSQL connection ended while it sits idle in the pool (the server restarted, an administrator or a
// failover ended it) must not end the process: the pool drops it and the next query opens a new one.
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { openDatabase } from "../../db/connection";
import { freshPostgresDatabase, testPostgresUrl } from "../setup/postgres";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  db = openDatabase(fresh.url);
});
afterAll(async () => {
  await db.destroy();
  await drop();
});

it("survives the server ending an idle pooled connection, and answers the next query on a new one", async () => {
  const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const pid = Number(before.rows[0]!.pid);
  const admin = new pg.Client({ connectionString: testPostgresUrl()! });
  await admin.connect();
  try {
    await admin.query("select pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
  // Give the pool time to hear of it: without a listener, the idle client's error is an uncaught exception here.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  expect(Number(after.rows[0]!.pid)).not.toBe(pid);
});
