// Runs of the jobs Tandem does by itself (db/migrations/2026-12-02T1741_job_runs.ts).
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

/**
 * Starts a run of `name`. A scheduled run claims its day: the id, or null when another process (or an earlier
 * round of this one) already ran the job that day. A run with no day (an operator's) always starts.
 */
export async function claimJobRun(tx: Tx, name: string, scheduledDay: string | null): Promise<number | null> {
  const row = await tx
    .insertInto("job_runs")
    .values({ name, scheduled_day: scheduledDay, started_at: nowIso(), finished_at: null, outcome: null })
    .onConflict((oc) => oc.columns(["name", "scheduled_day"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function finishJobRun(tx: Tx, id: number, outcome: Record<string, unknown>) {
  await tx
    .updateTable("job_runs")
    .set({ finished_at: nowIso(), outcome: JSON.stringify(outcome) })
    .where("id", "=", id)
    .execute();
}

/** The latest run of `name` (scheduled or not), and the latest scheduled one, for the pages that show them. */
export async function latestJobRuns(db: Db, name: string) {
  const latest = (scheduledOnly: boolean) => {
    let query = db
      .selectFrom("job_runs")
      .where("name", "=", name)
      .select(["id", "scheduled_day", "started_at", "finished_at", "outcome"])
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(1);
    if (scheduledOnly) query = query.where("scheduled_day", "is not", null);
    return query.executeTakeFirst();
  };
  const [last, lastScheduled] = await Promise.all([latest(false), latest(true)]);
  return { last: last ?? null, lastScheduled: lastScheduled ?? null };
}
