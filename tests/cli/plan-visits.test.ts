import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { cliWorkspace } from "../setup/cli";

const { file: hostsFile, tandem } = cliWorkspace("plan", (folder) => ({
  DATABASE_URL: `file:${join(folder, "unused.sqlite")}`,
}));

const TEN = hostsFile(
  "ten.csv",
  [
    "name,region,unavailable",
    "Brightwater Consulting,england-and-wales,",
    "Kestrel Systems,england-and-wales,2027-01-13;2027-01-20",
    "Meridian Data,england-and-wales,",
    "Oakfield Technology,england-and-wales,",
    "Pennine Cloud,england-and-wales,",
    "Quayside Software,england-and-wales,",
    "Redbrick Analytics,england-and-wales,",
    "Solent Security,england-and-wales,",
    "Thistle Networks,scotland,",
    "Lagan Digital,northern-ireland,2027-03-17",
  ].join("\r\n"),
);

describe("npm run tandem -- plan-visits", () => {
  it("is listed in the help", () => {
    const { out } = tandem("--help");
    expect(out).toContain(
      "plan-visits --start YYYY-MM-DD --weeks N --weekday monday..friday --hosts hosts.csv",
    );
    expect(out).toContain("refresh-bank-holidays");
  });

  it("prints a JSON rota: ten hosts in weeks 2 to 11 of a cohort starting 4 January 2027", () => {
    const { status, out } = tandem(
      "plan-visits",
      "--start",
      "2027-01-04",
      "--weeks",
      "12",
      "--weekday",
      "wednesday",
      "--hosts",
      TEN,
    );
    expect(status).toBe(0);
    const rota = JSON.parse(out) as {
      visits: Array<{ host: string; date: string; week: number }>;
      doubledWeeks: number[];
    };
    expect(rota.doubledWeeks).toEqual([]);
    expect(rota.visits.map((v) => v.week)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rota.visits.every((v) => new Date(`${v.date}T12:00:00Z`).getUTCDay() === 3)).toBe(true);
    const kestrel = rota.visits.find((v) => v.host === "Kestrel Systems")!;
    expect(["2027-01-13", "2027-01-20"]).not.toContain(kestrel.date);
    expect(rota.visits.find((v) => v.host === "Lagan Digital")?.date).not.toBe("2027-03-17");
  });

  it("keeps a Scottish host's visit on Easter Monday 2026, which is not a holiday in Scotland", () => {
    const hosts = hostsFile(
      "easter.csv",
      "\uFEFFName,Region\nThistle Networks,scotland\nKestrel Systems,england-and-wales\nAnother English,england-and-wales\nA Third,england-and-wales\n",
    );
    const { status, out } = tandem(
      "plan-visits",
      "--start",
      "2026-03-23",
      "--weeks",
      "6",
      "--weekday",
      "monday",
      "--hosts",
      hosts,
    );
    expect(status).toBe(0);
    const rota = JSON.parse(out) as { visits: Array<{ host: string; date: string }> };
    expect(rota.visits.find((v) => v.date === "2026-04-06")?.host).toBe("Thistle Networks");
  });

  it("prints an iCalendar file that an independent parser reads", () => {
    const { status, out } = tandem(
      "plan-visits",
      "--start",
      "2027-01-04",
      "--weeks",
      "12",
      "--weekday",
      "tuesday",
      "--hosts",
      TEN,
      "--format",
      "ics",
    );
    expect(status).toBe(0);
    const events = new ICAL.Component(ICAL.parse(out))
      .getAllSubcomponents("vevent")
      .map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(10);
    // 12 January 2027, 10:00 in London (GMT) is 10:00 UTC.
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe("2027-01-12T10:00:00.000Z");
  });

  // Six command-line runs one after another (a few seconds each on a busy machine): more than the default 20 s.
  it("says what to fix: a Wednesday start, a host never free, more hosts than days, bad options", () => {
    const wednesday = tandem(
      "plan-visits",
      "--start",
      "2027-01-06",
      "--weeks",
      "12",
      "--weekday",
      "monday",
      "--hosts",
      TEN,
    );
    expect(wednesday.status).toBe(1);
    expect(wednesday.err).toContain("Start date must be a Monday: 6 January 2027 is a Wednesday");

    const never = hostsFile(
      "never.csv",
      "name,region,unavailable\nKestrel Systems,england-and-wales,2027-01-13;2027-01-20\n",
    );
    const blocked = tandem(
      "plan-visits",
      "--start",
      "2027-01-04",
      "--weeks",
      "4",
      "--weekday",
      "wednesday",
      "--hosts",
      never,
    );
    expect(blocked.status).toBe(1);
    expect(blocked.err).toContain("Kestrel Systems is unavailable on every possible date");

    const crowded = tandem(
      "plan-visits",
      "--start",
      "2027-01-04",
      "--weeks",
      "3",
      "--weekday",
      "monday",
      "--hosts",
      TEN,
    );
    expect(crowded.status).toBe(1);
    expect(crowded.err).toContain("There are 10 hosts but only 5 weekdays in weeks 2 to 2");

    const doubled = tandem(
      "plan-visits",
      "--start",
      "2027-01-04",
      "--weeks",
      "8",
      "--weekday",
      "monday",
      "--hosts",
      TEN,
    );
    expect(doubled.status).toBe(0);
    expect(doubled.err).toMatch(/more hosts than free weeks: weeks \d+, \d+, \d+, \d+ have two visits/);
    expect((JSON.parse(doubled.out) as { doubledWeeks: number[] }).doubledWeeks).toHaveLength(4);

    expect(tandem("plan-visits", "--start", "2027-01-04").err).toContain(
      "Missing --weeks, --weekday, --hosts",
    );
    expect(
      tandem("plan-visits", "--start", "2027-01-04", "--weeks", "12", "--weekday", "saturday", "--hosts", TEN)
        .err,
    ).toContain("--weekday must be one of monday, tuesday, wednesday, thursday, friday");
    const badRegion = hostsFile("bad.csv", "name,region\nKestrel,wales\n");
    expect(
      tandem(
        "plan-visits",
        "--start",
        "2027-01-04",
        "--weeks",
        "12",
        "--weekday",
        "monday",
        "--hosts",
        badRegion,
      ).err,
    ).toContain("Row 2: region “wales” must be one of england-and-wales, scotland, northern-ireland");
  }, 60_000);
});
