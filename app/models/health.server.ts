// Health: whether the database answers (for the load balancer's check), and the cohort's setting for when a team
// with no mentoring sessions is flagged on the team health page.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/connection";

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Changes the quiet-team threshold unless someone changed it since `expected`; false on a conflict. */
export async function setQuietTeamDays(tx: Tx, cohortId: number, days: number, expected: number) {
  const result = await tx
    .updateTable("cohorts")
    .set({ quiet_team_days: days })
    .where("id", "=", cohortId)
    .where("quiet_team_days", "=", expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
