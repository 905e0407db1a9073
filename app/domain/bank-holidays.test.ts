import { describe, expect, it } from "vitest";
import { BankHolidays, parseBankHolidayData, REGIONS, UK_BANK_HOLIDAYS } from "./bank-holidays";
import snapshot from "./bank-holidays.json";

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher), independent of the snapshot. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(new Date(Date.UTC(year, month - 1, day)));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

function firstMonday(year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, "0")}-01`;
  while (weekday(date) !== 1) date = shift(date, 1);
  return date;
}
function lastMonday(year: number, month: number): string {
  let date = shift(`${year}-${String(month + 1).padStart(2, "0")}-01`, -1);
  while (weekday(date) !== 1) date = shift(date, -1);
  return date;
}

/**
 * The rules of the Banking and Financial Dealings Act and its proclamations: fixed-date holidays that fall on a
 * weekend move to the next weekday that is not already a holiday (weekday holidays keep their dates first).
 */
function expectedDates(region: (typeof REGIONS)[number], year: number): string[] {
  const fixed = [`${year}-01-01`, `${year}-12-25`, `${year}-12-26`];
  if (region === "scotland") fixed.push(`${year}-01-02`, `${year}-11-30`);
  if (region === "northern-ireland") fixed.push(`${year}-03-17`, `${year}-07-12`);
  const taken = new Set(fixed.filter((d) => !isWeekend(d)));
  for (const date of fixed.filter(isWeekend).sort()) {
    let moved = date;
    while (isWeekend(moved) || taken.has(moved)) moved = shift(moved, 1);
    taken.add(moved);
  }
  const easter = easterSunday(year);
  const movable = [shift(easter, -2), firstMonday(year, 5), lastMonday(year, 5)];
  if (region !== "scotland") movable.push(shift(easter, 1));
  movable.push(region === "scotland" ? firstMonday(year, 8) : lastMonday(year, 8));
  return [...taken, ...movable].sort();
}

describe("the bank holiday snapshot", () => {
  it("is in GOV.UK's format for all three divisions", () => {
    const data = parseBankHolidayData(snapshot);
    expect(REGIONS.map((r) => data[r].division)).toEqual([...REGIONS]);
    expect(() => parseBankHolidayData({ scotland: {} })).toThrow(/Not GOV.UK bank holiday data/);
  });

  for (const region of REGIONS) {
    for (const year of [2025, 2026, 2027, 2028]) {
      it(`has exactly the ${year} bank holidays of ${region} that the rules give`, () => {
        const dates = UK_BANK_HOLIDAYS.between(region, `${year}-01-01`, `${year}-12-31`).map((e) => e.date);
        expect(dates).toEqual(expectedDates(region, year));
      });
    }
  }

  it("puts Good Friday and Easter Monday where the computus does", () => {
    for (const year of [2025, 2026, 2027, 2028]) {
      const easter = easterSunday(year);
      for (const region of REGIONS)
        expect(UK_BANK_HOLIDAYS.on(region, shift(easter, -2))?.title).toBe("Good Friday");
      expect(UK_BANK_HOLIDAYS.on("england-and-wales", shift(easter, 1))?.title).toBe("Easter Monday");
      expect(UK_BANK_HOLIDAYS.on("northern-ireland", shift(easter, 1))?.title).toBe("Easter Monday");
      expect(UK_BANK_HOLIDAYS.on("scotland", shift(easter, 1))).toBeUndefined();
    }
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
  });

  it("never has a holiday on a weekend, and marks every moved one as a substitute day", () => {
    for (const region of REGIONS) {
      for (const event of snapshot[region].events) {
        expect(isWeekend(event.date), `${region} ${event.date} ${event.title}`).toBe(false);
      }
    }
    expect(UK_BANK_HOLIDAYS.on("england-and-wales", "2026-12-28")).toMatchObject({
      title: "Boxing Day",
      notes: "Substitute day",
    });
    expect(UK_BANK_HOLIDAYS.on("england-and-wales", "2027-12-27")?.notes).toBe("Substitute day");
    expect(UK_BANK_HOLIDAYS.on("england-and-wales", "2028-01-03")?.notes).toBe("Substitute day");
  });

  it("has Scotland's 2 January, St Andrew's Day and first-Monday August holiday", () => {
    expect(UK_BANK_HOLIDAYS.on("scotland", "2026-01-02")?.title).toBe("2nd January");
    expect(UK_BANK_HOLIDAYS.on("scotland", "2027-01-04")).toMatchObject({
      title: "2nd January",
      notes: "Substitute day",
    });
    expect(UK_BANK_HOLIDAYS.on("scotland", "2026-11-30")?.title).toBe("St Andrew’s Day");
    expect(UK_BANK_HOLIDAYS.on("scotland", "2025-12-01")?.notes).toBe("Substitute day");
    expect(UK_BANK_HOLIDAYS.on("scotland", "2026-08-03")?.title).toBe("Summer bank holiday");
    expect(UK_BANK_HOLIDAYS.on("scotland", "2027-08-02")?.title).toBe("Summer bank holiday");
    expect(UK_BANK_HOLIDAYS.on("england-and-wales", "2027-08-02")).toBeUndefined();
    expect(UK_BANK_HOLIDAYS.on("scotland", "2027-08-30")).toBeUndefined();
  });

  it("has Northern Ireland's St Patrick's Day and Battle of the Boyne, moved off weekends", () => {
    expect(UK_BANK_HOLIDAYS.on("northern-ireland", "2026-03-17")?.title).toBe("St Patrick’s Day");
    expect(UK_BANK_HOLIDAYS.on("northern-ireland", "2026-07-13")).toMatchObject({
      title: "Battle of the Boyne (Orangemen’s Day)",
      notes: "Substitute day",
    });
    expect(UK_BANK_HOLIDAYS.on("northern-ireland", "2027-07-12")?.notes).toBe("");
    expect(UK_BANK_HOLIDAYS.on("england-and-wales", "2027-07-12")).toBeUndefined();
  });

  it("keeps the one-off holidays of recent years", () => {
    for (const region of REGIONS) {
      expect(UK_BANK_HOLIDAYS.on(region, "2022-09-19")?.title).toMatch(/State Funeral/);
      expect(UK_BANK_HOLIDAYS.on(region, "2023-05-08")?.title).toMatch(/coronation of King Charles III/);
      expect(UK_BANK_HOLIDAYS.on(region, "2022-06-03")?.title).toBe("Platinum Jubilee bank holiday");
    }
  });

  it("says which years it covers", () => {
    const data = new BankHolidays(parseBankHolidayData(snapshot));
    expect(data.covers("2028-06-01")).toBe(true);
    expect(data.covers("2031-06-01")).toBe(false);
  });
});
