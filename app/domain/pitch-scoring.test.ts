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
  ScoringInputSchema,
  scorePitches,
  scoresProblems,
  scoringReport,
  solveLinearSystem,
  weightedTotal,
} from "./pitch-scoring";
import { DEFAULT_RUBRIC } from "./rubric";

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
