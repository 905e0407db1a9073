// The server's scheduled jobs (server/scheduler.ts): the reminders every few minutes (REMINDERS_EVERY_MS, default
// 5 minutes; 0 turns them off), from REMINDERS_HOUR o'clock London time (default 8). They run with or without
// SMTP_URL: without it, the reminders wait in the outbox. And anonymising people whose retention period has ended
// (RETENTION_EVERY_MS, default a day; 0 turns it off): each London day's run claims its day in job_runs, so of
// several processes one does it.
import { sendDueReminders } from "../app/commands/reminders.server";
import { anonymiseDuePeople } from "../app/commands/retention.server";
import { REMINDER_HOUR } from "../app/domain/reminders";
import { retentionEveryMs } from "../app/utils/env.server";
import type { Db } from "../db/connection";
import { type Scheduler, startScheduler } from "./scheduler";

const MINUTE = 60_000;

export function scheduleJobs(db: Db): Scheduler {
  const scheduler = startScheduler();
  const remindersEvery = setting("REMINDERS_EVERY_MS", 5 * MINUTE, 0, 24 * 60 * MINUTE);
  const fromHour = setting("REMINDERS_HOUR", REMINDER_HOUR, 0, 23);
  if (remindersEvery > 0)
    scheduler.every("reminders", remindersEvery, async () => {
      const outcome = await sendDueReminders(db, new Date(), fromHour);
      if (outcome?.ok && outcome.enqueued.length > 0)
        console.log(
          JSON.stringify({
            at: new Date().toISOString(),
            event: "reminders",
            enqueued: outcome.enqueued.length,
          }),
        );
    });
  const retentionEvery = retentionEveryMs();
  if (retentionEvery > 0)
    scheduler.every("retention", retentionEvery, async () => {
      const outcome = await anonymiseDuePeople(db, { scheduled: true });
      if (outcome)
        console.log(JSON.stringify({ at: new Date().toISOString(), event: "retention", ...outcome }));
    });
  return scheduler;
}

function setting(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}
