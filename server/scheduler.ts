// Jobs that run inside the server process every so often, so Tandem needs no cron. The scheduler only sees that each
// job runs, one round at a time in this process, and that a failing round is logged and tried again next time:
// a job must itself be safe to run in several processes at once and again after a restart (the reminders are,
// through their dedupe keys in the outbox).

export type Job = () => Promise<unknown>;

export type Scheduler = {
  /** Runs `job` now and then every `intervalMs` after each round ends. */
  every(name: string, intervalMs: number, job: Job): void;
  /** Runs a job's round now (or waits for the one under way): for tests. */
  runNow(name: string): Promise<void>;
  /** Stops every job, waiting for rounds under way to finish. */
  stop(): Promise<void>;
};

type Entry = { job: Job; intervalMs: number; timer: NodeJS.Timeout | null; round: Promise<void> | null };

export function startScheduler(): Scheduler {
  const jobs = new Map<string, Entry>();
  let stopped = false;

  function runRound(name: string, entry: Entry): Promise<void> {
    if (entry.round) return entry.round;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    entry.round = entry
      .job()
      .then(
        () => undefined,
        (error: unknown) => {
          console.error(
            JSON.stringify({
              at: new Date().toISOString(),
              level: "error",
              event: "scheduled-job",
              job: name,
              message: error instanceof Error ? error.message : String(error),
              stack: error instanceof Error ? (error.stack ?? null) : null,
            }),
          );
        },
      )
      .finally(() => {
        entry.round = null;
        if (!stopped) {
          entry.timer = setTimeout(() => void runRound(name, entry), entry.intervalMs);
          entry.timer.unref();
        }
      });
    return entry.round;
  }

  return {
    every(name, intervalMs, job) {
      if (jobs.has(name)) throw new Error(`A job called ${name} is already scheduled`);
      if (!(intervalMs > 0)) throw new Error(`The interval of ${name} must be more than 0 ms`);
      const entry: Entry = { job, intervalMs, timer: null, round: null };
      jobs.set(name, entry);
      if (stopped) return;
      entry.timer = setTimeout(() => void runRound(name, entry), 0);
      entry.timer.unref();
    },
    async runNow(name) {
      const entry = jobs.get(name);
      if (!entry) throw new Error(`No job called ${name}`);
      await runRound(name, entry);
    },
    async stop() {
      stopped = true;
      for (const entry of jobs.values()) if (entry.timer) clearTimeout(entry.timer);
      await Promise.all([...jobs.values()].map((entry) => entry.round));
    },
  };
}
