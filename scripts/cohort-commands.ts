// Command-line subcommands for cohort set-up: plan a visit rota from a CSV of hosts, refresh the bank holidays.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseBankHolidayData } from "../app/domain/bank-holidays";
import { buildCalendar } from "../app/domain/icalendar";
import {
  parseHostsCsv,
  planVisitRota,
  WEEKDAYS,
  type WeekdayName,
  weekdayNumber,
} from "../app/domain/visit-rota";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const PLAN_USAGE =
  "plan-visits --start YYYY-MM-DD --weeks N --weekday monday..friday --hosts hosts.csv [--format json|ics]";

function usageError(message: string): number {
  console.error(`${message}\nUsage: npm run tandem -- ${PLAN_USAGE}`);
  return 2;
}

export const BANK_HOLIDAYS_URL = "https://www.gov.uk/bank-holidays.json";
const SNAPSHOT = fileURLToPath(new URL("../app/domain/bank-holidays.json", import.meta.url));

export const cohortCommands: Record<string, Command> = {
  "plan-visits": {
    summary: "Print a proposed company visit rota (the same planner as the web screen)",
    usage: PLAN_USAGE,
    async run(args) {
      let values: Record<string, string | undefined>;
      try {
        values = parseArgs({
          args,
          options: {
            start: { type: "string" },
            weeks: { type: "string" },
            weekday: { type: "string" },
            hosts: { type: "string" },
            format: { type: "string", default: "json" },
          },
        }).values;
      } catch (error) {
        return usageError((error as Error).message);
      }
      const missing = ["start", "weeks", "weekday", "hosts"].filter((name) => !values[name]);
      if (missing.length) return usageError(`Missing ${missing.map((m) => `--${m}`).join(", ")}`);
      if (!/^\d{1,2}$/.test(values.weeks!)) return usageError("--weeks must be a whole number, like 12");
      const weekday = values.weekday!.toLowerCase();
      if (!(WEEKDAYS as readonly string[]).includes(weekday))
        return usageError(`--weekday must be one of ${WEEKDAYS.join(", ")}`);
      if (values.format !== "json" && values.format !== "ics")
        return usageError("--format must be json or ics");
      let text: string;
      try {
        text = readFileSync(values.hosts!, "utf8");
      } catch {
        return usageError(`Cannot read the hosts file ${values.hosts}`);
      }
      const hosts = parseHostsCsv(text);
      if (!hosts.ok) {
        console.error(hosts.problems.join("\n"));
        return 1;
      }
      const rota = planVisitRota({
        start: values.start!,
        weeks: Number(values.weeks),
        weekday: weekdayNumber(weekday as WeekdayName),
        hosts: hosts.hosts,
      });
      if (!rota.ok) {
        console.error(rota.problems.join("\n"));
        return 1;
      }
      if (rota.doubledWeeks.length)
        console.error(
          `There are more hosts than free weeks: week${rota.doubledWeeks.length > 1 ? "s" : ""} ${rota.doubledWeeks.join(", ")} ha${rota.doubledWeeks.length > 1 ? "ve" : "s"} two visits.`,
        );
      if (values.format === "ics") {
        process.stdout.write(
          buildCalendar({
            name: "Company visits",
            stamp: new Date(),
            milestones: [],
            visits: rota.visits.map((v, i) => ({
              uid: `planned-visit-${values.start}-${i + 1}@tandem`,
              title: `Visit: ${v.host}`,
              date: v.date,
              startTime: "10:00",
              endTime: "16:00",
              sequence: 0,
              cancelled: false,
            })),
          }),
        );
      } else {
        const output = {
          visits: rota.visits.map((v) => ({ host: v.host, date: v.date, week: v.week })),
          doubledWeeks: rota.doubledWeeks,
        };
        console.log(JSON.stringify(output, null, 2));
      }
      return 0;
    },
  },
  "refresh-bank-holidays": {
    summary: `Download the UK bank holidays from ${BANK_HOLIDAYS_URL} into the shipped snapshot`,
    usage: "refresh-bank-holidays",
    async run() {
      let json: unknown;
      try {
        const response = await fetch(BANK_HOLIDAYS_URL, { signal: AbortSignal.timeout(15_000) });
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        json = await response.json();
      } catch (error) {
        console.error(
          `Could not download ${BANK_HOLIDAYS_URL} (${(error as Error).message}). Check the network connection and try again; the shipped snapshot is unchanged.`,
        );
        return 1;
      }
      const data = parseBankHolidayData(json);
      writeFileSync(SNAPSHOT, `${JSON.stringify(data, null, 2)}\n`);
      const years = data["england-and-wales"].events.map((e) => e.date.slice(0, 4));
      console.log(
        `Saved bank holidays for ${years[0]} to ${years.at(-1)} to ${SNAPSHOT}. Rebuild to use them.`,
      );
      return 0;
    },
  },
};
