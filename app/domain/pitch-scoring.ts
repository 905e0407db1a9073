// Pitch-day results: leaders' totals, raw and adjusted scores, ranking and flags. The method is published on the
// "How scores are calculated" page (routes/pitch-scoring/route.tsx), which runs this code on its worked example.

/** A criterion as far as scoring is concerned: scores run from 1 to `max`, weighted by `weight`. */
export type ScoringCriterion = { id: string; weight: number; max: number };
/** One leader's score for one team on one criterion. "Judge" is a senior leader on the panel. */
export type CriterionScore = { judge: string; team: string; criterion: string; score: number };
export type JudgeTeam = { judge: string; team: string };

export type ScoringInput = {
  criteria: readonly ScoringCriterion[];
  scores: readonly CriterionScore[];
  /** Pairs that may not score each other: their scores are ignored and reported. */
  conflicts?: readonly JudgeTeam[];
  /** Teams to report even if nobody scored them (otherwise the teams are those that appear in `scores`). */
  teams?: readonly string[];
};

export type TeamFlag =
  | "fewer-than-two-sheets"
  | "incomplete-sheets"
  | "conflict-ignored"
  /** The panel fell into separate groups: this team's scores compare only with its own group's. */
  | `group-${number}`;

export type TeamResult = {
  team: string;
  /** Competition ranking (1, 2, 2, 4); null when no sheet of the team counted. */
  rank: number | null;
  /** Mean over the team's leaders of total − leader's offset. Null without a counted sheet. */
  adjusted: number | null;
  /** Mean of the totals of the leaders who scored the team. */
  raw: number | null;
  /** Counted sheets. */
  judges: number;
  /** Which group of the leader–team graph the team is in (1-based); null without a counted sheet. */
  group: number | null;
  /** Raw mean, as a percentage, on the highest-weighted criterion (or criteria): the tie-break. */
  topCriterionMean: number | null;
  /** Raw mean score on each criterion over the counted sheets (in the criterion's own units, 1 to max). */
  criterionMeans: Record<string, number>;
  flags: TeamFlag[];
};

export type CountedSheet = JudgeTeam & { total: number };

export type ScoringResult = {
  /** Best first; teams without a counted sheet last. */
  results: TeamResult[];
  /** Each leader's offset b (positive: generous); Σ b = 0 within each group. Leaders with a counted sheet only. */
  judgeOffsets: Record<string, number>;
  /** Sheets with some but not all criteria scored: not counted. */
  incompleteSheets: JudgeTeam[];
  /** Pairs in conflict whose scores were given and ignored. */
  ignoredConflicts: JudgeTeam[];
  /** Connected groups of the leader–team graph (over counted sheets). */
  groups: number;
  sheets: CountedSheet[];
};

export type InputProblem = { path: Array<string | number>; message: string };

const naturalOrder = new Intl.Collator("en", { numeric: true }).compare;

// ---------------------------------------------------------------------------------------------------------
// Validation

/** What is wrong with a rubric's criteria as far as scoring goes: paths are relative to the criteria list. */
export function criteriaProblems(criteria: readonly ScoringCriterion[]): InputProblem[] {
  const problems: InputProblem[] = [];
  if (criteria.length === 0) problems.push({ path: [], message: "Add at least one criterion" });
  const seen = new Set<string>();
  criteria.forEach((criterion, index) => {
    if (criterion.id.trim() === "")
      problems.push({ path: [index, "id"], message: "A criterion needs an id" });
    else if (seen.has(criterion.id))
      problems.push({ path: [index, "id"], message: `There is already a criterion "${criterion.id}"` });
    seen.add(criterion.id);
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0))
      problems.push({ path: [index, "weight"], message: "Weight must be a number greater than 0" });
    if (!(Number.isInteger(criterion.max) && criterion.max >= 2))
      problems.push({
        path: [index, "max"],
        message: "The top of the scale must be a whole number, 2 or more",
      });
  });
  return problems;
}

/** Why a score is not acceptable on a criterion, or null. */
export function scoreProblem(criterion: ScoringCriterion, score: number): string | null {
  return Number.isInteger(score) && score >= 1 && score <= criterion.max
    ? null
    : `Score must be a whole number from 1 to ${criterion.max}`;
}

/** What is wrong with the scores given these (valid) criteria: paths are relative to the scores list. */
export function scoresProblems(
  criteria: readonly ScoringCriterion[],
  scores: readonly CriterionScore[],
): InputProblem[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  scores.forEach((entry, index) => {
    const criterion = byId.get(entry.criterion);
    if (!criterion) {
      problems.push({ path: [index, "criterion"], message: `There is no criterion "${entry.criterion}"` });
      return;
    }
    const problem = scoreProblem(criterion, entry.score);
    if (problem) problems.push({ path: [index, "score"], message: problem });
    const key = JSON.stringify([entry.judge, entry.team, entry.criterion]);
    if (seen.has(key))
      problems.push({
        path: [index],
        message: `${entry.judge} already scored ${entry.team} on "${entry.criterion}"`,
      });
    seen.add(key);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Arithmetic

/** Rounds to 2 decimals, half away from zero, without float noise (62.345 stored as 62.34499… still gives 62.35). */
export function round2(value: number): number {
  const hundredths = Number((Math.abs(value) * 100).toPrecision(12));
  return (Math.sign(value) * Math.round(hundredths)) / 100 + 0;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** A leader's total for a team: 100 × Σ w·(score/max) / Σ w over the given criteria. */
export function weightedTotal(
  criteria: readonly ScoringCriterion[],
  scoreOf: (criterionId: string) => number,
): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (100 * criteria.reduce((sum, c) => sum + (c.weight * scoreOf(c.id)) / c.max, 0)) / weights;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. A must be square and non-singular. */
export function solveLinearSystem(matrix: readonly number[][], rhs: readonly number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new Error("The linear system is singular");
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pivotRow = a[col]!;
    for (let row = col + 1; row < n; row++) {
      const r = a[row]!;
      const factor = r[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) r[k] = r[k]! - factor * pivotRow[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const r = a[row]!;
    let sum = r[n]!;
    for (let k = row + 1; k < n; k++) sum -= r[k]! * x[k]!;
    x[row] = sum / r[row]!;
  }
  return x;
}

export type AdditiveFit = {
  /** μ + a[team] for each team: equal to the team's adjusted score. */
  teamEffects: Map<string, number>;
  /** b[judge]; Σ b = 0 within each group. */
  judgeOffsets: Map<string, number>;
  /** Group number (1-based) of each team and each judge. */
  teamGroups: Map<string, number>;
  judgeGroups: Map<string, number>;
  groups: number;
};

/**
 * Least-squares fit of total[judge, team] = μ + a[team] + b[judge] with Σ b = 0, one connected group of the
 * judge–team graph at a time (each with its own Σ b = 0): between groups nothing ties the offsets together.
 * Within a group the normal equations have exactly one degree of freedom too many (adding c to every team
 * and taking it from every judge changes nothing), which the constraint removes; so the bordered system
 * [N cᵀ; c 0] is non-singular and Gaussian elimination solves it exactly.
 */
export function fitAdditiveModel(sheets: readonly CountedSheet[]): AdditiveFit {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  for (const { judge, team } of sheets) {
    for (const node of [`j:${judge}`, `t:${team}`]) if (!parent.has(node)) parent.set(node, node);
    const [a, b] = [find(`j:${judge}`), find(`t:${team}`)];
    if (a !== b) parent.set(a, b);
  }
  // Groups are numbered in the natural order of their first team, so the numbering does not depend on input order.
  const teams = [...new Set(sheets.map((s) => s.team))].sort(naturalOrder);
  const groupOfRoot = new Map<string, number>();
  for (const team of teams) {
    const root = find(`t:${team}`);
    if (!groupOfRoot.has(root)) groupOfRoot.set(root, groupOfRoot.size + 1);
  }
  const fit: AdditiveFit = {
    teamEffects: new Map(),
    judgeOffsets: new Map(),
    teamGroups: new Map(),
    judgeGroups: new Map(),
    groups: groupOfRoot.size,
  };
  for (const [root, group] of groupOfRoot) {
    const groupSheets = sheets.filter((s) => find(`t:${s.team}`) === root);
    const groupTeams = [...new Set(groupSheets.map((s) => s.team))].sort(naturalOrder);
    const groupJudges = [...new Set(groupSheets.map((s) => s.judge))].sort(naturalOrder);
    // Unknowns: θ[team] = μ + a[team], then b[judge], then the Lagrange multiplier of Σ b = 0.
    const nT = groupTeams.length;
    const n = nT + groupJudges.length;
    const teamIndex = new Map(groupTeams.map((t, i) => [t, i]));
    const judgeIndex = new Map(groupJudges.map((j, i) => [j, nT + i]));
    const matrix = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
    const rhs = new Array<number>(n + 1).fill(0);
    for (const { judge, team, total } of groupSheets) {
      const t = teamIndex.get(team)!;
      const j = judgeIndex.get(judge)!;
      matrix[t]![t]! += 1;
      matrix[t]![j]! += 1;
      matrix[j]![t]! += 1;
      matrix[j]![j]! += 1;
      rhs[t]! += total;
      rhs[j]! += total;
    }
    for (let j = nT; j < n; j++) {
      matrix[j]![n] = 1;
      matrix[n]![j] = 1;
    }
    const solution = solveLinearSystem(matrix, rhs);
    for (const team of groupTeams) {
      fit.teamEffects.set(team, solution[teamIndex.get(team)!]!);
      fit.teamGroups.set(team, group);
    }
    for (const judge of groupJudges) {
      fit.judgeOffsets.set(judge, solution[judgeIndex.get(judge)!]!);
      fit.judgeGroups.set(judge, group);
    }
  }
  return fit;
}

// ---------------------------------------------------------------------------------------------------------
// Ranking

export type RankEntry = { team: string; adjusted: number; topCriterionMean: number };

/**
 * Competition ranking (1, 2, 2, 4) by adjusted score rounded to 2 decimals, then by the top-criterion mean
 * rounded to 2 decimals; what still ties shares a rank. Returns the entries best first, with their rank.
 */
export function rankTeams<T extends RankEntry>(entries: readonly T[]): Array<T & { rank: number }> {
  const key = (e: RankEntry) => [round2(e.adjusted), round2(e.topCriterionMean)] as const;
  const compare = (x: RankEntry, y: RankEntry) => {
    const [kx, ky] = [key(x), key(y)];
    return ky[0] - kx[0] || ky[1] - kx[1];
  };
  const sorted = [...entries].sort((x, y) => compare(x, y) || naturalOrder(x.team, y.team));
  const ranked: Array<T & { rank: number }> = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compare(previous, entry) === 0 ? previous.rank : index + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}

// ---------------------------------------------------------------------------------------------------------
// The whole method

/** Results of a pitch day. Throws if the input has a problem: check it with criteriaProblems/scoresProblems. */
export function scorePitches(input: ScoringInput): ScoringResult {
  const { criteria, scores } = input;
  const problems = [
    ...criteriaProblems(criteria).map((p) => ({ ...p, path: ["criteria", ...p.path] })),
    ...scoresProblems(criteria, scores).map((p) => ({ ...p, path: ["scores", ...p.path] })),
  ];
  if (problems.length > 0) throw new Error(`Cannot score: ${problems[0]!.message}`);

  const pairKey = (judge: string, team: string) => JSON.stringify([judge, team]);
  const conflicted = new Set((input.conflicts ?? []).map((c) => pairKey(c.judge, c.team)));
  const sheetScores = new Map<string, JudgeTeam & { byCriterion: Map<string, number> }>();
  const ignored = new Map<string, JudgeTeam>();
  for (const entry of scores) {
    const key = pairKey(entry.judge, entry.team);
    if (conflicted.has(key)) {
      ignored.set(key, { judge: entry.judge, team: entry.team });
      continue;
    }
    let sheet = sheetScores.get(key);
    if (!sheet) {
      sheet = { judge: entry.judge, team: entry.team, byCriterion: new Map() };
      sheetScores.set(key, sheet);
    }
    sheet.byCriterion.set(entry.criterion, entry.score);
  }

  const topWeight = Math.max(...criteria.map((c) => c.weight));
  const topCriteria = criteria.filter((c) => c.weight === topWeight);
  const sheets: Array<CountedSheet & { top: number; byCriterion: Map<string, number> }> = [];
  const incompleteSheets: JudgeTeam[] = [];
  for (const sheet of sheetScores.values()) {
    if (criteria.every((c) => sheet.byCriterion.has(c.id))) {
      const scoreOf = (id: string) => sheet.byCriterion.get(id)!;
      sheets.push({
        judge: sheet.judge,
        team: sheet.team,
        total: weightedTotal(criteria, scoreOf),
        top: weightedTotal(topCriteria, scoreOf),
        byCriterion: sheet.byCriterion,
      });
    } else incompleteSheets.push({ judge: sheet.judge, team: sheet.team });
  }

  const fit = fitAdditiveModel(sheets);
  const teams = [
    ...new Set([...(input.teams ?? []), ...scores.map((s) => s.team), ...sheets.map((s) => s.team)]),
  ].sort(naturalOrder);
  const unranked: TeamResult[] = [];
  const scored: Array<TeamResult & RankEntry> = [];
  for (const team of teams) {
    const own = sheets.filter((s) => s.team === team);
    const flags: TeamFlag[] = [];
    if (own.length < 2) flags.push("fewer-than-two-sheets");
    if (incompleteSheets.some((s) => s.team === team)) flags.push("incomplete-sheets");
    if ([...ignored.values()].some((s) => s.team === team)) flags.push("conflict-ignored");
    const group = fit.teamGroups.get(team) ?? null;
    if (group !== null && fit.groups > 1) flags.push(`group-${group}`);
    if (own.length === 0) {
      unranked.push({
        team,
        rank: null,
        adjusted: null,
        raw: null,
        judges: 0,
        group,
        topCriterionMean: null,
        criterionMeans: {},
        flags,
      });
      continue;
    }
    scored.push({
      team,
      rank: null,
      adjusted: mean(own.map((s) => s.total - fit.judgeOffsets.get(s.judge)!)),
      raw: mean(own.map((s) => s.total)),
      judges: own.length,
      group,
      topCriterionMean: mean(own.map((s) => s.top)),
      criterionMeans: Object.fromEntries(
        criteria.map((c) => [c.id, mean(own.map((s) => s.byCriterion.get(c.id)!))]),
      ),
      flags,
    });
  }

  const judges = [...fit.judgeOffsets.keys()].sort(naturalOrder);
  return {
    results: [...rankTeams(scored), ...unranked],
    judgeOffsets: Object.fromEntries(judges.map((j) => [j, fit.judgeOffsets.get(j)!])),
    incompleteSheets: incompleteSheets.sort(
      (x, y) => naturalOrder(x.judge, y.judge) || naturalOrder(x.team, y.team),
    ),
    ignoredConflicts: [...ignored.values()].sort(
      (x, y) => naturalOrder(x.judge, y.judge) || naturalOrder(x.team, y.team),
    ),
    groups: fit.groups,
    sheets: sheets
      .map(({ judge, team, total }) => ({ judge, team, total }))
      .sort((x, y) => naturalOrder(x.judge, y.judge) || naturalOrder(x.team, y.team)),
  };
}
