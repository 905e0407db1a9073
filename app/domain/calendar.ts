// The programme calendar: weeks of a cohort and UK date formatting, in the Europe/London time zone.
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

export const PROGRAMME_TIME_ZONE = "Europe/London";

/** Today's calendar date in London, as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  return format(new TZDate(now, PROGRAMME_TIME_ZONE), "yyyy-MM-dd");
}

/** Parses YYYY-MM-DD strictly (a real date, no time part); null otherwise. */
export function parseCalendarDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parseISO(value);
  return isValid(date) && format(date, "yyyy-MM-dd") === value ? date : null;
}

/** Builds YYYY-MM-DD from the three boxes of a GOV.UK date input; null when they are not a real date. */
export function calendarDateFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim()))
    return null;
  const value = `${year.trim()}-${month.trim().padStart(2, "0")}-${day.trim().padStart(2, "0")}`;
  return parseCalendarDate(value) ? value : null;
}

export function isMondayDate(value: string): boolean {
  return parseCalendarDate(value)?.getDay() === 1;
}

/** "4 January 2027" */
export function formatUkDate(value: string): string {
  const date = parseCalendarDate(value);
  return date ? format(date, "d MMMM yyyy") : value;
}

/** "Monday 4 January 2027" */
export function formatUkDateWithDay(value: string): string {
  const date = parseCalendarDate(value);
  return date ? format(date, "EEEE d MMMM yyyy") : value;
}

/** "23 November 2026 at 7:08pm", in London time. */
export function formatUkDateTime(iso: string): string {
  return format(new TZDate(iso, PROGRAMME_TIME_ZONE), "d MMMM yyyy 'at' h:mmaaa");
}

export type ProgrammeWeek = { number: number; start: string; end: string };

/** Weeks 1..N of a cohort, each Monday to Sunday from the start date. */
export function programmeWeeks(startDate: string, weeks: number): ProgrammeWeek[] {
  const start = parseCalendarDate(startDate);
  if (!start) throw new Error(`Not a calendar date: ${startDate}`);
  return Array.from({ length: weeks }, (_, i) => ({
    number: i + 1,
    start: format(addDays(start, i * 7), "yyyy-MM-dd"),
    end: format(addDays(start, i * 7 + 6), "yyyy-MM-dd"),
  }));
}

export function cohortEndDate(startDate: string, weeks: number): string {
  const start = parseCalendarDate(startDate);
  if (!start) throw new Error(`Not a calendar date: ${startDate}`);
  return format(addDays(start, weeks * 7 - 1), "yyyy-MM-dd");
}

export type CohortTiming =
  | { phase: "before"; daysToStart: number }
  | { phase: "during"; week: number; weeks: number }
  | { phase: "after"; endedOn: string };

/** Where today falls in a cohort's calendar. */
export function cohortTiming(startDate: string, weeks: number, today: string): CohortTiming {
  const start = parseCalendarDate(startDate);
  const day = parseCalendarDate(today);
  if (!start || !day) throw new Error("cohortTiming needs calendar dates");
  const offset = differenceInCalendarDays(day, start);
  if (offset < 0) return { phase: "before", daysToStart: -offset };
  const week = Math.floor(offset / 7) + 1;
  if (week > weeks) return { phase: "after", endedOn: cohortEndDate(startDate, weeks) };
  return { phase: "during", week, weeks };
}

/** The programme week a date falls in (1-based), or null outside the cohort. */
export function weekOfDate(startDate: string, weeks: number, date: string): number | null {
  const start = parseCalendarDate(startDate);
  const day = parseCalendarDate(date);
  if (!start || !day) return null;
  const offset = differenceInCalendarDays(day, start);
  const week = Math.floor(offset / 7) + 1;
  return offset < 0 || week > weeks ? null : week;
}

export type MilestoneKind = "kick-off" | "problem-statement" | "mid-point" | "final-pitches";

export const MILESTONE_TITLES: Record<MilestoneKind, string> = {
  "kick-off": "Kick-off",
  "problem-statement": "Problem statement due",
  "mid-point": "Mid-point review",
  "final-pitches": "Final pitches",
};

export const MILESTONE_KINDS = Object.keys(MILESTONE_TITLES) as MilestoneKind[];

/**
 * Where each milestone falls unless the coordinator moves it: kick-off on the first day, the problem
 * statement at the end of week 4, the mid-point review in week 7 and the final pitches in the last week
 * (weeks scaled for cohorts shorter than 12).
 */
export function defaultMilestones(
  startDate: string,
  weeks: number,
): Array<{ kind: MilestoneKind; date: string }> {
  const start = parseCalendarDate(startDate);
  if (!start) throw new Error(`Not a calendar date: ${startDate}`);
  const inWeek = (week: number, day: number) =>
    format(addDays(start, (Math.min(Math.max(week, 1), weeks) - 1) * 7 + day), "yyyy-MM-dd");
  return [
    { kind: "kick-off", date: inWeek(1, 0) },
    { kind: "problem-statement", date: inWeek(weeks >= 12 ? 4 : Math.ceil(weeks / 3), 4) },
    { kind: "mid-point", date: inWeek(weeks >= 12 ? 7 : Math.ceil((weeks * 7) / 12), 2) },
    { kind: "final-pitches", date: inWeek(weeks, 3) },
  ];
}

/** A company visit's details, as the coordinator sets them. */
export type VisitDetails = {
  date: string;
  startTime: string;
  endTime: string;
  address: string | null;
  agenda: string | null;
  /** The host's contact: their name is shown to everyone who goes, their email address only to coordinators. */
  contactName: string | null;
  contactEmail: string | null;
};

/** The instant a London wall-clock time on a date happens (summer time included). */
export function londonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, PROGRAMME_TIME_ZONE).getTime());
}

/** The London wall clock at an instant: its date (YYYY-MM-DD) and time of day (HH:mm). */
export function londonWallClock(now: Date = new Date()): { date: string; time: string } {
  const london = new TZDate(now, PROGRAMME_TIME_ZONE);
  return { date: format(london, "yyyy-MM-dd"), time: format(london, "HH:mm") };
}

/** Whether a visit has started by `now`: its London date and start time have come. */
export function visitHasStarted(
  visit: { date: string; start_time: string },
  now: Date = new Date(),
): boolean {
  return londonInstant(visit.date, visit.start_time).getTime() <= now.getTime();
}

/** "You can record attendance from 10am on Wednesday 3 February 2027, when the visit starts." */
export function attendanceOpens(visit: { date: string; start_time: string }): string {
  return `You can record attendance from ${formatTime(visit.start_time)} on ${formatUkDateWithDay(visit.date)}, when the visit starts.`;
}

/** Whether a HH:mm text is a real time of day. */
export function isTimeOfDay(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** "10am", "1:30pm" */
export function formatTime(value: string): string {
  const [hh = 0, mm = 0] = value.split(":").map(Number);
  const suffix = hh < 12 ? "am" : "pm";
  const hour = hh % 12 === 0 ? 12 : hh % 12;
  return mm ? `${hour}:${String(mm).padStart(2, "0")}${suffix}` : `${hour}${suffix}`;
}

/** Dates typed one per line (or separated by commas), as 17/2/2027 or 2027-02-17; the ones not understood too. */
export function parseDateList(text: string): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const item of text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(item);
    const date = uk ? calendarDateFromParts(uk[1]!, uk[2]!, uk[3]!) : parseCalendarDate(item) ? item : null;
    if (date) dates.push(date);
    else bad.push(item);
  }
  return { dates: [...new Set(dates)].sort(), bad };
}

/** "17/2/2027" */
export function formatShortUkDate(value: string): string {
  const date = parseCalendarDate(value);
  return date ? format(date, "d/M/yyyy") : value;
}
