// Whether the database answers: for the load balancer's health check.
import { sql } from "kysely";
import type { Db } from "../../db/connection";

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
