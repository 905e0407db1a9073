import { describe, expect, it } from "vitest";
import { round2 } from "./pitch-scoring";
import { EXAMPLE_ABSENCES, EXAMPLE_CONFLICTS, workedExample } from "./pitch-scoring-example";

// The "How scores are calculated" page narrates this example: these are the facts its sentences rely on.
describe("the worked example on the How scores are calculated page", () => {
  const { sheet, result } = workedExample();

  it("has every sheet complete except the conflict and the missed pitch, in one group", () => {
    expect(result.sheets).toHaveLength(3 * 4 - EXAMPLE_CONFLICTS.length - EXAMPLE_ABSENCES.length);
    expect(result.incompleteSheets).toEqual([]);
    expect(result.groups).toBe(1);
    for (const pair of [...EXAMPLE_CONFLICTS, ...EXAMPLE_ABSENCES])
      expect(result.sheets.some((s) => s.judge === pair.judge && s.team === pair.team)).toBe(false);
  });

  it("shows a sheet whose total is 100 × Σ w·s/5 / Σ w", () => {
    // Leader B for Team 2: 100 × (20·4/5 + 25·4/5 + 25·3/5 + 15·4/5 + 15·4/5) / 100 = 16 + 20 + 15 + 12 + 12 = 75.
    expect(sheet.scores.map((s) => s.score)).toEqual([4, 4, 3, 4, 4]);
    expect(result.sheets.find((s) => s.judge === sheet.judge && s.team === sheet.team)?.total).toBeCloseTo(
      75,
      12,
    );
  });

  it("puts a different team first on raw and on adjusted scores, because the raw winner missed the harsh leader", () => {
    const offsets = result.judgeOffsets;
    expect(offsets["Leader A"]!).toBeLessThan(0);
    expect(offsets["Leader C"]!).toBeGreaterThan(0);
    expect(Math.abs(Object.values(offsets).reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
    const rawWinner = [...result.results].sort((x, y) => y.raw! - x.raw!)[0]!;
    expect(rawWinner.team).toBe("Team 2");
    expect(result.results[0]!.team).toBe("Team 1");
    expect(result.results.map((r) => [r.team, r.rank, round2(r.adjusted!), round2(r.raw!)])).toEqual([
      ["Team 1", 1, 79, 79],
      ["Team 2", 2, 74.48, 83.5],
      ["Team 4", 3, 72.48, 64],
      ["Team 3", 4, 61.67, 61.67],
    ]);
  });
});
