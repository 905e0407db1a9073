// `npm run tandem -- retention [--dry-run]`: anonymises people whose every cohort ended longer ago than its
// programme's retention period, now, as the server does by itself every day (RETENTION_EVERY_MS). For operators:
// safe to run at any time, people already anonymised are left alone; the run is recorded like the server's.
import { parseArgs } from "node:util";
import { anonymiseDuePeople } from "../app/commands/retention.server";
import { todayInLondon } from "../app/domain/calendar";
import { dueForAnonymisation } from "../app/domain/retention";
import { namesOf, retentionCandidates } from "../app/models/personal-data.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

export const retentionCommands: Record<string, Command> = {
  retention: {
    summary:
      "Anonymise people whose every cohort ended longer ago than the retention period now (the server does daily)",
    usage: "retention [--dry-run] [--today YYYY-MM-DD]",
    async run(args) {
      let values: { "dry-run"?: boolean; today?: string };
      try {
        ({ values } = parseArgs({
          args,
          options: { "dry-run": { type: "boolean" }, today: { type: "string" } },
        }));
      } catch (error) {
        console.error(`${(error as Error).message}\nUsage: npm run tandem -- retention [--dry-run]`);
        return 2;
      }
      const today = values.today ?? todayInLondon();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
        console.error("--today must be a date like 2027-03-31");
        return 2;
      }
      const db = openDatabase();
      await migrateToLatest(db);
      if (values["dry-run"]) {
        const people = await namesOf(db, dueForAnonymisation(await retentionCandidates(db), today));
        if (people.length === 0) {
          console.log("Nobody is due for anonymisation.");
          return 0;
        }
        console.log(
          `Would anonymise ${people.length} ${people.length === 1 ? "person" : "people"} (dry run, nothing changed):`,
        );
        for (const p of people) console.log(`  ${p.id}  ${p.name}`);
        return 0;
      }
      // Recorded like the server's daily run, for the retention page; people anonymised meanwhile are skipped.
      const outcome = await anonymiseDuePeople(db, { today, scheduled: false });
      if (!outcome?.due) {
        console.log("Nobody is due for anonymisation.");
        return 0;
      }
      const done = outcome.anonymised;
      console.log(`Anonymised ${done} ${done === 1 ? "person" : "people"} whose retention period had ended.`);
      return 0;
    },
  },
};
