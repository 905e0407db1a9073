// Working days: Monday to Friday, except the bank holidays of a region. Someone whose region Tandem does not know
// (no organisation) is treated as being in England and Wales, where most of a programme's people are.
import { addDays, format, startOfISOWeek } from "date-fns";
import { type BankHolidays, UK_BANK_HOLIDAYS } from "./bank-holidays";
import { parseCalendarDate } from "./calendar";
import type { Region } from "./vocabulary";

export const DEFAULT_REGION: Region = "england-and-wales";

function day(date: string): Date {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new Error(`Not a calendar date: ${date}`);
  return parsed;
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function shiftDate(date: string, days: number): string {
  return format(addDays(day(date), days), "yyyy-MM-dd");
}

export function isWorkingDay(
  date: string,
  region: Region | null,
  holidays: BankHolidays = UK_BANK_HOLIDAYS,
): boolean {
  const weekday = day(date).getDay();
  return weekday !== 0 && weekday !== 6 && !holidays.on(region ?? DEFAULT_REGION, date);
}

/** The last working day before `date`: Friday for a Monday, Thursday before Easter Monday. */
export function workingDayBefore(
  date: string,
  region: Region | null,
  holidays: BankHolidays = UK_BANK_HOLIDAYS,
): string {
  let candidate = shiftDate(date, -1);
  while (!isWorkingDay(candidate, region, holidays)) candidate = shiftDate(candidate, -1);
  return candidate;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return format(startOfISOWeek(day(date)), "yyyy-MM-dd");
}

/** The first working day of the week `date` is in (Tuesday after a bank holiday Monday), or null for none. */
export function firstWorkingDayOfWeek(
  date: string,
  region: Region | null,
  holidays: BankHolidays = UK_BANK_HOLIDAYS,
): string | null {
  const monday = mondayOf(date);
  for (let offset = 0; offset < 5; offset++) {
    const candidate = shiftDate(monday, offset);
    if (isWorkingDay(candidate, region, holidays)) return candidate;
  }
  return null;
}
