// Team formation: the rules (H1–H3 hard, C1–C3 cost), a scorer, a lower bound and a local-search solver.
// Pure and deterministic for a seed (the time budget only cuts a run short). No I/O.

export type TeamSector = "government" | "industry";

export type TeamPerson = {
  id: string;
  sector: TeamSector;
  organisation: string;
  /** How messages name the person (default: the id). */
  label?: string;
  /** Attribute values for balancing and "not alone"; a missing or empty value counts for nothing. */
  attributes: Record<string, string | null | undefined>;
};

export type Weights = { colleagues: number; notAlone: number; balance: number };
export const DEFAULT_WEIGHTS: Weights = { colleagues: 100, notAlone: 10, balance: 1 };

export type FormationInput = {
  people: TeamPerson[];
  teamCount: number;
  /** Attributes whose values should be spread in proportion over the teams (C2). */
  balance: string[];
  /** Attributes where nobody should be the only one of a shared value in their team (C3). */
  notAlone: string[];
  /** People who stay in a team (team numbers from 1). */
  locks?: Array<{ personId: string; team: number }>;
  keepApart?: Array<[string, string]>;
  weights?: Partial<Weights>;
};

export type HardRule = "H1" | "H2" | "H3";

export type CostBreakdown = {
  total: number;
  colleagues: number;
  balance: number;
  notAlone: number;
};

export type Infeasible = { ok: false; rule: HardRule; message: string };

export type Formation = {
  ok: true;
  /** Member ids of each team, team 1 first; each list in the order of `people`. */
  teams: string[][];
  cost: CostBreakdown;
  lowerBound: number;
  optimal: boolean;
  proof: "bound" | "exhaustive" | null;
  elapsedMs: number;
  restarts: number;
};

export type SolveOptions = {
  seed?: number;
  /** Stop searching after this long (default 1.9 s up to 60 people, so an answer comes within 2 s; 8 s above). */
  timeBudgetMs?: number;
  /** Stop after this many restarts, so a run is the same on any machine (default: no limit). */
  maxRestarts?: number;
  /** Prove optimality by exhaustive search when the number of assignments is at most this (0: never). */
  exhaustiveLimit?: number;
  /** Milliseconds from some origin; the solver's only view of time. */
  clock?: () => number;
};

/** mulberry32: a tiny seeded pseudo-random generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weightsOf(input: FormationInput): Weights {
  return { ...DEFAULT_WEIGHTS, ...input.weights };
}

/** Sizes and government counts every team must have (H1, H2). */
export function teamShape(people: number, government: number, teams: number) {
  return {
    sizeMin: Math.floor(people / teams),
    sizeMax: Math.ceil(people / teams),
    governmentMin: Math.floor(government / teams),
    governmentMax: Math.ceil(government / teams),
  };
}

function attributeValue(person: TeamPerson, attribute: string): string | null {
  if (attribute === "organisation") return person.organisation || null;
  if (attribute === "sector") return person.sector;
  const value = person.attributes[attribute];
  return value?.trim() ? value.trim() : null;
}

function countBy<T>(items: T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export type TeamReport = {
  number: number;
  size: number;
  government: number;
  industry: number;
  /** Hard rules this team breaks, each with why. */
  broken: Array<{ rule: HardRule; message: string }>;
  colleagues: number;
  /** Organisations with more than one person in the team. */
  colleagueGroups: Array<{ organisation: string; count: number }>;
  /** Balance cost of this team (sum over attributes and values of |count − ideal|). */
  balance: number;
  /** Per attribute and value: the count against the proportional ideal, where they differ by one or more. */
  imbalances: Array<{ attribute: string; value: string; count: number; ideal: number }>;
  notAlone: number;
  alone: Array<{ attribute: string; value: string }>;
  cost: number;
};

export type FormationReport = {
  teams: TeamReport[];
  cost: CostBreakdown;
  broken: Array<{ rule: HardRule; message: string }>;
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Scores teams from scratch (independently of the solver's incremental bookkeeping) and checks the hard rules.
 * `teams` holds member ids per team, team 1 first.
 */
export function evaluateTeams(input: FormationInput, teams: string[][]): FormationReport {
  const weights = weightsOf(input);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const who = (id: string) => byId.get(id)?.label ?? id;
  const n = input.people.length;
  const government = input.people.filter((p) => p.sector === "government").length;
  const shape = teamShape(n, government, Math.max(teams.length, 1));
  const cohortCounts = new Map(
    input.balance.map((a) => [a, countBy(input.people, (p) => attributeValue(p, a))]),
  );
  const notAloneCounts = new Map(
    input.notAlone.map((a) => [a, countBy(input.people, (p) => attributeValue(p, a))]),
  );
  const teamOf = new Map<string, number>();
  teams.forEach((members, t) => {
    for (const id of members) teamOf.set(id, t + 1);
  });
  const overall: Array<{ rule: HardRule; message: string }> = [];
  for (const person of input.people) {
    if (!teamOf.has(person.id)) overall.push({ rule: "H1", message: `${who(person.id)} is not in any team` });
  }
  let totalBalanceScaled = 0;
  const reports = teams.map((ids, t): TeamReport => {
    const members = ids.map((id) => byId.get(id)).filter((p): p is TeamPerson => p !== undefined);
    const size = members.length;
    const gov = members.filter((p) => p.sector === "government").length;
    const broken: TeamReport["broken"] = [];
    if (size < shape.sizeMin || size > shape.sizeMax)
      broken.push({
        rule: "H1",
        message: `has ${size} ${size === 1 ? "member" : "members"}; every team needs ${rangeText(shape.sizeMin, shape.sizeMax)}`,
      });
    if (gov < shape.governmentMin || gov > shape.governmentMax)
      broken.push({
        rule: "H2",
        message: `has ${gov} from government; every team needs ${rangeText(shape.governmentMin, shape.governmentMax)}`,
      });
    for (const lock of input.locks ?? []) {
      if (lock.team !== t + 1 && ids.includes(lock.personId))
        broken.push({ rule: "H3", message: `${who(lock.personId)} is locked to team ${lock.team}` });
      if (lock.team === t + 1 && !ids.includes(lock.personId))
        broken.push({ rule: "H3", message: `${who(lock.personId)} is locked to this team but is not in it` });
    }
    for (const [a, b] of input.keepApart ?? []) {
      if (ids.includes(a) && ids.includes(b))
        broken.push({ rule: "H3", message: `${who(a)} and ${who(b)} must be kept apart` });
    }
    const orgCounts = countBy(members, (p) => p.organisation || null);
    let colleagues = 0;
    const colleagueGroups: TeamReport["colleagueGroups"] = [];
    for (const [organisation, count] of orgCounts) {
      colleagues += (count * (count - 1)) / 2;
      if (count > 1) colleagueGroups.push({ organisation, count });
    }
    let balanceScaled = 0;
    const imbalances: TeamReport["imbalances"] = [];
    for (const attribute of input.balance) {
      const inTeam = countBy(members, (p) => attributeValue(p, attribute));
      for (const [value, total] of cohortCounts.get(attribute) ?? []) {
        const count = inTeam.get(value) ?? 0;
        const deviation = Math.abs(n * count - size * total);
        balanceScaled += deviation;
        if (deviation >= n) imbalances.push({ attribute, value, count, ideal: round((size * total) / n) });
      }
    }
    const alone: TeamReport["alone"] = [];
    for (const attribute of input.notAlone) {
      const inTeam = countBy(members, (p) => attributeValue(p, attribute));
      for (const [value, count] of inTeam) {
        if (count === 1 && (notAloneCounts.get(attribute)?.get(value) ?? 0) >= 2)
          alone.push({ attribute, value });
      }
    }
    totalBalanceScaled += balanceScaled;
    const balance = n ? round(balanceScaled / n) : 0;
    return {
      number: t + 1,
      size,
      government: gov,
      industry: size - gov,
      broken,
      colleagues,
      colleagueGroups,
      balance,
      imbalances,
      notAlone: alone.length,
      alone,
      cost: round(
        weights.colleagues * colleagues +
          weights.notAlone * alone.length +
          (n ? (weights.balance * balanceScaled) / n : 0),
      ),
    };
  });
  const colleagues = reports.reduce((s, r) => s + r.colleagues, 0);
  const notAlone = reports.reduce((s, r) => s + r.notAlone, 0);
  const balance = n ? round(totalBalanceScaled / n) : 0;
  return {
    teams: reports,
    cost: {
      total: round(
        weights.colleagues * colleagues +
          weights.notAlone * notAlone +
          (n ? (weights.balance * totalBalanceScaled) / n : 0),
      ),
      colleagues,
      balance,
      notAlone,
    },
    broken: [
      ...overall,
      ...reports.flatMap((r) => r.broken.map((b) => ({ ...b, message: `Team ${r.number} ${b.message}` }))),
    ],
  };
}

function rangeText(min: number, max: number): string {
  return min === max ? `${min}` : `${min} or ${max}`;
}

/** "1 person", "12 people" */
function peopleText(n: number): string {
  return `${n} ${n === 1 ? "person" : "people"}`;
}

/** "1 team", "5 teams" */
function teamsText(n: number): string {
  return `${n} ${n === 1 ? "team" : "teams"}`;
}

/**
 * A lower bound on the total cost under H1: each organisation spread as evenly as possible (C1), and each
 * attribute value placed at its own best (C2 and C3 together), each counted independently of the others.
 */
export function lowerBound(input: FormationInput): number {
  const weights = weightsOf(input);
  const n = input.people.length;
  const t = input.teamCount;
  if (n === 0 || t < 1) return 0;
  const { sizeMin, sizeMax } = teamShape(n, 0, t);
  const bigTeams = n - sizeMin * t;
  const sizes = Array.from({ length: t }, (_, i) => (i < bigTeams ? sizeMax : sizeMin));
  let colleagues = 0;
  for (const count of countBy(input.people, (p) => p.organisation || null).values()) {
    const q = Math.floor(count / t);
    const r = count % t;
    colleagues += (r * ((q + 1) * q)) / 2 + ((t - r) * (q * (q - 1))) / 2;
  }
  // Scaled by n so balance stays in whole numbers.
  let scaled = n * weights.colleagues * colleagues;
  const attributes = new Set([...input.balance, ...input.notAlone]);
  for (const attribute of attributes) {
    const balanced = input.balance.includes(attribute);
    const aloneCounts = input.notAlone.includes(attribute);
    for (const total of countBy(input.people, (p) => attributeValue(p, attribute)).values()) {
      scaled += bestPlacement(
        sizes,
        total,
        n,
        balanced ? weights.balance : 0,
        aloneCounts && total >= 2 ? n * weights.notAlone : 0,
      );
    }
  }
  return round(scaled / n);
}

/** The least scaled cost of placing `total` people of one value into teams of these sizes (a small DP). */
function bestPlacement(
  sizes: number[],
  total: number,
  n: number,
  balanceWeight: number,
  aloneWeight: number,
): number {
  let best = new Float64Array(total + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (const size of sizes) {
    const next = new Float64Array(total + 1).fill(Number.POSITIVE_INFINITY);
    for (let used = 0; used <= total; used++) {
      const before = best[used]!;
      if (before === Number.POSITIVE_INFINITY) continue;
      for (let k = 0; k <= size && used + k <= total; k++) {
        const cost = before + balanceWeight * Math.abs(n * k - size * total) + (k === 1 ? aloneWeight : 0);
        if (cost < next[used + k]!) next[used + k] = cost;
      }
    }
    best = next;
  }
  return best[total]!;
}

/** Why the hard rules cannot all hold before any search starts, or the per-team sizes and government counts. */
export function checkHardRules(
  input: FormationInput,
): Infeasible | { ok: true; sizes: number[]; governments: number[] } {
  const n = input.people.length;
  const t = input.teamCount;
  if (!Number.isInteger(t) || t < 1)
    return { ok: false, rule: "H1", message: "There must be at least one team." };
  if (n < t)
    return {
      ok: false,
      rule: "H1",
      message: `There ${n === 1 ? "is 1 person" : `are ${n} people`} to put into ${teamsText(t)}, so at least one team would be empty. Choose fewer teams or add people.`,
    };
  const ids = new Set(input.people.map((p) => p.id));
  const labels = new Map(input.people.map((p) => [p.id, p.label ?? p.id]));
  const who = (id: string) => labels.get(id) ?? id;
  if (ids.size !== n)
    return { ok: false, rule: "H1", message: "Someone appears more than once in the list of people." };
  const government = input.people.filter((p) => p.sector === "government").length;
  const shape = teamShape(n, government, t);
  const sectorOf = new Map(input.people.map((p) => [p.id, p.sector]));
  const lockedTo = new Map<string, number>();
  for (const lock of input.locks ?? []) {
    if (!ids.has(lock.personId))
      return {
        ok: false,
        rule: "H3",
        message: `${who(lock.personId)} is locked to a team but is not in the cohort.`,
      };
    if (!Number.isInteger(lock.team) || lock.team < 1 || lock.team > t)
      return {
        ok: false,
        rule: "H3",
        message: `${who(lock.personId)} is locked to team ${lock.team}, but there ${t === 1 ? "is only 1 team" : `are only ${t} teams`}.`,
      };
    const earlier = lockedTo.get(lock.personId);
    if (earlier !== undefined && earlier !== lock.team)
      return {
        ok: false,
        rule: "H3",
        message: `${who(lock.personId)} is locked to both team ${earlier} and team ${lock.team}.`,
      };
    lockedTo.set(lock.personId, lock.team);
  }
  for (const [a, b] of input.keepApart ?? []) {
    if (!ids.has(a) || !ids.has(b))
      return {
        ok: false,
        rule: "H3",
        message: `${who(a)} and ${who(b)} are to be kept apart, but one of them is not in the cohort.`,
      };
    if (a === b)
      return {
        ok: false,
        rule: "H3",
        message: `${who(a)} cannot be kept apart from themselves.`,
      };
    if (t === 1)
      return {
        ok: false,
        rule: "H3",
        message: `With only 1 team, ${who(a)} and ${who(b)} cannot be kept apart.`,
      };
    const ta = lockedTo.get(a);
    if (ta !== undefined && ta === lockedTo.get(b))
      return {
        ok: false,
        rule: "H3",
        message: `${who(a)} and ${who(b)} are both locked to team ${ta}, but must be kept apart.`,
      };
  }
  const locked = Array.from({ length: t }, () => ({ all: 0, government: 0 }));
  for (const [id, team] of lockedTo) {
    locked[team - 1]!.all += 1;
    if (sectorOf.get(id) === "government") locked[team - 1]!.government += 1;
  }
  for (const [i, l] of locked.entries()) {
    if (l.all > shape.sizeMax)
      return {
        ok: false,
        rule: "H1",
        message: `${peopleText(l.all)} ${l.all === 1 ? "is" : "are"} locked to team ${i + 1}, but with ${peopleText(n)} in ${teamsText(t)} every team has ${rangeText(shape.sizeMin, shape.sizeMax)} ${shape.sizeMax === 1 ? "member" : "members"}.`,
      };
    if (l.government > shape.governmentMax)
      return {
        ok: false,
        rule: "H2",
        message: `${peopleText(l.government)} from government ${l.government === 1 ? "is" : "are"} locked to team ${i + 1}, but with ${peopleText(government)} from government in ${teamsText(t)} every team has ${rangeText(shape.governmentMin, shape.governmentMax)}.`,
      };
    if (l.all - l.government > shape.sizeMax - shape.governmentMin)
      return {
        ok: false,
        rule: "H2",
        message: `${peopleText(l.all - l.government)} from industry ${l.all - l.government === 1 ? "is" : "are"} locked to team ${i + 1}, leaving too few places for the ${shape.governmentMin} or more people from government it needs.`,
      };
  }
  const plan = planShapes(n, government, t, locked);
  if (!plan)
    return {
      ok: false,
      rule: "H1",
      message: `The people locked to teams need more teams with ${shape.sizeMax} members, or with ${shape.governmentMax} from government, than ${peopleText(n)} (${government} from government) in ${teamsText(t)} allow.`,
    };
  return { ok: true, ...plan };
}

/**
 * Chooses each team's size (⌊N/T⌋ or ⌈N/T⌉) and government count (⌊G/T⌋ or ⌈G/T⌉) so every team can hold
 * its locked people: a DP over teams on how many larger sizes and larger government counts are used.
 */
function planShapes(
  n: number,
  government: number,
  t: number,
  locked: Array<{ all: number; government: number }>,
): { sizes: number[]; governments: number[] } | null {
  const { sizeMin, governmentMin } = teamShape(n, government, t);
  const bigSizes = n - sizeMin * t;
  const bigGovernments = government - governmentMin * t;
  const fits = (i: number, x: number, y: number) => {
    const size = sizeMin + x;
    const gov = governmentMin + y;
    const l = locked[i]!;
    return size >= l.all && gov >= l.government && size - gov >= l.all - l.government && size >= gov;
  };
  const width = bigGovernments + 1;
  // reach[i][a * width + b]: teams before i can use a larger sizes and b larger government counts.
  const reach: Uint8Array[] = [new Uint8Array((bigSizes + 1) * width)];
  reach[0]![0] = 1;
  for (let i = 0; i < t; i++) {
    const from = reach[i]!;
    const to = new Uint8Array(from.length);
    for (let a = 0; a <= bigSizes; a++) {
      for (let b = 0; b <= bigGovernments; b++) {
        if (!from[a * width + b]) continue;
        for (let x = 0; x <= 1; x++) {
          for (let y = 0; y <= 1; y++) {
            if (a + x > bigSizes || b + y > bigGovernments || !fits(i, x, y)) continue;
            to[(a + x) * width + b + y] = 1;
          }
        }
      }
    }
    reach.push(to);
  }
  if (!reach[t]![bigSizes * width + bigGovernments]) return null;
  const sizes: number[] = new Array(t);
  const governments: number[] = new Array(t);
  let a = bigSizes;
  let b = bigGovernments;
  for (let i = t - 1; i >= 0; i--) {
    let found = false;
    for (let x = 0; x <= 1 && !found; x++) {
      for (let y = 0; y <= 1 && !found; y++) {
        if (a - x < 0 || b - y < 0 || !fits(i, x, y) || !reach[i]![(a - x) * width + b - y]) continue;
        sizes[i] = sizeMin + x;
        governments[i] = governmentMin + y;
        a -= x;
        b -= y;
        found = true;
      }
    }
  }
  return { sizes, governments };
}

/** Pairs of colleagues (people from one organisation) among `count` of them in one team. */
function colleaguePairs(count: number): number {
  return (count * (count - 1)) / 2;
}

/** The search state: who is where, with every count the cost needs kept up to date move by move. */
class Engine {
  readonly n: number;
  readonly t: number;
  readonly teamOf: Int32Array;
  readonly size: Int32Array;
  readonly gov: Int32Array;
  readonly isGov: Uint8Array;
  readonly locked: Uint8Array;
  readonly partners: number[][];
  readonly orgOf: Int32Array;
  readonly orgs: number;
  readonly orgCount: Int32Array;
  readonly balanced: Array<{ value: Int32Array; values: number; total: Int32Array; count: Int32Array }>;
  readonly alone: Array<{ value: Int32Array; values: number; shared: Uint8Array; count: Int32Array }>;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  c1 = 0;
  c2 = 0;
  c3 = 0;
  violations = 0;
  readonly sizeMin: number;
  readonly sizeMax: number;
  readonly govMin: number;
  readonly govMax: number;

  constructor(input: FormationInput, locks: Map<number, number>) {
    const people = input.people;
    this.n = people.length;
    this.t = input.teamCount;
    const weights = weightsOf(input);
    this.w1 = weights.colleagues;
    this.w2 = weights.balance;
    this.w3 = weights.notAlone;
    this.teamOf = new Int32Array(this.n).fill(-1);
    this.size = new Int32Array(this.t);
    this.gov = new Int32Array(this.t);
    this.isGov = Uint8Array.from(people, (p) => (p.sector === "government" ? 1 : 0));
    const shape = teamShape(
      this.n,
      this.isGov.reduce((s, g) => s + g, 0),
      this.t,
    );
    this.sizeMin = shape.sizeMin;
    this.sizeMax = shape.sizeMax;
    this.govMin = shape.governmentMin;
    this.govMax = shape.governmentMax;
    this.locked = new Uint8Array(this.n);
    for (const index of locks.keys()) this.locked[index] = 1;
    const index = new Map(people.map((p, i) => [p.id, i]));
    this.partners = people.map(() => []);
    for (const [a, b] of input.keepApart ?? []) {
      const ia = index.get(a)!;
      const ib = index.get(b)!;
      this.partners[ia]!.push(ib);
      this.partners[ib]!.push(ia);
    }
    const code = (values: Array<string | null>) => {
      const ids = new Map<string, number>();
      const coded = Int32Array.from(values, (v) => {
        if (v === null) return -1;
        let id = ids.get(v);
        if (id === undefined) {
          id = ids.size;
          ids.set(v, id);
        }
        return id;
      });
      return { value: coded, values: ids.size };
    };
    const orgs = code(people.map((p) => p.organisation || null));
    this.orgOf = orgs.value;
    this.orgs = orgs.values;
    this.orgCount = new Int32Array(this.t * Math.max(this.orgs, 1));
    this.balanced = input.balance.map((a) => {
      const coded = code(people.map((p) => attributeValue(p, a)));
      const total = new Int32Array(coded.values);
      for (const v of coded.value) if (v >= 0) total[v]! += 1;
      return { ...coded, total, count: new Int32Array(this.t * Math.max(coded.values, 1)) };
    });
    this.alone = input.notAlone.map((a) => {
      const coded = code(people.map((p) => attributeValue(p, a)));
      const total = new Int32Array(coded.values);
      for (const v of coded.value) if (v >= 0) total[v]! += 1;
      return {
        ...coded,
        shared: Uint8Array.from(total, (c) => (c >= 2 ? 1 : 0)),
        count: new Int32Array(this.t * Math.max(coded.values, 1)),
      };
    });
  }

  /** The total, scaled by n so it stays a whole number. */
  get scaled(): number {
    return this.n * (this.w1 * this.c1 + this.w3 * this.c3) + this.w2 * this.c2;
  }

  /** Starts every team empty, with the balance cost of empty teams of size zero. */
  reset(): void {
    this.teamOf.fill(-1);
    this.size.fill(0);
    this.gov.fill(0);
    this.orgCount.fill(0);
    this.c1 = 0;
    this.c3 = 0;
    this.violations = 0;
    this.c2 = 0;
    for (const b of this.balanced) b.count.fill(0);
    for (const a of this.alone) a.count.fill(0);
  }

  private balanceTerm(size: number, count: number, total: number): number {
    return Math.abs(this.n * count - size * total);
  }

  /** Takes person p out of team t, leaving its size (for balance) unchanged. */
  private leave(p: number, t: number): void {
    this.count(p, t, -1);
    this.teamOf[p] = -1;
  }

  private join(p: number, t: number): void {
    this.count(p, t, 1);
    this.teamOf[p] = t;
  }

  /** Counts person p out of (step -1) or into (step +1) team t, updating every count the cost keeps. */
  private count(p: number, t: number, step: 1 | -1): void {
    const o = this.orgOf[p]!;
    if (o >= 0) {
      const k = t * this.orgs + o;
      const before = this.orgCount[k]!;
      this.c1 += colleaguePairs(before + step) - colleaguePairs(before);
      this.orgCount[k] = before + step;
    }
    const size = this.size[t]!;
    for (const b of this.balanced) {
      const v = b.value[p]!;
      if (v < 0) continue;
      const k = t * b.values + v;
      const before = b.count[k]!;
      this.c2 +=
        this.balanceTerm(size, before + step, b.total[v]!) - this.balanceTerm(size, before, b.total[v]!);
      b.count[k] = before + step;
    }
    for (const a of this.alone) {
      const v = a.value[p]!;
      if (v < 0 || !a.shared[v]) continue;
      const k = t * a.values + v;
      const before = a.count[k]!;
      this.c3 += (before + step === 1 ? 1 : 0) - (before === 1 ? 1 : 0);
      a.count[k] = before + step;
    }
    for (const q of this.partners[p]!) if (this.teamOf[q] === t) this.violations += step;
    this.gov[t]! += step * this.isGov[p]!;
  }

  /** Changes a team's size, re-scoring its balance against the new proportional ideal. */
  private resize(t: number, size: number): void {
    const old = this.size[t]!;
    for (const b of this.balanced) {
      for (let v = 0; v < b.values; v++) {
        const count = b.count[t * b.values + v]!;
        this.c2 += this.balanceTerm(size, count, b.total[v]!) - this.balanceTerm(old, count, b.total[v]!);
      }
    }
    this.size[t] = size;
  }

  /** Fills teams from scratch: sizes fixed first, so balance is scored against the final sizes throughout. */
  place(p: number, t: number): void {
    this.join(p, t);
  }

  setSizes(sizes: number[]): void {
    for (let t = 0; t < this.t; t++) this.resize(t, sizes[t]!);
  }

  canSwap(p: number, q: number): boolean {
    const a = this.teamOf[p]!;
    const b = this.teamOf[q]!;
    if (a === b || this.locked[p] || this.locked[q]) return false;
    const d = this.isGov[q]! - this.isGov[p]!;
    if (d === 0) return true;
    const ga = this.gov[a]! + d;
    const gb = this.gov[b]! - d;
    return ga >= this.govMin && ga <= this.govMax && gb >= this.govMin && gb <= this.govMax;
  }

  swap(p: number, q: number): void {
    const a = this.teamOf[p]!;
    const b = this.teamOf[q]!;
    this.leave(p, a);
    this.leave(q, b);
    this.join(q, a);
    this.join(p, b);
  }

  canMove(p: number, to: number): boolean {
    const from = this.teamOf[p]!;
    if (from === to || this.locked[p]) return false;
    if (this.size[from]! - 1 < this.sizeMin || this.size[to]! + 1 > this.sizeMax) return false;
    const g = this.isGov[p]!;
    return this.gov[from]! - g >= this.govMin && this.gov[to]! + g <= this.govMax;
  }

  move(p: number, to: number): void {
    const from = this.teamOf[p]!;
    this.leave(p, from);
    this.resize(from, this.size[from]! - 1);
    this.resize(to, this.size[to]! + 1);
    this.join(p, to);
  }

  snapshot(): Int32Array {
    return this.teamOf.slice();
  }
}

/** Lexicographic: fewer keep-apart breaches first, then lower cost. */
function better(v1: number, c1: number, v2: number, c2: number): boolean {
  return v1 < v2 || (v1 === v2 && c1 < c2);
}

function defaultBudget(people: number): number {
  return people <= 60 ? 1900 : 8000;
}

/** Forms teams: every hard rule holds, or an explanation naming the rule that cannot. */
export function formTeams(input: FormationInput, options: SolveOptions = {}): Formation | Infeasible {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const check = checkHardRules(input);
  if (!check.ok) return check;
  const n = input.people.length;
  const t = input.teamCount;
  const random = seededRandom(options.seed ?? 1);
  const budget = options.timeBudgetMs ?? defaultBudget(n);
  const maxRestarts = options.maxRestarts ?? Number.POSITIVE_INFINITY;
  const bound = lowerBound(input);
  const boundScaled = Math.round(bound * n);
  const index = new Map(input.people.map((p, i) => [p.id, i]));
  const locks = new Map<number, number>();
  for (const lock of input.locks ?? []) locks.set(index.get(lock.personId)!, lock.team - 1);
  const engine = new Engine(input, locks);

  const randomInt = (k: number) => Math.floor(random() * k);
  const shuffle = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };

  let best: Int32Array | null = null;
  let bestViolations = Number.POSITIVE_INFINITY;
  let bestScaled = Number.POSITIVE_INFINITY;
  let restarts = 0;
  const outOfTime = () => clock() - started >= budget;
  const done = () => bestViolations === 0 && bestScaled <= boundScaled;

  const construct = () => {
    engine.reset();
    // A random order of teams decides which get the larger sizes and government counts when unlocked.
    const order = shuffle(Array.from({ length: t }, (_, i) => i));
    const sizes = new Array<number>(t);
    const governments = new Array<number>(t);
    // Unlocked, any team may take any of the planned shapes; locked, the plan is per team.
    for (let i = 0; i < t; i++) {
      const team = locks.size === 0 ? order[i]! : i;
      sizes[team] = check.sizes[i]!;
      governments[team] = check.governments[i]!;
    }
    engine.setSizes(sizes);
    const freeGov = new Array<number>(t).fill(0);
    const freeInd = new Array<number>(t).fill(0);
    for (let i = 0; i < t; i++) {
      freeGov[i] = governments[i]!;
      freeInd[i] = sizes[i]! - governments[i]!;
    }
    for (const [p, team] of locks) {
      engine.place(p, team);
      if (engine.isGov[p]) freeGov[team]! -= 1;
      else freeInd[team]! -= 1;
    }
    const unlocked = shuffle(input.people.map((_, i) => i).filter((i) => !locks.has(i)));
    for (const p of unlocked) {
      const free = engine.isGov[p] ? freeGov : freeInd;
      // Prefer a team with room where p meets no one to keep apart from and no colleague; sample a few.
      let chosen = -1;
      let chosenScore = Number.POSITIVE_INFINITY;
      const start = randomInt(t);
      for (let k = 0; k < t; k++) {
        const team = (start + k) % t;
        if (free[team]! <= 0) continue;
        let score = 0;
        for (const q of engine.partners[p]!) if (engine.teamOf[q] === team) score += 1000;
        const o = engine.orgOf[p]!;
        if (o >= 0) score += engine.orgCount[team * engine.orgs + o]!;
        if (score < chosenScore) {
          chosen = team;
          chosenScore = score;
          if (score === 0) break;
        }
      }
      engine.place(p, chosen);
      free[chosen]! -= 1;
    }
  };

  const movable = input.people.map((_, i) => i).filter((i) => !locks.has(i));
  const canMoveSizes = engine.sizeMin !== engine.sizeMax;

  /** Random-neighbour descent accepting sideways steps; returns when `patience` steps bring nothing better. */
  const descend = (patience: number) => {
    let stale = 0;
    let steps = 0;
    let localViolations = engine.violations;
    let localScaled = engine.scaled;
    while (stale < patience) {
      steps += 1;
      if ((steps & 1023) === 0 && outOfTime()) return;
      const p = movable[randomInt(movable.length)]!;
      const beforeV = engine.violations;
      const beforeC = engine.scaled;
      if (canMoveSizes && random() < 0.2) {
        const to = randomInt(t);
        if (!engine.canMove(p, to)) {
          stale += 1;
          continue;
        }
        const from = engine.teamOf[p]!;
        engine.move(p, to);
        if (better(beforeV, beforeC, engine.violations, engine.scaled)) {
          engine.move(p, from);
          stale += 1;
          continue;
        }
      } else {
        const q = movable[randomInt(movable.length)]!;
        if (!engine.canSwap(p, q)) {
          stale += 1;
          continue;
        }
        engine.swap(p, q);
        if (better(beforeV, beforeC, engine.violations, engine.scaled)) {
          engine.swap(p, q);
          stale += 1;
          continue;
        }
      }
      if (better(engine.violations, engine.scaled, localViolations, localScaled)) {
        localViolations = engine.violations;
        localScaled = engine.scaled;
        stale = 0;
        if (better(localViolations, localScaled, bestViolations, bestScaled)) {
          bestViolations = localViolations;
          bestScaled = localScaled;
          best = engine.snapshot();
          if (done()) return;
        }
      } else stale += 1;
    }
  };

  const restore = (assignment: Int32Array) => {
    engine.reset();
    const sizes = new Array<number>(t).fill(0);
    for (const team of assignment) sizes[team]! += 1;
    engine.setSizes(sizes);
    assignment.forEach((team, p) => {
      engine.place(p, team);
    });
  };

  const patience = Math.max(2000, 30 * n);
  while (restarts < maxRestarts) {
    construct();
    if (better(engine.violations, engine.scaled, bestViolations, bestScaled)) {
      bestViolations = engine.violations;
      bestScaled = engine.scaled;
      best = engine.snapshot();
    }
    if (movable.length >= 1) {
      descend(patience);
      // Iterated local search: kick the restart's best with a few random swaps and descend again.
      let restartBest = engine.snapshot();
      let restartV = engine.violations;
      let restartC = engine.scaled;
      for (let kick = 0; kick < 20 && !done() && !outOfTime(); kick++) {
        const strength = 2 + randomInt(Math.max(2, Math.min(8, Math.floor(n / 8))));
        for (let k = 0; k < strength; k++) {
          const p = movable[randomInt(movable.length)]!;
          const q = movable[randomInt(movable.length)]!;
          if (engine.canSwap(p, q)) engine.swap(p, q);
        }
        descend(patience);
        if (
          better(engine.violations, engine.scaled, restartV, restartC) ||
          (engine.violations === restartV && engine.scaled === restartC)
        ) {
          restartBest = engine.snapshot();
          restartV = engine.violations;
          restartC = engine.scaled;
        } else restore(restartBest);
      }
    }
    restarts += 1;
    if (done() || outOfTime() || movable.length < 1) break;
  }

  const assignment = best!;
  const teams = Array.from({ length: t }, () => [] as string[]);
  assignment.forEach((team, p) => {
    teams[team]!.push(input.people[p]!.id);
  });
  if (bestViolations > 0) {
    const report = evaluateTeams(input, teams);
    const breach = report.broken.find((b) => b.rule === "H3");
    return {
      ok: false,
      rule: "H3",
      message: `No way was found to put every pair of people to keep apart in different teams while keeping the other rules${breach ? ` (${breach.message})` : ""}.`,
    };
  }
  const cost = evaluateTeams(input, teams).cost;
  let proof: Formation["proof"] = bestScaled <= boundScaled ? "bound" : null;
  let finalTeams = teams;
  let finalCost = cost;
  const limit = options.exhaustiveLimit ?? 200_000;
  if (!proof && limit > 0 && t ** n <= limit) {
    const exact = exhaustiveOptimum(input);
    if (exact && exact.cost.total < cost.total - 1e-9) {
      finalTeams = exact.teams;
      finalCost = exact.cost;
    }
    proof = "exhaustive";
  }
  return {
    ok: true,
    teams: finalTeams,
    cost: finalCost,
    lowerBound: bound,
    optimal: proof !== null,
    proof,
    elapsedMs: Math.round(clock() - started),
    restarts,
  };
}

/**
 * The best teams by trying every assignment that keeps H1–H3 (small cohorts only: T^N assignments at most),
 * or null when none keeps them.
 */
export function exhaustiveOptimum(input: FormationInput): { teams: string[][]; cost: CostBreakdown } | null {
  const n = input.people.length;
  const t = input.teamCount;
  if (t < 1 || n < t) return null;
  const government = input.people.filter((p) => p.sector === "government").length;
  const shape = teamShape(n, government, t);
  const index = new Map(input.people.map((p, i) => [p.id, i]));
  const lockedTo = new Map<number, number>();
  for (const lock of input.locks ?? []) lockedTo.set(index.get(lock.personId)!, lock.team - 1);
  const apart = input.people.map(() => [] as number[]);
  for (const [a, b] of input.keepApart ?? []) {
    apart[index.get(a)!]!.push(index.get(b)!);
    apart[index.get(b)!]!.push(index.get(a)!);
  }
  const teamOf = new Int32Array(n).fill(-1);
  const size = new Int32Array(t);
  const gov = new Int32Array(t);
  let best: { teams: string[][]; cost: CostBreakdown } | null = null;
  const visit = (p: number) => {
    if (p === n) {
      for (let i = 0; i < t; i++) {
        if (size[i]! < shape.sizeMin || gov[i]! < shape.governmentMin) return;
      }
      const teams = Array.from({ length: t }, () => [] as string[]);
      teamOf.forEach((team, i) => {
        teams[team]!.push(input.people[i]!.id);
      });
      const cost = evaluateTeams(input, teams).cost;
      if (!best || cost.total < best.cost.total - 1e-9) best = { teams, cost };
      return;
    }
    const isGov = input.people[p]!.sector === "government";
    const locked = lockedTo.get(p);
    for (let team = 0; team < t; team++) {
      if (locked !== undefined && locked !== team) continue;
      if (size[team]! >= shape.sizeMax || (isGov && gov[team]! >= shape.governmentMax)) continue;
      if (!isGov && size[team]! - gov[team]! >= shape.sizeMax - shape.governmentMin) continue;
      if (apart[p]!.some((q) => teamOf[q] === team)) continue;
      teamOf[p] = team;
      size[team]! += 1;
      if (isGov) gov[team]! += 1;
      visit(p + 1);
      teamOf[p] = -1;
      size[team]! -= 1;
      if (isGov) gov[team]! -= 1;
    }
  };
  visit(0);
  return best;
}
