// UK bank holidays by region, from a snapshot of GOV.UK's official data (https://www.gov.uk/bank-holidays.json),
// shipped in bank-holidays.json and refreshed with `npm run tandem -- refresh-bank-holidays`.
import { z } from "zod";
import snapshot from "./bank-holidays.json";
import type { Region } from "./vocabulary";

export const REGIONS = [
  "england-and-wales",
  "scotland",
  "northern-ireland",
] as const satisfies readonly Region[];

const Event = z.object({
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  notes: z.string(),
  bunting: z.boolean(),
});

const Division = z.object({ division: z.enum(REGIONS), events: z.array(Event).min(1) });

/** The shape of GOV.UK's bank-holidays.json: one entry per division, each with its events. */
export const BankHolidayData = z.object({
  "england-and-wales": Division,
  scotland: Division,
  "northern-ireland": Division,
});

export type BankHolidayData = z.infer<typeof BankHolidayData>;
export type BankHoliday = z.infer<typeof Event>;

/** Checks data in GOV.UK's format; throws with the first problem when it is not. */
export function parseBankHolidayData(json: unknown): BankHolidayData {
  const result = BankHolidayData.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Not GOV.UK bank holiday data: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return result.data;
}

/** Looks dates up in one set of bank holiday data. */
export class BankHolidays {
  private readonly byRegion: Map<Region, Map<string, BankHoliday>>;
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(data: BankHolidayData) {
    this.byRegion = new Map(
      REGIONS.map((region) => [region, new Map(data[region].events.map((event) => [event.date, event]))]),
    );
    const years = REGIONS.flatMap((r) => data[r].events.map((e) => Number(e.date.slice(0, 4))));
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
  }

  /** The bank holiday on a date in a region, if there is one. */
  on(region: Region, date: string): BankHoliday | undefined {
    return this.byRegion.get(region)?.get(date);
  }

  /** Every bank holiday of a region between two dates (inclusive), in date order. */
  between(region: Region, from: string, to: string): BankHoliday[] {
    return [...(this.byRegion.get(region)?.values() ?? [])]
      .filter((e) => e.date >= from && e.date <= to)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Whether the data says anything about the year of a date (outside it, no holiday is known). */
  covers(date: string): boolean {
    const year = Number(date.slice(0, 4));
    return year >= this.firstYear && year <= this.lastYear;
  }
}

/** The holidays shipped with Tandem. */
export const UK_BANK_HOLIDAYS = new BankHolidays(parseBankHolidayData(snapshot));
