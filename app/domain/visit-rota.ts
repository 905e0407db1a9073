// The company visit rota: one visit to every host between kick-off and pitch week, on the cohort's weekday,
// spread evenly, never on a weekend, a bank holiday in the host's region or a date the host cannot do.
import { parse } from "csv-parse/sync";
import { addDays, format } from "date-fns";
import munkres from "munkres";
import { type BankHolidays, REGIONS, UK_BANK_HOLIDAYS } from "./bank-holidays";
import { formatUkDate, isMondayDate, parseCalendarDate, programmeWeeks } from "./calendar";
import type { Region } from "./vocabulary";
import { weekdayName } from "./weekdays";

export { WEEKDAYS, type WeekdayName, weekdayLabel, weekdayName, weekdayNumber } from "./weekdays";

export type RotaHost = { key: string; name: string; region: Region; unavailable: string[] };

export type RotaInput = {
  /** The Monday of week 1. */
  start: string;
  weeks: number;
  /** 1 (Monday) .. 5 (Friday) */
  weekday: number;
  hosts: RotaHost[];
  /** Visits go in the weeks strictly between these (default: kick-off in week 1, pitches in the last week). */
  kickOffWeek?: number;
  pitchWeek?: number;
  holidays?: BankHolidays;
};

export type RotaVisit = { key: string; host: string; date: string; week: number };

export type RotaResult =
  | { ok: true; visits: RotaVisit[]; doubledWeeks: number[]; visitWeeks: number[] }
  | { ok: false; problems: string[] };

const EXTRA_VISIT_COST = 1e6;
const NOT_POSSIBLE = 1e12;

/** The days of a week to try, the chosen weekday first, then the nearest other weekdays (later before earlier). */
function daysByCloseness(weekday: number): number[] {
  const days = [weekday];
  for (let step = 1; step < 5; step++) {
    for (const day of [weekday + step, weekday - step]) if (day >= 1 && day <= 5) days.push(day);
  }
  return days;
}

function capitalised(name: string): string {
  return `${name[0]?.toUpperCase()}${name.slice(1)}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Proposes the rota. Each host gets a visit on the chosen weekday of a week of its own, the weeks spread as
 * evenly as they allow (an assignment problem: the cost of a host in a week is its distance from the host's
 * evenly spaced target). When there are more hosts than weeks (or bank holidays leave too few), a week takes a
 * second visit, on the nearest other weekday, only when no week is left free, so the fewest weeks are doubled.
 */
export function planVisitRota(input: RotaInput): RotaResult {
  const holidays = input.holidays ?? UK_BANK_HOLIDAYS;
  const problems: string[] = [];
  if (!parseCalendarDate(input.start))
    return { ok: false, problems: ["Start date must be a real date, like 2027-01-04"] };
  if (!isMondayDate(input.start)) {
    return {
      ok: false,
      problems: [
        `Start date must be a Monday: ${formatUkDate(input.start)} is a ${format(parseCalendarDate(input.start)!, "EEEE")}`,
      ],
    };
  }
  if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 5)
    problems.push("Visit day must be a weekday, Monday to Friday");
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > 52)
    problems.push("Number of weeks must be between 1 and 52");
  if (input.hosts.length === 0)
    problems.push("There are no host organisations: mark at least one as hosting a visit");
  const names = new Set<string>();
  for (const host of input.hosts) {
    if (names.has(host.name.toLowerCase()))
      problems.push(`${host.name} is listed twice: list each host once`);
    names.add(host.name.toLowerCase());
  }
  if (problems.length) return { ok: false, problems };

  const kickOff = input.kickOffWeek ?? 1;
  const pitch = input.pitchWeek ?? input.weeks;
  const weeks = programmeWeeks(input.start, input.weeks).filter(
    (w) => w.number > kickOff && w.number < pitch,
  );
  if (weeks.length === 0) {
    return {
      ok: false,
      problems: [
        `There are no weeks between kick-off (week ${kickOff}) and final pitches (week ${pitch}) for visits: make the cohort longer or move those milestones apart`,
      ],
    };
  }
  const lastDay = weeks.at(-1)!.end;
  if (!holidays.covers(lastDay) || !holidays.covers(weeks[0]!.start)) {
    return {
      ok: false,
      problems: [
        `Tandem knows bank holidays for ${holidays.firstYear} to ${holidays.lastYear} only: run "npm run tandem -- refresh-bank-holidays" to get later years`,
      ],
    };
  }

  const hosts = input.hosts;
  const order = daysByCloseness(input.weekday);
  if (hosts.length > weeks.length * order.length) {
    return {
      ok: false,
      problems: [
        `There are ${hosts.length} hosts but only ${weeks.length * order.length} weekdays in weeks ${weeks[0]!.number} to ${weeks.at(-1)!.number}: make the cohort longer or have fewer organisations host a visit`,
      ],
    };
  }
  const slots = weeks.flatMap((week, index) =>
    order.map((day, rank) => ({
      index,
      week: week.number,
      rank,
      date: format(addDays(parseCalendarDate(week.start)!, day - 1), "yyyy-MM-dd"),
    })),
  );
  const possible = (host: RotaHost, date: string) =>
    !holidays.on(host.region, date) && !host.unavailable.includes(date);

  for (const host of hosts) {
    if (slots.some((slot) => slot.rank === 0 && possible(host, slot.date))) continue;
    const dates = slots.filter((s) => s.rank === 0).map((s) => s.date);
    const holidaysHit = dates.filter((d) => holidays.on(host.region, d));
    problems.push(
      `${host.name} is unavailable on every possible date (every ${capitalised(weekdayName(input.weekday))} from ${formatUkDate(dates[0]!)} to ${formatUkDate(dates.at(-1)!)}${holidaysHit.length ? `, ${holidaysHit.length} of them bank holidays` : ""}): remove some of its unavailable dates or choose another visit day`,
    );
  }
  if (problems.length) return { ok: false, problems };

  const usualDay = new Map(slots.filter((s) => s.rank === 0).map((s) => [s.index, s.date]));
  const cost = hosts.map((host, i) => {
    const target = ((i + 0.5) * weeks.length) / hosts.length - 0.5;
    return slots.map((slot) => {
      if (!possible(host, slot.date)) return NOT_POSSIBLE;
      // Another day is cheaper in a week whose usual day the host cannot do: better than doubling up a week.
      const extra = slot.rank === 0 ? 0 : slot.rank - (possible(host, usualDay.get(slot.index)!) ? 0 : 0.5);
      return extra * EXTRA_VISIT_COST + (slot.index - target) ** 2;
    });
  });
  const visits: RotaVisit[] = [];
  const stuck: string[] = [];
  for (const [row, column] of munkres(cost)) {
    const host = hosts[row]!;
    const slot = slots[column]!;
    if (cost[row]![column]! >= NOT_POSSIBLE) stuck.push(host.name);
    else visits.push({ key: host.key, host: host.name, date: slot.date, week: slot.week });
  }
  if (stuck.length) {
    return {
      ok: false,
      problems: [
        `${list(stuck)} cannot each have a day of their own: the hosts' free dates overlap too much. Remove some unavailable dates or choose another visit day`,
      ],
    };
  }
  visits.sort((a, b) => a.date.localeCompare(b.date) || a.host.localeCompare(b.host));
  const perWeek = new Map<number, number>();
  for (const v of visits) perWeek.set(v.week, (perWeek.get(v.week) ?? 0) + 1);
  const doubledWeeks = [...perWeek].filter(([, n]) => n > 1).map(([week]) => week);
  return { ok: true, visits, doubledWeeks, visitWeeks: weeks.map((w) => w.number) };
}

/** Reads the command line's hosts.csv: `name, region` and optional `unavailable` (YYYY-MM-DD;YYYY-MM-DD). */
export function parseHostsCsv(
  text: string,
): { ok: true; hosts: RotaHost[] } | { ok: false; problems: string[] } {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      trim: true,
    });
  } catch {
    return {
      ok: false,
      problems: ["The hosts file is not a CSV file: give it the columns name, region and unavailable"],
    };
  }
  if (records.length === 0)
    return {
      ok: false,
      problems: ["The hosts file has no hosts: add one row per host under the header row name,region"],
    };
  const problems: string[] = [];
  const hosts = records.map((record, i) => {
    const row = i + 2;
    const name = record.name ?? "";
    const region = (record.region ?? "").toLowerCase();
    if (!name) problems.push(`Row ${row}: enter the host's name`);
    if (!(REGIONS as readonly string[]).includes(region))
      problems.push(`Row ${row}: region “${record.region ?? ""}” must be one of ${REGIONS.join(", ")}`);
    const unavailable = (record.unavailable ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean);
    for (const date of unavailable)
      if (!parseCalendarDate(date))
        problems.push(`Row ${row}: unavailable date “${date}” must be a date like 2027-02-17`);
    return { key: String(row), name, region: region as Region, unavailable };
  });
  return problems.length ? { ok: false, problems } : { ok: true, hosts };
}
