// Anonymising people whose retention period has ended: every day inside the server (server/jobs.ts), and from the
// command line for operators (`npm run tandem -- retention`). Each run is recorded in job_runs, for the retention
// page to show when it last ran, what it did and when it runs next. A scheduled run claims its London day first, so
// several server processes do one day's run once; each person is anonymised by the `anonymise` command, which
// refuses a person already anonymised, so an operator's run at the same time changes nobody twice.
import { todayInLondon } from "~/domain/calendar";
import { dueForAnonymisation } from "~/domain/retention";
import { claimJobRun, finishJobRun } from "~/models/job-runs.server";
import { retentionCandidates } from "~/models/personal-data.server";
import type { Db } from "../../db/connection";
import { anonymise } from "./people.server";
import { command, ok, run, SYSTEM } from "./runner.server";

export const RETENTION_JOB = "retention";

export type RetentionOutcome = { due: number; anonymised: number };

const startRun = command({
  async execute(c, input: { scheduledDay: string | null }) {
    return ok({ runId: await claimJobRun(c.tx, RETENTION_JOB, input.scheduledDay) });
  },
});

const finishRun = command({
  async execute(c, input: { runId: number; outcome: RetentionOutcome }) {
    await finishJobRun(c.tx, input.runId, input.outcome);
    return ok();
  },
});

/**
 * Anonymises everyone due on `today` and records the run. `scheduled`: the server's daily run, which does nothing
 * (and returns null) when the day's run already happened, here or in another process.
 */
export async function anonymiseDuePeople(
  db: Db,
  { today = todayInLondon(), scheduled }: { today?: string; scheduled: boolean },
): Promise<RetentionOutcome | null> {
  const started = await run(db, SYSTEM, startRun, { scheduledDay: scheduled ? today : null });
  if (!started.ok || started.runId === null) return null;
  const due = dueForAnonymisation(await retentionCandidates(db), today);
  let anonymised = 0;
  for (const personId of due) {
    const outcome = await run(db, SYSTEM, anonymise, {
      personId,
      reason: "retention period ended",
      via: scheduled ? "scheduler" : "cli",
    });
    if (outcome.ok) anonymised += 1;
  }
  const outcome = { due: due.length, anonymised };
  await run(db, SYSTEM, finishRun, { runId: started.runId, outcome });
  return outcome;
}
