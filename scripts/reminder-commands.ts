// `npm run tandem -- reminders [--dry-run] [--date YYYY-MM-DD]`: the reminders due on a day (today in London by
// default). --dry-run prints them (kind, recipient, subject) and writes nothing; without it they are enqueued by
// the same command the server's scheduler runs, so running it again, or alongside the server, sends nothing twice.
import { parseArgs } from "node:util";
import { describeReminder, enqueueReminders, planReminders } from "../app/commands/reminders.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { parseCalendarDate, todayInLondon } from "../app/domain/calendar";
import { reminderKey } from "../app/domain/reminders";
import { alreadyEnqueued } from "../app/models/reminders.server";
import { appUrl } from "../app/utils/env.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const USAGE = "reminders [--dry-run] [--date YYYY-MM-DD]";

export const reminderCommands: Record<string, Command> = {
  reminders: {
    summary: "Enqueue the reminders due on a day (today by default); --dry-run prints them, writing nothing",
    usage: USAGE,
    async run(args) {
      let values: { "dry-run"?: boolean; date?: string };
      try {
        ({ values } = parseArgs({
          args,
          options: { "dry-run": { type: "boolean" }, date: { type: "string" } },
        }));
      } catch (error) {
        console.error(`${(error as Error).message}\nUsage: npm run tandem -- ${USAGE}`);
        return 2;
      }
      const day = values.date ?? todayInLondon();
      if (!parseCalendarDate(day)) {
        console.error("--date must be a date like 2027-02-05");
        return 2;
      }
      const db = openDatabase();
      try {
        await migrateToLatest(db);
        if (values["dry-run"]) {
          const base = appUrl();
          const planned = await planReminders(db, day, (path) => `${base}${path}`);
          const known = await alreadyEnqueued(
            db,
            planned.map((p) => reminderKey(p.reminder)),
          );
          const fresh = planned.filter((p) => !known.has(reminderKey(p.reminder)));
          console.log(
            fresh.length === 0
              ? `No reminders would be sent on ${day}${known.size ? ` (${known.size} already in the outbox)` : ""}.`
              : `Would send ${fresh.length} reminder${fresh.length === 1 ? "" : "s"} on ${day}${known.size ? ` (${known.size} more already in the outbox)` : ""} (dry run, nothing written):`,
          );
          for (const p of fresh) console.log(`  ${describeReminder(p)}`);
          return 0;
        }
        const outcome = await run(db, SYSTEM, enqueueReminders, { today: day });
        if (!outcome.ok) throw new Error("Enqueueing reminders refuses nothing");
        const count = outcome.enqueued.length;
        console.log(
          `Enqueued ${count} reminder${count === 1 ? "" : "s"} for ${day}${outcome.alreadyEnqueued ? ` (${outcome.alreadyEnqueued} already in the outbox)` : ""}${count ? ":" : "."}`,
        );
        for (const p of outcome.enqueued) console.log(`  ${describeReminder(p)}`);
        return 0;
      } finally {
        await db.destroy();
      }
    },
  },
};
