// `npm run tandem -- retention [--dry-run]`: anonymises people whose every cohort ended longer ago than its
// programme's retention period. Safe to run daily: people already anonymised are left alone.
import { parseArgs } from "node:util";
import { anonymise } from "../app/commands/people.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { todayInLondon } from "../app/domain/calendar";
import { dueForAnonymisation } from "../app/domain/retention";
import { namesOf, retentionCandidates } from "../app/models/personal-data.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

export const retentionCommands: Record<string, Command> = {
  retention: {
    summary:
      "Anonymise people whose every cohort ended longer ago than the retention period (daily; --dry-run lists)",
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
      const due = dueForAnonymisation(await retentionCandidates(db), today);
      const people = await namesOf(db, due);
      if (people.length === 0) {
        console.log("Nobody is due for anonymisation.");
        return 0;
      }
      if (values["dry-run"]) {
        console.log(
          `Would anonymise ${people.length} ${people.length === 1 ? "person" : "people"} (dry run, nothing changed):`,
        );
        for (const p of people) console.log(`  ${p.id}  ${p.name}`);
        return 0;
      }
      let done = 0;
      for (const p of people) {
        const outcome = await run(db, SYSTEM, anonymise, {
          personId: p.id,
          reason: "retention period ended",
          via: "cli",
        });
        if (outcome.ok) done += 1;
      }
      console.log(`Anonymised ${done} ${done === 1 ? "person" : "people"} whose retention period had ended.`);
      return 0;
    },
  },
};
