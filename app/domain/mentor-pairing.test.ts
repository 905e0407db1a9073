import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inConflict, type PairingMentor, type PairingTeam, pairMentors } from "./mentor-pairing";

const teams: PairingTeam[] = [
  { number: 1, memberOrganisations: ["HMRC", "Kestrel"] },
  { number: 2, memberOrganisations: ["DWP", "Meridian"] },
  { number: 3, memberOrganisations: ["HMRC", "Oakfield"] },
];

const mentor = (
  id: string,
  sector: PairingMentor["sector"],
  organisation: string,
  extra: Partial<PairingMentor> = {},
) => ({
  id,
  name: id,
  sector,
  organisation,
  ...extra,
});

/** Mentors with one place each and no preferences: each sector's names, with their organisations. */
const mentorsBySector = (bySector: Record<PairingMentor["sector"], Record<string, string>>) => [
  ...Object.entries(bySector.industry).map(([name, org]) => mentor(name, "industry", org)),
  ...Object.entries(bySector.government).map(([name, org]) => mentor(name, "government", org)),
];

describe("pairing mentors with teams", () => {
  it("gives every team one industry and one government mentor with no conflict", () => {
    const result = pairMentors(
      teams,
      mentorsBySector({
        industry: { Ivy: "Kestrel", Ian: "Meridian", Iris: "Pennine" },
        government: { Gil: "HMRC", Gus: "DWP", Gwen: "Home Office" },
      }),
    );
    expect(result).toMatchObject({ complete: true, conflicts: 0, problems: [] });
    const byTeam = Object.fromEntries(result.pairs.map((p) => [p.team, p]));
    // Gil (HMRC) can only take team 2; so Gus (DWP) and Gwen share teams 1 and 3.
    expect(byTeam[2]!.government).toBe("Gil");
    expect(result.pairs.every((p) => p.conflicts.length === 0)).toBe(true);
  });

  it("follows preferences when it costs no conflict, and lets a mentor with capacity take two teams", () => {
    const result = pairMentors(teams, [
      mentor("Iris", "industry", "Pennine", { capacity: 2, preferences: [1, 3] }),
      mentor("Ian", "industry", "Lagan"),
      mentor("Gwen", "government", "Home Office", { capacity: 3 }),
    ]);
    expect(result.conflicts).toBe(0);
    expect(result.pairs.map((p) => p.industry)).toEqual(["Iris", "Ian", "Iris"]);
    expect(result.pairs.map((p) => p.government)).toEqual(["Gwen", "Gwen", "Gwen"]);
  });

  it("explains exactly which teams cannot be served when conflicts are unavoidable, and pairs with the fewest", () => {
    const result = pairMentors(
      teams,
      mentorsBySector({
        industry: { Ivy: "Pennine", Ian: "Lagan", Iris: "Thistle" },
        government: { Gil: "HMRC", Hal: "HMRC", Gus: "DWP" },
      }),
    );
    expect(result).toMatchObject({ complete: true, conflicts: 1 });
    expect(result.problems).toEqual([
      {
        sector: "government",
        teams: [1, 3],
        message:
          "Teams 1 and 3 need a government mentor with no colleague in the team, but only 1 government mentor place is free of conflicts for them (Gus): Gil and Hal are from HMRC, which has a participant in both teams.",
      },
    ]);
  });

  it("says when a sector has no mentors or too few places, and pairs nobody", () => {
    const none = pairMentors(teams, [mentor("Gwen", "government", "Home Office", { capacity: 3 })]);
    expect(none.complete).toBe(false);
    expect(none.pairs).toEqual([]);
    expect(none.problems[0]?.message).toBe("There are no industry mentors: each team needs one.");
    const few = pairMentors(teams, [
      mentor("Iris", "industry", "Pennine"),
      mentor("Gwen", "government", "Home Office", { capacity: 3 }),
    ]);
    expect(few.problems[0]?.message).toBe(
      "3 teams need an industry mentor, but the industry mentors can take only 1 team between them.",
    );
  });

  it("never pairs with a conflict when a conflict-free pairing exists (checked against brute force)", () => {
    const orgs = ["A", "B", "C", "D"];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(orgs, { minLength: 1 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ org: fc.constantFrom(...orgs), government: fc.boolean() }), {
          minLength: 2,
          maxLength: 8,
        }),
        (teamOrgs, mentorRows) => {
          const ts = teamOrgs.map((o, i) => ({ number: i + 1, memberOrganisations: o }));
          const ms = mentorRows.map((m, i) =>
            mentor(`m${i}`, m.government ? "government" : "industry", m.org),
          );
          const result = pairMentors(ts, ms);
          const short = (["industry", "government"] as const).filter(
            (sector) => ms.filter((m) => m.sector === sector).length < ts.length,
          );
          expect(result.complete).toBe(short.length === 0);
          for (const sector of short) expect(result.problems.some((p) => p.sector === sector)).toBe(true);
          if (!result.complete) return;
          for (const sector of ["industry", "government"] as const) {
            const pool = ms.filter((m) => m.sector === sector);
            const best = fewestConflicts(ts, pool);
            const got = result.pairs.filter((p) =>
              p.conflicts.some((id) => pool.some((m) => m.id === id)),
            ).length;
            expect(got).toBe(best);
            expect(result.problems.some((p) => p.sector === sector)).toBe(best > 0);
          }
          for (const pair of result.pairs) {
            const team = ts.find((t) => t.number === pair.team)!;
            for (const id of [pair.industry, pair.government]) {
              const m = ms.find((x) => x.id === id)!;
              expect(pair.conflicts.includes(id)).toBe(inConflict(m, team));
            }
          }
          const used = result.pairs.flatMap((p) => [p.industry, p.government]);
          expect(new Set(used).size).toBe(used.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function fewestConflicts(ts: PairingTeam[], pool: PairingMentor[]): number {
  let best = Number.POSITIVE_INFINITY;
  const used = new Set<number>();
  const go = (i: number, conflicts: number) => {
    if (conflicts >= best) return;
    if (i === ts.length) {
      best = conflicts;
      return;
    }
    pool.forEach((m, k) => {
      if (used.has(k)) return;
      used.add(k);
      go(i + 1, conflicts + (inConflict(m, ts[i]!) ? 1 : 0));
      used.delete(k);
    });
  };
  go(0, 0);
  return best;
}
