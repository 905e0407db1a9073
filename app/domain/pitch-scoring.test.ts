import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountedSheet,
  type CriterionScore,
  criteriaProblems,
  fitAdditiveModel,
  rankTeams,
  round2,
  type ScoringCriterion,
  scorePitches,
  scoresProblems,
  solveLinearSystem,
  weightedTotal,
} from "./pitch-scoring";
import { ScoringInputSchema, scoringReport } from "./pitch-scoring-input";
import { DEFAULT_RUBRIC } from "./rubric";
import { seededRandom } from "./team-formation";

/*
 * Most hand-worked examples use this two-criterion rubric, chosen so totals are whole numbers:
 *   total = 100 × (3·s/5 + 1·p/5) / (3 + 1) = 15·s + 5·p      (s = solution, p = pitch, each 1 to 5)
 * so (4,4) = 80, (5,3) = 90, (4,2) = 70, (3,5) = 70, (3,3) = 60, (4,3) = 75, (3,1) = 50, (2,2) = 40, (4,1) = 65.
 */
const RUBRIC: ScoringCriterion[] = [
  { id: "solution", weight: 3, max: 5 },
  { id: "pitch", weight: 1, max: 5 },
];

/** A complete sheet: one leader's scores for one team on both criteria. */
function sheet(judge: string, team: string, solution: number, pitch: number): CriterionScore[] {
  return [
    { judge, team, criterion: "solution", score: solution },
    { judge, team, criterion: "pitch", score: pitch },
  ];
}

function byTeam(result: ReturnType<typeof scorePitches>) {
  return Object.fromEntries(result.results.map((r) => [r.team, r]));
}

describe("a leader's total", () => {
  it("is 100 × Σ w·(score/max) / Σ w", () => {
    expect(weightedTotal(RUBRIC, (id) => ({ solution: 4, pitch: 4 })[id]!)).toBe(80);
    expect(weightedTotal(RUBRIC, (id) => ({ solution: 5, pitch: 3 })[id]!)).toBe(90);
    // Default rubric (weights 20, 25, 25, 15, 15 out of 100), scores 4, 5, 3, 4, 4:
    // 100 × (20·4/5 + 25·5/5 + 25·3/5 + 15·4/5 + 15·4/5) / 100 = 16 + 25 + 15 + 12 + 12 = 80.
    const scores: Record<string, number> = {
      problem: 4,
      solution: 5,
      feasibility: 3,
      collaboration: 4,
      pitch: 4,
    };
    expect(weightedTotal(DEFAULT_RUBRIC, (id) => scores[id]!)).toBeCloseTo(80, 12);
  });
});

describe("the hand-worked examples", () => {
  it("complete panel: every leader scored every team, so adjusted = raw", () => {
    /*
     *          A         B         C       leader mean
     *   L1   (4,4) 80  (3,3) 60  (2,4) 50    63.33
     *   L2   (5,3) 90  (4,2) 70  (3,5) 70    76.67
     *   raw     85        65        60      grand mean 70
     * With a full panel the least-squares offsets are leader mean − grand mean: b1 = −6.67, b2 = +6.67.
     * Adjusted A = ((80 + 6.67) + (90 − 6.67)) / 2 = 85 = raw; likewise B = 65, C = 60.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 4),
        ...sheet("L1", "B", 3, 3),
        ...sheet("L1", "C", 2, 4),
        ...sheet("L2", "A", 5, 3),
        ...sheet("L2", "B", 4, 2),
        ...sheet("L2", "C", 3, 5),
      ],
    });
    expect(scoringReport(result)).toEqual({
      results: [
        { team: "A", rank: 1, adjusted: 85, raw: 85, judges: 2, flags: [] },
        { team: "B", rank: 2, adjusted: 65, raw: 65, judges: 2, flags: [] },
        { team: "C", rank: 3, adjusted: 60, raw: 60, judges: 2, flags: [] },
      ],
      judgeOffsets: { L1: -6.67, L2: 6.67 },
      incompleteSheets: [],
      groups: 1,
    });
    for (const team of result.results) expect(team.adjusted).toBeCloseTo(team.raw!, 12);
    expect(result.judgeOffsets.L1).toBeCloseTo(-20 / 3, 12);
  });

  it("one recusal: L3 is in conflict with B, and the score they gave B anyway is ignored", () => {
    /*
     *          A         B
     *   L1   (4,4) 80  (3,1) 50
     *   L2   (4,2) 70  (3,3) 60
     *   L3   (5,3) 90   conflict (their (5,5) = 100 is ignored)
     *
     * L3 scored only A, so their own offset b3 fits their one total exactly: θA + b3 = 90.
     * The rest is a complete 2 × 2 panel: leader means L1 65, L2 65; team means A 75, B 55; grand 65.
     * So, before centring, b1 = b2 = 0, θA = 75, θB = 55 and b3 = 90 − 75 = 15 (residuals ±5 on the 2 × 2).
     * Σ b = 15, so move 5 from every leader to every team: b = (−5, −5, +10), θA = 80, θB = 60.
     * Adjusted A = mean(80 + 5, 70 + 5, 90 − 10) = 80;  adjusted B = mean(50 + 5, 60 + 5) = 60.
     * Raw A = mean(80, 70, 90) = 80;  raw B = mean(50, 60) = 55.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 4),
        ...sheet("L1", "B", 3, 1),
        ...sheet("L2", "A", 4, 2),
        ...sheet("L2", "B", 3, 3),
        ...sheet("L3", "A", 5, 3),
        ...sheet("L3", "B", 5, 5),
      ],
      conflicts: [{ judge: "L3", team: "B" }],
    });
    expect(scoringReport(result)).toEqual({
      results: [
        { team: "A", rank: 1, adjusted: 80, raw: 80, judges: 3, flags: [] },
        { team: "B", rank: 2, adjusted: 60, raw: 55, judges: 2, flags: ["conflict-ignored"] },
      ],
      judgeOffsets: { L1: -5, L2: -5, L3: 10 },
      incompleteSheets: [],
      groups: 1,
    });
    expect(result.ignoredConflicts).toEqual([{ judge: "L3", team: "B" }]);
  });

  it("a harsh and a lenient leader with missing sheets: the adjusted score undoes who scored whom", () => {
    /*
     * H marks 10 below the neutral N and G 10 above. H missed B's pitch; G left A's sheet incomplete
     * (solution only), so it does not count and is reported.
     *          A         B         C         D        raw
     *   H    (3,3) 60     —      (3,1) 50  (2,2) 40
     *   N    (4,2) 70  (4,1) 65  (3,3) 60  (3,1) 50
     *   G   (4,–) ✗   (4,3) 75  (4,2) 70  (3,3) 60
     *   raw     65        70        60        50
     * These totals are exactly θ + b with θ = (A 70, B 65, C 60, D 50) and b = (H −10, N 0, G +10), Σ b = 0:
     * every residual is 0, so this is the least-squares fit. Adjusted A = mean(60 + 10, 70 − 0) = 70,
     * B = mean(65, 75 − 10) = 65: the raw means put B above A only because A drew the harsh leader.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("H", "A", 3, 3),
        ...sheet("H", "C", 3, 1),
        ...sheet("H", "D", 2, 2),
        ...sheet("N", "A", 4, 2),
        ...sheet("N", "B", 4, 1),
        ...sheet("N", "C", 3, 3),
        ...sheet("N", "D", 3, 1),
        { judge: "G", team: "A", criterion: "solution", score: 4 },
        ...sheet("G", "B", 4, 3),
        ...sheet("G", "C", 4, 2),
        ...sheet("G", "D", 3, 3),
      ],
    });
    expect(scoringReport(result)).toEqual({
      results: [
        { team: "A", rank: 1, adjusted: 70, raw: 65, judges: 2, flags: ["incomplete-sheets"] },
        { team: "B", rank: 2, adjusted: 65, raw: 70, judges: 2, flags: [] },
        { team: "C", rank: 3, adjusted: 60, raw: 60, judges: 3, flags: [] },
        { team: "D", rank: 4, adjusted: 50, raw: 50, judges: 3, flags: [] },
      ],
      judgeOffsets: { G: 10, H: -10, N: 0 },
      incompleteSheets: [{ judge: "G", team: "A" }],
      groups: 1,
    });
  });

  it("disconnected groups: two panels that share no leader are fitted separately and reported", () => {
    /*
     * L1 and L2 scored only A and B; L3 and L4 only C and D. Nothing links the two panels, so each
     * group gets its own Σ b = 0, and scores compare only within a group.
     *   group 1   A         B           group 2   C         D
     *   L1      (4,4) 80  (3,3) 60     L3      (5,3) 90  (4,2) 70
     *   L2      (4,2) 70  (3,1) 50     L4      (4,2) 70  (3,1) 50
     * Group 1: leader means 70, 60, grand 65 → b1 = +5, b2 = −5; A = 75, B = 55.
     * Group 2: leader means 80, 60, grand 70 → b3 = +10, b4 = −10; C = 80, D = 60.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 4),
        ...sheet("L1", "B", 3, 3),
        ...sheet("L2", "A", 4, 2),
        ...sheet("L2", "B", 3, 1),
        ...sheet("L3", "C", 5, 3),
        ...sheet("L3", "D", 4, 2),
        ...sheet("L4", "C", 4, 2),
        ...sheet("L4", "D", 3, 1),
      ],
    });
    expect(scoringReport(result)).toEqual({
      results: [
        { team: "C", rank: 1, adjusted: 80, raw: 80, judges: 2, flags: ["group-2"] },
        { team: "A", rank: 2, adjusted: 75, raw: 75, judges: 2, flags: ["group-1"] },
        { team: "D", rank: 3, adjusted: 60, raw: 60, judges: 2, flags: ["group-2"] },
        { team: "B", rank: 4, adjusted: 55, raw: 55, judges: 2, flags: ["group-1"] },
      ],
      judgeOffsets: { L1: 5, L2: -5, L3: 10, L4: -10 },
      incompleteSheets: [],
      groups: 2,
    });
  });

  it("a tie on the adjusted score is broken by the raw mean on the highest-weighted criterion", () => {
    /*
     *          A         B
     *   L1   (4,2) 70  (3,5) 70
     *   L2   (4,2) 70  (3,5) 70
     * Both 70.00. On "solution" (weight 3, the top weight) A's raw mean is 4/5 = 80 % and B's 3/5 = 60 %: A first.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 2),
        ...sheet("L1", "B", 3, 5),
        ...sheet("L2", "A", 4, 2),
        ...sheet("L2", "B", 3, 5),
      ],
    });
    expect(result.results.map((r) => [r.team, r.rank, r.adjusted, r.topCriterionMean])).toEqual([
      ["A", 1, 70, 80],
      ["B", 2, 70, 60],
    ]);
  });

  it("criteria sharing the top weight are combined by weight to break a tie", () => {
    /*
     * x and y both weigh 2, z weighs 1, all 1–5: total = 100 × (2x/5 + 2y/5 + z/5) / 5 = 8x + 8y + 4z,
     * and the top-criteria mean is 100 × (2x/5 + 2y/5) / 4 = 10(x + y).
     *   A: (5,1,3) → 40 + 8 + 12 = 60, top 60;   B: (2,3,5) → 16 + 24 + 20 = 60, top 50.  A first.
     */
    const criteria = [
      { id: "x", weight: 2, max: 5 },
      { id: "y", weight: 2, max: 5 },
      { id: "z", weight: 1, max: 5 },
    ];
    const three = (judge: string, team: string, x: number, y: number, z: number) => [
      { judge, team, criterion: "x", score: x },
      { judge, team, criterion: "y", score: y },
      { judge, team, criterion: "z", score: z },
    ];
    const result = scorePitches({
      criteria,
      scores: [...three("L1", "B", 2, 3, 5), ...three("L1", "A", 5, 1, 3)],
    });
    expect(
      result.results.map((r) => [r.team, r.rank, round2(r.adjusted!), round2(r.topCriterionMean!)]),
    ).toEqual([
      ["A", 1, 60, 60],
      ["B", 2, 60, 50],
    ]);
  });

  it("a tie that remains is a joint rank (1, 2, 2, 4)", () => {
    /*
     *          A         B         C         D
     *   L1   (4,2) 70  (3,5) 70  (4,4) 80  (3,1) 50
     *   L2   (3,5) 70  (4,2) 70  (4,4) 80  (3,1) 50
     * A complete panel, so adjusted = raw: C 80, A 70, B 70, D 50. A and B also tie on "solution":
     * mean (4 + 3) / 2 = 3.5 → 70 % each. So C 1, A 2, B 2, D 4.
     */
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 2),
        ...sheet("L1", "B", 3, 5),
        ...sheet("L1", "C", 4, 4),
        ...sheet("L1", "D", 3, 1),
        ...sheet("L2", "A", 3, 5),
        ...sheet("L2", "B", 4, 2),
        ...sheet("L2", "C", 4, 4),
        ...sheet("L2", "D", 3, 1),
      ],
    });
    expect(scoringReport(result).results.map((r) => [r.team, r.rank, r.adjusted])).toEqual([
      ["C", 1, 80],
      ["A", 2, 70],
      ["B", 2, 70],
      ["D", 4, 50],
    ]);
  });
});

describe("flags and edge cases", () => {
  it("flags a team with fewer than two counted sheets, and leaves a team with none unranked", () => {
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [
        ...sheet("L1", "A", 4, 4),
        ...sheet("L2", "A", 3, 3),
        ...sheet("L1", "B", 3, 3),
        { judge: "L2", team: "C", criterion: "pitch", score: 2 },
      ],
      teams: ["D"],
    });
    const teams = byTeam(result);
    expect(teams.A!.flags).toEqual([]);
    expect(teams.B!.flags).toEqual(["fewer-than-two-sheets"]);
    expect(teams.C).toMatchObject({
      rank: null,
      adjusted: null,
      raw: null,
      judges: 0,
      flags: ["fewer-than-two-sheets", "incomplete-sheets"],
    });
    expect(teams.D).toMatchObject({ rank: null, judges: 0, flags: ["fewer-than-two-sheets"] });
    expect(result.results.map((r) => r.team)).toEqual(["A", "B", "C", "D"]);
    expect(result.incompleteSheets).toEqual([{ judge: "L2", team: "C" }]);
  });

  it("reports per-criterion raw means over the counted sheets", () => {
    const result = scorePitches({
      criteria: RUBRIC,
      scores: [...sheet("L1", "A", 4, 4), ...sheet("L2", "A", 3, 1)],
    });
    expect(result.results[0]!.criterionMeans).toEqual({ solution: 3.5, pitch: 2.5 });
  });

  it("gives the same results whatever order the scores come in", () => {
    const scores = [...sheet("L1", "A", 4, 4), ...sheet("L1", "B", 3, 1), ...sheet("L2", "A", 4, 2)];
    const forward = scorePitches({ criteria: RUBRIC, scores });
    const backward = scorePitches({ criteria: RUBRIC, scores: [...scores].reverse() });
    expect(backward).toEqual(forward);
  });

  it("refuses to score input with a problem", () => {
    expect(() =>
      scorePitches({ criteria: RUBRIC, scores: [{ judge: "L1", team: "A", criterion: "pitch", score: 6 }] }),
    ).toThrow("Score must be a whole number from 1 to 5");
  });
});

describe("validation", () => {
  it("refuses weights of zero or below, a scale topping out under 2, and repeated ids", () => {
    expect(criteriaProblems(RUBRIC)).toEqual([]);
    expect(criteriaProblems(DEFAULT_RUBRIC)).toEqual([]);
    expect(
      criteriaProblems([
        { id: "a", weight: 0, max: 5 },
        { id: "b", weight: -1, max: 1 },
        { id: "a", weight: 1, max: 2.5 },
        { id: " ", weight: Number.NaN, max: 5 },
      ]),
    ).toEqual([
      { path: [0, "weight"], message: "Weight must be a number greater than 0" },
      { path: [1, "weight"], message: "Weight must be a number greater than 0" },
      { path: [1, "max"], message: "The top of the scale must be a whole number, 2 or more" },
      { path: [2, "id"], message: 'There is already a criterion "a"' },
      { path: [2, "max"], message: "The top of the scale must be a whole number, 2 or more" },
      { path: [3, "id"], message: "A criterion needs an id" },
      { path: [3, "weight"], message: "Weight must be a number greater than 0" },
    ]);
    expect(criteriaProblems([])).toEqual([{ path: [], message: "Add at least one criterion" }]);
  });

  it("refuses scores off the scale, for criteria that do not exist, or given twice", () => {
    expect(
      scoresProblems(RUBRIC, [
        { judge: "L1", team: "A", criterion: "pitch", score: 5 },
        { judge: "L1", team: "A", criterion: "solution", score: 0 },
        { judge: "L1", team: "B", criterion: "pitch", score: 2.5 },
        { judge: "L1", team: "A", criterion: "charisma", score: 3 },
        { judge: "L1", team: "A", criterion: "pitch", score: 4 },
      ]),
    ).toEqual([
      { path: [1, "score"], message: "Score must be a whole number from 1 to 5" },
      { path: [2, "score"], message: "Score must be a whole number from 1 to 5" },
      { path: [3, "criterion"], message: 'There is no criterion "charisma"' },
      { path: [4], message: 'L1 already scored A on "pitch"' },
    ]);
  });

  it("gives the command line's input schema the path of the first problem", () => {
    const firstPath = (input: unknown) => {
      const parsed = ScoringInputSchema.safeParse(input);
      return parsed.success ? null : parsed.error.issues[0]!.path.join(".");
    };
    const valid = { criteria: RUBRIC, scores: sheet("L1", "A", 4, 4), conflicts: [] };
    expect(firstPath(valid)).toBeNull();
    expect(firstPath({ criteria: RUBRIC, scores: [] })).toBeNull();
    expect(
      firstPath({ ...valid, scores: [{ judge: "L1", team: "A", criterion: "pitch", score: "4" }] }),
    ).toBe("scores.0.score");
    expect(firstPath({ ...valid, criteria: [{ id: "pitch", weight: 0, max: 5 }] })).toBe("criteria.0.weight");
    expect(firstPath({ ...valid, scores: [{ judge: "L1", team: "A", criterion: "pitch", score: 9 }] })).toBe(
      "scores.0.score",
    );
    expect(firstPath({ ...valid, conflicts: [{ judge: "L1" }] })).toBe("conflicts.0.team");
  });
});

describe("the linear algebra", () => {
  it("solves a system that needs a row swap", () => {
    const x = solveLinearSystem(
      [
        [0, 2, 1],
        [1, 1, 1],
        [2, 1, 0],
      ],
      [7, 6, 4],
    );
    // The first pivot is 0, so row 3 (the largest in column 1) must come up. x = (1, 2, 3):
    // 0·1 + 2·2 + 1·3 = 7, 1 + 2 + 3 = 6, 2·1 + 1·2 + 0 = 4.
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
    expect(x[2]).toBeCloseTo(3, 12);
  });

  it("refuses a singular system", () => {
    expect(() =>
      solveLinearSystem(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow("singular");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const criteriaArb = fc.array(
  fc.record({ weight: fc.integer({ min: 1, max: 5 }), max: fc.integer({ min: 2, max: 7 }) }),
  { minLength: 1, maxLength: 4 },
);

/** Leaders × teams with a score per criterion, and which pairs have a sheet. */
const designArb = (complete: boolean) =>
  fc
    .record({
      leaders: fc.integer({ min: 2, max: 5 }),
      extraTeams: fc.integer({ min: 0, max: 4 }),
      criteria: criteriaArb,
      seed: fc.integer(),
    })
    .chain(({ leaders, extraTeams, criteria, seed }) => {
      const teams = leaders + extraTeams;
      return fc.record({
        leaders: fc.constant(leaders),
        teams: fc.constant(teams),
        seed: fc.constant(seed),
        criteria: fc.constant(criteria.map((c, i) => ({ id: `c${i}`, ...c }))),
        present: complete
          ? fc.constant(Array.from({ length: leaders * teams }, () => true))
          : fc.array(fc.boolean(), { minLength: leaders * teams, maxLength: leaders * teams }),
        levels: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: leaders * teams * criteria.length,
          maxLength: leaders * teams * criteria.length,
        }),
      });
    });

type Design = {
  leaders: number;
  teams: number;
  criteria: ScoringCriterion[];
  present: boolean[];
  levels: number[];
};

/**
 * The design's scores. Sheets that keep the panel connected are always there: leader t mod L scores team t,
 * and team t < L − 1 is also scored by leader t + 1, chaining every leader together. `top` caps the scale
 * (max − 1 leaves room to add 1 to every score).
 */
function designScores(design: Design, { connected, headroom }: { connected: boolean; headroom: number }) {
  const scores: CriterionScore[] = [];
  for (let l = 0; l < design.leaders; l++)
    for (let t = 0; t < design.teams; t++) {
      const forced = connected && (t % design.leaders === l || (t < design.leaders - 1 && l === t + 1));
      if (!forced && !design.present[l * design.teams + t]) continue;
      design.criteria.forEach((c, ci) => {
        const u = design.levels[(l * design.teams + t) * design.criteria.length + ci]!;
        scores.push({
          judge: `L${l}`,
          team: `T${t}`,
          criterion: c.id,
          score: 1 + Math.floor(u * (c.max - headroom)),
        });
      });
    }
  return scores;
}

describe("properties of the method", () => {
  it("gives adjusted = raw when every leader scores every team", () => {
    fc.assert(
      fc.property(designArb(true), (design) => {
        const result = scorePitches({
          criteria: design.criteria,
          scores: designScores(design, { connected: false, headroom: 0 }),
        });
        expect(result.groups).toBe(1);
        for (const team of result.results) expect(Math.abs(team.adjusted! - team.raw!)).toBeLessThan(1e-9);
        const offsets = Object.values(result.judgeOffsets);
        expect(Math.abs(offsets.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("moves every adjusted score by the same amount when one leader's every score goes up by one level", () => {
    /*
     * One level more on every criterion adds the same c = 100 × Σ (w/max) / Σ w to each of that leader's
     * totals. The fit absorbs it in their offset, but Σ b = 0 spreads c/L over the L leaders: their b rises
     * by c − c/L, everyone else's falls by c/L, and every team's adjusted score rises by exactly c/L. So the
     * differences between teams, and the ranking, do not change: only the panel's overall level does (as
     * it would with raw means on a full panel).
     */
    fc.assert(
      fc.property(designArb(false), fc.nat(), (design, pick) => {
        const scores = designScores(design, { connected: true, headroom: 1 });
        const before = scorePitches({ criteria: design.criteria, scores });
        expect(before.groups).toBe(1);
        const generous = `L${pick % design.leaders}`;
        const after = scorePitches({
          criteria: design.criteria,
          scores: scores.map((s) => (s.judge === generous ? { ...s, score: s.score + 1 } : s)),
        });
        const c = weightedTotal(design.criteria, () => 1);
        const shift = c / design.leaders;
        const adjustedAfter = new Map(after.results.map((r) => [r.team, r.adjusted!]));
        for (const team of before.results)
          expect(Math.abs(adjustedAfter.get(team.team)! - team.adjusted! - shift)).toBeLessThan(1e-9);
        for (const [judge, b] of Object.entries(before.judgeOffsets)) {
          const expected = judge === generous ? b + c - shift : b - shift;
          expect(Math.abs(after.judgeOffsets[judge]! - expected)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with the fit's team effects: a team's adjusted score is μ + a[team]", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            judge: fc.constantFrom("L1", "L2", "L3", "L4"),
            team: fc.constantFrom("A", "B", "C", "D", "E"),
            total: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (raw) => {
          const unique = new Map(raw.map((s) => [`${s.judge}/${s.team}`, s]));
          const sheets: CountedSheet[] = [...unique.values()];
          const fit = fitAdditiveModel(sheets);
          for (const [team, effect] of fit.teamEffects) {
            const own = sheets.filter((s) => s.team === team);
            const adjusted =
              own.reduce((sum, s) => sum + s.total - fit.judgeOffsets.get(s.judge)!, 0) / own.length;
            expect(Math.abs(adjusted - effect)).toBeLessThan(1e-9);
          }
          // Σ b = 0 within each group.
          for (let group = 1; group <= fit.groups; group++) {
            const sum = [...fit.judgeOffsets].filter(([j]) => fit.judgeGroups.get(j) === group);
            expect(Math.abs(sum.reduce((a, [, b]) => a + b, 0))).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ranks as a competition ranking: 1 + the number of teams strictly ahead, ties sharing a rank", () => {
    fc.assert(
      fc.property(designArb(false), (design) => {
        const result = scorePitches({
          criteria: design.criteria,
          scores: designScores(design, { connected: false, headroom: 0 }),
        });
        const ranked = result.results.filter((r) => r.rank !== null);
        const key = (r: (typeof ranked)[number]) => [round2(r.adjusted!), round2(r.topCriterionMean!)];
        const ahead = (x: (typeof ranked)[number], y: (typeof ranked)[number]) => {
          const [kx, ky] = [key(x), key(y)];
          return kx[0]! > ky[0]! || (kx[0] === ky[0] && kx[1]! > ky[1]!);
        };
        ranked.forEach((team, index) => {
          expect(team.rank).toBe(1 + ranked.filter((other) => ahead(other, team)).length);
          if (index > 0) expect(team.rank!).toBeGreaterThanOrEqual(ranked[index - 1]!.rank!);
        });
        expect(ranked[0]?.rank ?? 1).toBe(1);
        // Unranked teams (no counted sheet) come last.
        expect(result.results.slice(ranked.length).every((r) => r.rank === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("ranks adjusted scores equal to 2 decimals as a tie", () => {
    const ranked = rankTeams([
      { team: "A", adjusted: 70.004, topCriterionMean: 60 },
      { team: "B", adjusted: 69.996, topCriterionMean: 60 },
      { team: "C", adjusted: 70.006, topCriterionMean: 10 },
    ]);
    expect(ranked.map((r) => [r.team, r.rank])).toEqual([
      ["C", 1],
      ["A", 2],
      ["B", 2],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Simulation

/** Ranks 1..n with ties averaged, for Spearman's correlation. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function spearman(xs: readonly number[], ys: readonly number[]): number {
  const [rx, ry] = [averageRanks(xs), averageRanks(ys)];
  const mx = rx.reduce((a, b) => a + b, 0) / rx.length;
  const my = ry.reduce((a, b) => a + b, 0) / ry.length;
  let [sxy, sxx, syy] = [0, 0, 0];
  rx.forEach((x, i) => {
    const y = ry[i]!;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/**
 * One simulated pitch day on the default rubric: 8 teams of known quality (on the 1–5 scale), 6 leaders
 * each marking consistently up or down by up to a level, some noise per score; each team misses 2 of the
 * 6 leaders (a third of the sheets). Returns how well raw and adjusted scores order the teams by quality.
 */
function simulatePitchDay(random: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const teams = Array.from({ length: 8 }, (_, t) => ({ id: `T${t + 1}`, quality: 1.5 + 3 * random() }));
  const leaders = Array.from({ length: 6 }, (_, l) => ({ id: `L${l + 1}`, offset: 2 * random() - 1 }));
  const scores: CriterionScore[] = [];
  for (const team of teams) {
    const absent = new Set<number>();
    while (absent.size < 2) absent.add(Math.floor(random() * leaders.length));
    leaders.forEach((leader, l) => {
      if (absent.has(l)) return;
      for (const criterion of DEFAULT_RUBRIC) {
        const level = Math.round(team.quality + leader.offset + 0.5 * normal());
        scores.push({
          judge: leader.id,
          team: team.id,
          criterion: criterion.id,
          score: Math.min(criterion.max, Math.max(1, level)),
        });
      }
    });
  }
  const result = byTeam(scorePitches({ criteria: DEFAULT_RUBRIC, scores }));
  const quality = teams.map((t) => t.quality);
  return {
    raw: spearman(
      quality,
      teams.map((t) => result[t.id]!.raw!),
    ),
    adjusted: spearman(
      quality,
      teams.map((t) => result[t.id]!.adjusted!),
    ),
  };
}

describe("simulation", () => {
  it("spearman's correlation is 1 for the same order and −1 for the reverse", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("recovers the true order better with the adjusted score than the raw mean when leaders differ and a third of sheets are missing", () => {
    // Seeded, so the simulation is the same on every run.
    const random = seededRandom(20270601);
    const trials = Array.from({ length: 300 }, () => simulatePitchDay(random));
    const meanOf = (pick: (t: (typeof trials)[number]) => number) =>
      trials.reduce((sum, t) => sum + pick(t), 0) / trials.length;
    const raw = meanOf((t) => t.raw);
    const adjusted = meanOf((t) => t.adjusted);
    expect(adjusted).toBeGreaterThan(raw);
    // The gain is not a rounding accident: adjusted is closer in most trials where the two differ.
    const better = trials.filter((t) => t.adjusted > t.raw).length;
    const worse = trials.filter((t) => t.adjusted < t.raw).length;
    expect(better).toBeGreaterThan(worse);
  });
});
