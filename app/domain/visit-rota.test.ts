import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UK_BANK_HOLIDAYS } from "./bank-holidays";
import { planVisitRota, type RotaHost } from "./visit-rota";

const host = (
  name: string,
  region: RotaHost["region"] = "england-and-wales",
  unavailable: string[] = [],
) => ({
  key: name,
  name,
  region,
  unavailable,
});
const TEN = Array.from({ length: 10 }, (_, i) => host(`Company ${i + 1}`));

function ok(result: ReturnType<typeof planVisitRota>) {
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result;
}

describe("planVisitRota", () => {
  it("gives ten hosts one week each between kick-off and pitch week of a 12-week cohort", () => {
    const rota = ok(planVisitRota({ start: "2027-01-04", weeks: 12, weekday: 3, hosts: TEN }));
    expect(rota.visits.map((v) => v.week)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rota.visits.every((v) => new Date(`${v.date}T12:00:00Z`).getUTCDay() === 3)).toBe(true);
    expect(rota.doubledWeeks).toEqual([]);
    expect(new Set(rota.visits.map((v) => v.host)).size).toBe(10);
  });

  it("spreads fewer hosts evenly, keeping their order", () => {
    const rota = ok(planVisitRota({ start: "2027-01-04", weeks: 12, weekday: 2, hosts: TEN.slice(0, 5) }));
    const weeks = rota.visits.map((v) => v.week);
    expect(weeks.slice(1).map((w, i) => w - weeks[i]!)).toEqual([2, 2, 2, 2]);
    expect(rota.visits.map((v) => v.host)).toEqual(TEN.slice(0, 5).map((h) => h.name));
  });

  it("avoids Good Friday and Easter Monday 2026 in England, and Easter Monday is a working day in Scotland", () => {
    // Weeks 2..5 of a cohort starting 23 March 2026: Mondays 30 March, 6 April (Easter Monday), 13, 20 April.
    const english = ok(planVisitRota({ start: "2026-03-23", weeks: 6, weekday: 1, hosts: TEN.slice(0, 4) }));
    // Four English hosts, three usable Mondays: the Easter week's visit moves to the Tuesday, no week doubles.
    expect(english.visits.map((v) => v.date)).toEqual([
      "2026-03-30",
      "2026-04-07",
      "2026-04-13",
      "2026-04-20",
    ]);
    expect(english.doubledWeeks).toEqual([]);
    const friday = ok(planVisitRota({ start: "2026-03-23", weeks: 6, weekday: 5, hosts: [host("A")] }));
    expect(friday.visits[0]?.date).not.toBe("2026-04-03");
    const scottish = ["A", "B", "C", "D"].map((n) => host(n, "scotland"));
    const rota = ok(planVisitRota({ start: "2026-03-23", weeks: 6, weekday: 1, hosts: scottish }));
    expect(rota.visits.map((v) => v.date)).toEqual(["2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20"]);
    expect(rota.doubledWeeks).toEqual([]);
  });

  it("keeps a Scottish host off the first Monday in August and an English one off the last (2027)", () => {
    // Weeks 2..4 from 19 July 2027: Mondays 26 July, 2 August (Scotland), 9 August; and 30 August (England).
    const scot = ok(
      planVisitRota({
        start: "2027-07-19",
        weeks: 5,
        weekday: 1,
        hosts: [host("Thistle Networks", "scotland", ["2027-07-26"])],
      }),
    );
    expect(scot.visits[0]?.date).toBe("2027-08-09");
    const eng = ok(
      planVisitRota({
        start: "2027-08-16",
        weeks: 5,
        weekday: 1,
        hosts: [host("Kestrel Systems", "england-and-wales", ["2027-08-23"])],
      }),
    );
    expect(eng.visits[0]?.date).toBe("2027-09-06");
  });

  it("moves off substitute days: Boxing Day on 28 December 2026 and 2 January on 4 January 2027 in Scotland", () => {
    const rota = ok(
      planVisitRota({
        start: "2026-12-14",
        weeks: 5,
        weekday: 1,
        hosts: [host("Kestrel", "england-and-wales", ["2026-12-21"]), host("Thistle", "scotland")],
      }),
    );
    // Mondays 21 Dec, 28 Dec (Boxing Day substitute everywhere), 4 Jan (Scotland's 2 January substitute).
    expect(rota.visits.map((v) => [v.host, v.date])).toEqual([
      ["Thistle", "2026-12-21"],
      ["Kestrel", "2027-01-04"],
    ]);
    expect(rota.doubledWeeks).toEqual([]);
  });

  it("keeps Northern Irish hosts off St Patrick's Day and the Boyne substitute day", () => {
    const rota = ok(
      planVisitRota({
        start: "2027-03-08",
        weeks: 4,
        weekday: 3,
        hosts: [host("Lagan Digital", "northern-ireland")],
      }),
    );
    expect(rota.visits.map((v) => v.date)).toEqual(["2027-03-24"]);
    const refused = planVisitRota({
      start: "2026-07-06",
      weeks: 3,
      weekday: 1,
      hosts: [host("Lagan Digital", "northern-ireland")],
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems[0]).toMatch(
        /Lagan Digital is unavailable on every possible date.*1 of them bank holidays/,
      );
  });

  it("doubles the fewest weeks when there are more hosts than weeks, and says so", () => {
    const rota = ok(planVisitRota({ start: "2027-01-04", weeks: 8, weekday: 3, hosts: TEN }));
    expect(rota.doubledWeeks).toHaveLength(4);
    const dates = rota.visits.map((v) => v.date);
    expect(new Set(dates).size).toBe(10);
    for (const week of rota.doubledWeeks) expect(rota.visits.filter((v) => v.week === week)).toHaveLength(2);
  });

  it("refuses a start date that is not a Monday", () => {
    const result = planVisitRota({ start: "2027-01-06", weeks: 12, weekday: 3, hosts: TEN });
    expect(result).toEqual({
      ok: false,
      problems: ["Start date must be a Monday: 6 January 2027 is a Wednesday"],
    });
  });

  it("refuses a host unavailable on every possible date", () => {
    const wednesdays = ["2027-01-13", "2027-01-20"];
    const result = planVisitRota({
      start: "2027-01-04",
      weeks: 4,
      weekday: 3,
      hosts: [host("Kestrel", "england-and-wales", wednesdays)],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        "Kestrel is unavailable on every possible date (every Wednesday from 13 January 2027 to 20 January 2027): remove some of its unavailable dates or choose another visit day",
      ]);
  });

  it("refuses more hosts than days", () => {
    const many = Array.from({ length: 6 }, (_, i) => host(`H${i}`));
    const result = planVisitRota({ start: "2027-01-04", weeks: 3, weekday: 3, hosts: many });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/6 hosts but only 5 weekdays in weeks 2 to 2/);
  });

  it("refuses hosts whose only free dates clash", () => {
    const weekdays = Array.from({ length: 21 }, (_, i) =>
      new Date(Date.UTC(2027, 0, 11 + i)).toISOString().slice(0, 10),
    ).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && d !== "2027-01-13");
    const result = planVisitRota({
      start: "2027-01-04",
      weeks: 5,
      weekday: 3,
      hosts: [host("A", "england-and-wales", weekdays), host("B", "england-and-wales", weekdays), host("C")],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^B cannot each have a day of their own|^A cannot/);
  });

  it("refuses dates beyond the bank holidays it knows", () => {
    const result = planVisitRota({ start: "2035-01-01", weeks: 12, weekday: 3, hosts: TEN });
    expect(result.ok).toBe(false);
  });

  it("never plans a weekend, a bank holiday, an unavailable date or two visits on one day (property)", () => {
    const regions = ["england-and-wales", "scotland", "northern-ireland"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.tuple(fc.constantFrom(...regions), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 })),
          {
            minLength: 1,
            maxLength: 16,
          },
        ),
        (mondayOffset, weeks, weekday, hostSpecs) => {
          const start = new Date(Date.UTC(2026, 0, 5 + mondayOffset * 7)).toISOString().slice(0, 10);
          const day = (n: number) =>
            new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
          const hosts = hostSpecs.map(([region, offs], i) => host(`Host ${i}`, region, offs.map(day)));
          const result = planVisitRota({ start, weeks, weekday, hosts });
          if (!result.ok) return;
          expect(result.visits).toHaveLength(hosts.length);
          expect(new Set(result.visits.map((v) => v.date)).size).toBe(hosts.length);
          const perWeek = new Map<number, number>();
          for (const visit of result.visits) {
            const h = hosts.find((x) => x.name === visit.host)!;
            const dow = new Date(`${visit.date}T12:00:00Z`).getUTCDay();
            expect(dow >= 1 && dow <= 5).toBe(true);
            expect(UK_BANK_HOLIDAYS.on(h.region, visit.date)).toBeUndefined();
            expect(h.unavailable).not.toContain(visit.date);
            expect(visit.week > 1 && visit.week < weeks).toBe(true);
            perWeek.set(visit.week, (perWeek.get(visit.week) ?? 0) + 1);
          }
          // With no holidays or unavailable dates in the way, one visit a week on the chosen day when hosts fit.
          const usual = result.visitWeeks.map((w) => day((w - 1) * 7 + weekday - 1));
          const clear = hosts.every((h) =>
            usual.every((d) => !UK_BANK_HOLIDAYS.on(h.region, d) && !h.unavailable.includes(d)),
          );
          if (clear && hosts.length <= result.visitWeeks.length) {
            expect(result.doubledWeeks).toEqual([]);
            expect(result.visits.map((v) => v.date).every((d) => usual.includes(d))).toBe(true);
          }
          if (hosts.length > result.visitWeeks.length)
            expect(result.doubledWeeks.length).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
