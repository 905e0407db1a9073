import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkHardRules,
  evaluateTeams,
  exhaustiveOptimum,
  type FormationInput,
  formTeams,
  lowerBound,
  seededRandom,
  type TeamPerson,
} from "./team-formation";

const person = (
  id: string,
  sector: TeamPerson["sector"],
  organisation: string,
  profession?: string,
): TeamPerson => ({
  id,
  sector,
  organisation,
  attributes: { profession: profession ?? null },
});

/** A random cohort: people with a sector, one of a few organisations and professions, some locks and keep-aparts. */
const cohortArbitrary = (maxPeople: number, maxTeams: number, withChoices = true) =>
  fc
    .record({
      people: fc.array(
        fc.record({
          government: fc.boolean(),
          organisation: fc.integer({ min: 0, max: 4 }),
          profession: fc.integer({ min: 0, max: 3 }),
          gender: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: 2, maxLength: maxPeople },
      ),
      teams: fc.integer({ min: 1, max: maxTeams }),
      balance: fc.subarray(["profession", "gender"]),
      notAlone: fc.subarray(["profession", "gender"]),
      locks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: withChoices ? 2 : 0 }),
      apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: withChoices ? 2 : 0 }),
      weights: fc.record({
        colleagues: fc.integer({ min: 0, max: 100 }),
        notAlone: fc.integer({ min: 0, max: 20 }),
        balance: fc.integer({ min: 0, max: 5 }),
      }),
    })
    .filter((c) => c.people.length >= c.teams)
    .map((c): FormationInput => {
      const people = c.people.map((p, i) => ({
        id: `p${i}`,
        sector: p.government ? ("government" as const) : ("industry" as const),
        organisation: `${p.government ? "Dept" : "Co"} ${p.organisation}`,
        attributes: { profession: `Prof ${p.profession}`, gender: `G${p.gender}` },
      }));
      const n = people.length;
      const locks = c.locks.map(([p, t]) => ({ personId: `p${p % n}`, team: (t % c.teams) + 1 }));
      const seen = new Set<string>();
      return {
        people,
        teamCount: c.teams,
        balance: c.balance,
        notAlone: c.notAlone,
        locks: locks.filter((l) => !seen.has(l.personId) && seen.add(l.personId)),
        keepApart: c.apart
          .map(([a, b]) => [`p${a % n}`, `p${b % n}`] as [string, string])
          .filter(([a, b]) => a !== b),
        weights: c.weights,
      };
    });

const quick = { timeBudgetMs: 5_000, maxRestarts: 3, exhaustiveLimit: 0 };

describe("team formation rules", () => {
  it("keeps H1–H3, reports the cost it recomputes from the teams, and never goes below its lower bound", () => {
    fc.assert(
      fc.property(cohortArbitrary(24, 5), fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const result = formTeams(input, { ...quick, seed });
        if (!result.ok) {
          // Only the keep-apart and lock choices can make these random cohorts impossible.
          expect(result.message).not.toMatch(/\b[HC][1-3]\b/);
          return;
        }
        const report = evaluateTeams(input, result.teams);
        expect(report.broken).toEqual([]);
        expect(result.teams.flat().sort()).toEqual(input.people.map((p) => p.id).sort());
        expect(result.cost).toEqual(report.cost);
        expect(result.lowerBound).toBeLessThanOrEqual(result.cost.total + 1e-9);
        if (result.optimal) expect(result.cost.total).toBeCloseTo(result.lowerBound, 6);
      }),
      { numRuns: 60 },
    );
  });

  it("finds the exhaustive optimum on cohorts of up to 10 people, and every 'optimal' it claims is", () => {
    fc.assert(
      fc.property(
        cohortArbitrary(10, 3).filter((c) => c.teamCount ** c.people.length <= 60_000),
        fc.integer({ min: 1, max: 1000 }),
        (input, seed) => {
          const exact = exhaustiveOptimum(input);
          const result = formTeams(input, { ...quick, maxRestarts: 20, seed });
          if (!exact) {
            expect(result.ok).toBe(false);
            return;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.cost.total).toBeCloseTo(exact.cost.total, 6);
          expect(lowerBound(input)).toBeLessThanOrEqual(exact.cost.total + 1e-9);
          if (result.optimal) expect(result.cost.total).toBeCloseTo(exact.cost.total, 6);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("claims optimality by exhaustive search only for a true optimum", () => {
    fc.assert(
      fc.property(cohortArbitrary(8, 3, false), (input) => {
        const result = formTeams(input, { timeBudgetMs: 5_000, maxRestarts: 1, exhaustiveLimit: 100_000 });
        const exact = exhaustiveOptimum(input);
        expect(result.ok).toBe(true);
        if (!result.ok || !exact) return;
        expect(result.optimal).toBe(true);
        expect(result.cost.total).toBeCloseTo(exact.cost.total, 6);
      }),
      { numRuns: 40 },
    );
  });

  it("gives the same teams for the same seed", () => {
    const input: FormationInput = {
      people: Array.from({ length: 30 }, (_, i) =>
        person(`p${i}`, i % 2 ? "government" : "industry", `Org ${i % 7}`, `Prof ${i % 4}`),
      ),
      teamCount: 5,
      balance: ["profession"],
      notAlone: [],
    };
    const a = formTeams(input, { seed: 7, maxRestarts: 2, timeBudgetMs: 10_000 });
    const b = formTeams(input, { seed: 7, maxRestarts: 2, timeBudgetMs: 10_000 });
    expect(a.ok && b.ok && a.teams).toEqual(b.ok && b.teams);
  });

  it("separates colleagues, spreads the sectors and balances professions on a small cohort, proving it", () => {
    const people = [
      person("a", "government", "HMRC", "Data"),
      person("b", "government", "HMRC", "Software"),
      person("c", "government", "DWP", "Data"),
      person("d", "government", "DWP", "Software"),
      person("e", "industry", "Kestrel", "Data"),
      person("f", "industry", "Kestrel", "Software"),
      person("g", "industry", "Meridian", "Data"),
      person("h", "industry", "Meridian", "Software"),
    ];
    const result = formTeams({ people, teamCount: 2, balance: ["profession"], notAlone: [] }, { seed: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cost).toEqual({ total: 0, colleagues: 0, balance: 0, notAlone: 0 });
    expect(result.optimal).toBe(true);
    expect(result.proof).toBe("bound");
    for (const team of result.teams) {
      expect(team.filter((id) => "abcd".includes(id))).toHaveLength(2);
    }
  });

  it("counts each cost term as the issue defines it", () => {
    const people = [
      person("a", "government", "HMRC", "Data"),
      person("b", "government", "HMRC", "Data"),
      person("c", "industry", "HMRC", "Design"),
      person("d", "industry", "Kestrel", "Data"),
    ];
    const input: FormationInput = { people, teamCount: 2, balance: ["profession"], notAlone: ["profession"] };
    const report = evaluateTeams(input, [["a", "b", "c"], ["d"]]);
    // Three HMRC pairs in team 1.
    expect(report.cost.colleagues).toBe(3);
    // Data: team 1 has 2 against 3×3/4 = 2.25, team 2 has 1 against 0.75; Design: 1 against 0.75, 0 against 0.25.
    expect(report.cost.balance).toBeCloseTo(0.25 + 0.25 + 0.25 + 0.25, 9);
    // Team 2's only Data person shares Data with others in the cohort; Design is unique in the cohort.
    expect(report.cost.notAlone).toBe(1);
    expect(report.cost.total).toBeCloseTo(300 + 10 + 1, 9);
    expect(report.broken.map((b) => b.rule)).toEqual(["H1", "H2", "H1", "H2"]);
  });
});

describe("hard rules that cannot hold", () => {
  const cohort = (n: number, government: number): TeamPerson[] =>
    Array.from({ length: n }, (_, i) =>
      person(`p${i}`, i < government ? "government" : "industry", `Org ${i}`),
    );

  it("refuses zero teams and fewer people than teams, saying why", () => {
    expect(formTeams({ people: cohort(4, 2), teamCount: 0, balance: [], notAlone: [] })).toMatchObject({
      ok: false,
      rule: "H1",
    });
    const few = formTeams({ people: cohort(3, 2), teamCount: 4, balance: [], notAlone: [] });
    expect(few).toMatchObject({ ok: false, rule: "H1" });
    expect(!few.ok && few.message).toContain("There are 3 people to put into 4 teams");
  });

  it("refuses locks that overfill a team (H1) or its government places (H2)", () => {
    const people = cohort(12, 6);
    const locks = ["p0", "p1", "p2", "p6", "p7"].map((personId) => ({ personId, team: 1 }));
    const result = formTeams({ people, teamCount: 3, balance: [], notAlone: [], locks });
    expect(result).toMatchObject({ ok: false, rule: "H1" });
    expect(!result.ok && result.message).toContain("5 people are locked to team 1");
    const sector = formTeams({
      people,
      teamCount: 3,
      balance: [],
      notAlone: [],
      locks: ["p0", "p1", "p2"].map((personId) => ({ personId, team: 2 })),
    });
    expect(sector).toMatchObject({ ok: false, rule: "H2" });
    expect(!sector.ok && sector.message).toContain("3 people from government are locked to team 2");
  });

  it("refuses locks that together need more larger teams than the numbers allow", () => {
    // 7 people in 3 teams: one team of 3. Locking three to team 1 and three to team 2 needs two.
    const people = cohort(7, 0);
    const locks = ["p0", "p1", "p2"]
      .map((personId) => ({ personId, team: 1 }))
      .concat(["p3", "p4", "p5"].map((personId) => ({ personId, team: 2 })));
    const result = checkHardRules({ people, teamCount: 3, balance: [], notAlone: [], locks });
    expect(result).toMatchObject({ ok: false, rule: "H1" });
  });

  it("refuses contradictory lock and keep-apart choices, saying why", () => {
    const people = cohort(6, 3);
    const result = formTeams({
      people,
      teamCount: 2,
      balance: [],
      notAlone: [],
      locks: [
        { personId: "p0", team: 1 },
        { personId: "p3", team: 1 },
      ],
      keepApart: [["p0", "p3"]],
    });
    expect(result).toMatchObject({ ok: false, rule: "H3" });
    expect(!result.ok && result.message).toContain("both locked to team 1");
    expect(
      formTeams({ people, teamCount: 2, balance: [], notAlone: [], locks: [{ personId: "p0", team: 3 }] }),
    ).toMatchObject({ ok: false, rule: "H3" });
  });

  it("reports H3 when the keep-apart pairs cannot all be separated", () => {
    // Three people who must all be apart, but only two teams.
    const people = cohort(6, 2);
    const result = formTeams(
      {
        people,
        teamCount: 2,
        balance: [],
        notAlone: [],
        keepApart: [
          ["p2", "p3"],
          ["p3", "p4"],
          ["p2", "p4"],
        ],
      },
      { maxRestarts: 2 },
    );
    expect(result).toMatchObject({ ok: false, rule: "H3" });
  });
});

describe("messages in plain English", () => {
  const cohort = (n: number, government: number): TeamPerson[] =>
    Array.from({ length: n }, (_, i) =>
      person(`p${i}`, i < government ? "government" : "industry", `Org ${i}`),
    );
  const RULE_CODE = /\b[HC][1-3]\b/;

  it("says 1 person for 5 teams in the singular, with no rule code", () => {
    const result = checkHardRules({ people: cohort(1, 1), teamCount: 5, balance: [], notAlone: [] });
    expect(result).toMatchObject({ ok: false, rule: "H1" });
    expect(!result.ok && result.message).toBe(
      "There is 1 person to put into 5 teams, so at least one team would be empty. Choose fewer teams or add people.",
    );
  });

  it("names no rule code in any refusal or broken rule", () => {
    const people = cohort(6, 3);
    const refusals = [
      checkHardRules({ people, teamCount: 0, balance: [], notAlone: [] }),
      checkHardRules({
        people,
        teamCount: 2,
        balance: [],
        notAlone: [],
        locks: [{ personId: "x", team: 1 }],
      }),
      checkHardRules({
        people,
        teamCount: 1,
        balance: [],
        notAlone: [],
        locks: [{ personId: "p0", team: 2 }],
      }),
      checkHardRules({ people, teamCount: 1, balance: [], notAlone: [], keepApart: [["p0", "p1"]] }),
      checkHardRules({ people, teamCount: 2, balance: [], notAlone: [], keepApart: [["p0", "p0"]] }),
      checkHardRules({
        people,
        teamCount: 2,
        balance: [],
        notAlone: [],
        locks: ["p0", "p1", "p2", "p3"].map((personId) => ({ personId, team: 1 })),
      }),
      checkHardRules({
        people,
        teamCount: 3,
        balance: [],
        notAlone: [],
        locks: ["p3", "p4"].map((personId) => ({ personId, team: 1 })),
      }),
    ];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      expect(!refusal.ok && refusal.message).not.toMatch(RULE_CODE);
    }
    const report = evaluateTeams({ people, teamCount: 2, balance: [], notAlone: [] }, [
      ["p0", "p1", "p2", "p3"],
      ["p4"],
    ]);
    expect(report.broken.map((b) => b.message)).toEqual([
      "p5 is not in any team",
      "Team 1 has 4 members; every team needs 3",
      "Team 1 has 3 from government; every team needs 1 or 2",
      "Team 2 has 1 member; every team needs 3",
      "Team 2 has 0 from government; every team needs 1 or 2",
    ]);
  });
});

describe("the seeded random generator", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
