import { describe, expect, it } from "vitest";
import {
  calendarDateFromParts,
  cohortEndDate,
  cohortTiming,
  formatUkDate,
  formatUkDateTime,
  formatUkDateWithDay,
  isMondayDate,
  parseCalendarDate,
  programmeWeeks,
  todayInLondon,
} from "./calendar";

describe("calendar dates", () => {
  it("reads only real YYYY-MM-DD dates", () => {
    expect(parseCalendarDate("2027-01-04")).not.toBeNull();
    expect(parseCalendarDate("2027-02-29")).toBeNull();
    expect(parseCalendarDate("2028-02-29")).not.toBeNull();
    expect(parseCalendarDate("2027-1-4")).toBeNull();
    expect(parseCalendarDate("04/01/2027")).toBeNull();
  });

  it("builds a date from the three boxes of a GOV.UK date input", () => {
    expect(calendarDateFromParts("4", "1", "2027")).toBe("2027-01-04");
    expect(calendarDateFromParts(" 04 ", "01", "2027")).toBe("2027-01-04");
    expect(calendarDateFromParts("31", "4", "2027")).toBeNull();
    expect(calendarDateFromParts("4", "January", "2027")).toBeNull();
    expect(calendarDateFromParts("4", "1", "27")).toBeNull();
    expect(calendarDateFromParts("", "", "")).toBeNull();
  });

  it("knows a Monday", () => {
    expect(isMondayDate("2027-01-04")).toBe(true);
    expect(isMondayDate("2027-01-06")).toBe(false);
    expect(isMondayDate("not a date")).toBe(false);
  });

  it("formats dates the UK way", () => {
    expect(formatUkDate("2027-01-04")).toBe("4 January 2027");
    expect(formatUkDateWithDay("2027-01-04")).toBe("Monday 4 January 2027");
  });

  it("shows instants in London time, across the clock change", () => {
    expect(formatUkDateTime("2026-07-01T12:30:00.000Z")).toBe("1 July 2026 at 1:30pm");
    expect(formatUkDateTime("2026-12-01T12:30:00.000Z")).toBe("1 December 2026 at 12:30pm");
  });

  it("takes today's date in London, not UTC", () => {
    expect(todayInLondon(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInLondon(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("programme weeks", () => {
  it("splits a cohort into Monday-to-Sunday weeks", () => {
    const weeks = programmeWeeks("2027-01-04", 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ number: 1, start: "2027-01-04", end: "2027-01-10" });
    expect(weeks[11]).toEqual({ number: 12, start: "2027-03-22", end: "2027-03-28" });
    expect(cohortEndDate("2027-01-04", 12)).toBe("2027-03-28");
  });

  it("keeps whole days across the March clock change", () => {
    const weeks = programmeWeeks("2027-03-22", 2);
    expect(weeks[1]).toEqual({ number: 2, start: "2027-03-29", end: "2027-04-04" });
  });

  it("says where today falls", () => {
    expect(cohortTiming("2027-01-04", 12, "2027-01-01")).toEqual({ phase: "before", daysToStart: 3 });
    expect(cohortTiming("2027-01-04", 12, "2027-01-04")).toEqual({ phase: "during", week: 1, weeks: 12 });
    expect(cohortTiming("2027-01-04", 12, "2027-01-11")).toEqual({ phase: "during", week: 2, weeks: 12 });
    expect(cohortTiming("2027-01-04", 12, "2027-03-28")).toEqual({ phase: "during", week: 12, weeks: 12 });
    expect(cohortTiming("2027-01-04", 12, "2027-03-29")).toEqual({ phase: "after", endedOn: "2027-03-28" });
  });
});
