// Mentor pairing: one industry and one government mentor per team, never in conflict with the team when a
// conflict-free pairing exists (Hungarian method, per sector), with preferences and capacities.
import { munkres } from "munkres";
import type { TeamSector } from "./team-formation";

export type PairingTeam = { number: number; memberOrganisations: string[] };

export type PairingMentor = {
  id: string;
  name?: string;
  sector: TeamSector;
  organisation: string;
  /** How many teams this mentor can take (default 1). */
  capacity?: number;
  /** Team numbers this mentor would like; others are allowed but cost more. */
  preferences?: number[];
};

export type MentorPair = {
  team: number;
  industry: string;
  government: string;
  /** The mentors of this pair who have a colleague in the team. */
  conflicts: string[];
};

export type SectorProblem = {
  sector: TeamSector;
  /** Teams that cannot all get a mentor of this sector without a conflict (or at all). */
  teams: number[];
  message: string;
};

export type Pairing = {
  /** A pair for every team; when `problems` is not empty some pairs have conflicts (the fewest possible). */
  pairs: MentorPair[];
  conflicts: number;
  problems: SectorProblem[];
  /** When some team cannot get a mentor of a sector at all, there are no pairs. */
  complete: boolean;
};

export const SECTOR_LABEL: Record<TeamSector, string> = { government: "government", industry: "industry" };

/** A mentor is in conflict with a team when any member is from the mentor's organisation. */
export function inConflict(mentor: PairingMentor, team: PairingTeam): boolean {
  return team.memberOrganisations.includes(mentor.organisation);
}

const CONFLICT = 1_000_000;

function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

function teamsText(numbers: number[]): string {
  return `${numbers.length === 1 ? "team" : "teams"} ${listText(numbers.map(String))}`;
}

type SectorResult =
  | { ok: true; chosen: Map<number, PairingMentor>; conflicts: number; problem: SectorProblem | null }
  | { ok: false; problem: SectorProblem };

function pairSector(teams: PairingTeam[], mentors: PairingMentor[], sector: TeamSector): SectorResult {
  const label = SECTOR_LABEL[sector];
  const ofSector = mentors.filter((m) => m.sector === sector);
  const slots = ofSector.flatMap((m) => Array.from({ length: Math.max(0, m.capacity ?? 1) }, () => m));
  const all = teams.map((t) => t.number);
  if (ofSector.length === 0)
    return {
      ok: false,
      problem: { sector, teams: all, message: `There are no ${label} mentors: each team needs one.` },
    };
  if (slots.length < teams.length)
    return {
      ok: false,
      problem: {
        sector,
        teams: all,
        message: `${teams.length} teams need ${article(label)} ${label} mentor, but the ${label} mentors can take only ${slots.length} ${slots.length === 1 ? "team" : "teams"} between them.`,
      },
    };
  // Rows are teams, columns mentor places: a conflict costs far more than any number of unmet preferences.
  const cost = teams.map((team) =>
    slots.map(
      (mentor) =>
        (inConflict(mentor, team) ? CONFLICT : 0) + (mentor.preferences?.includes(team.number) ? 0 : 1),
    ),
  );
  const chosen = new Map<number, PairingMentor>();
  let conflicts = 0;
  for (const [row, column] of munkres(cost)) {
    const value = cost[row]?.[column];
    // munkres answers with an Infinity pair rather than failing: every chosen pair is checked.
    if (value === undefined || !Number.isFinite(value)) throw new Error("Mentor pairing found no assignment");
    const team = teams[row]!;
    const mentor = slots[column]!;
    chosen.set(team.number, mentor);
    if (inConflict(mentor, team)) conflicts += 1;
  }
  if (chosen.size !== teams.length) throw new Error("Mentor pairing left a team without a mentor");
  return {
    ok: true,
    chosen,
    conflicts,
    problem: conflicts > 0 ? explainConflicts(teams, ofSector, sector) : null,
  };
}

/**
 * Why no conflict-free pairing exists (Hall's theorem): the teams reachable by alternating paths from a team
 * a maximum conflict-free matching leaves out have fewer conflict-free mentor places than teams.
 */
function explainConflicts(teams: PairingTeam[], mentors: PairingMentor[], sector: TeamSector): SectorProblem {
  const label = SECTOR_LABEL[sector];
  const capacity = (m: PairingMentor) => Math.max(0, m.capacity ?? 1);
  const allowed = teams.map((team) => mentors.filter((m) => capacity(m) > 0 && !inConflict(m, team)));
  // Maximum matching with capacities by augmenting paths.
  const load = new Map<string, number[]>();
  const matchOf = new Map<number, PairingMentor>();
  const augment = (i: number, seen: Set<string>): boolean => {
    for (const mentor of allowed[i]!) {
      if (seen.has(mentor.id)) continue;
      seen.add(mentor.id);
      const held = load.get(mentor.id) ?? [];
      if (held.length < capacity(mentor)) {
        held.push(i);
        load.set(mentor.id, held);
        matchOf.set(i, mentor);
        return true;
      }
      for (const [k, j] of held.entries()) {
        if (augment(j, seen)) {
          held[k] = i;
          matchOf.set(i, mentor);
          return true;
        }
      }
    }
    return false;
  };
  teams.forEach((_, i) => {
    augment(i, new Set());
  });
  const unmatched = teams.map((_, i) => i).filter((i) => !matchOf.has(i));
  // Teams reachable from the unmatched ones: unmatched -> allowed mentor -> teams that mentor holds.
  const reached = new Set<number>(unmatched);
  const mentorsReached = new Set<string>();
  const queue = [...unmatched];
  while (queue.length) {
    const i = queue.shift()!;
    for (const mentor of allowed[i]!) {
      if (mentorsReached.has(mentor.id)) continue;
      mentorsReached.add(mentor.id);
      for (const j of load.get(mentor.id) ?? []) {
        if (!reached.has(j)) {
          reached.add(j);
          queue.push(j);
        }
      }
    }
  }
  const stuck = [...reached].sort((a, b) => a - b).map((i) => teams[i]!);
  const free = mentors.filter((m) => mentorsReached.has(m.id));
  const places = free.reduce((s, m) => s + capacity(m), 0);
  const others = mentors.filter((m) => !mentorsReached.has(m.id));
  const numbers = stuck.map((t) => t.number);
  const who = (m: PairingMentor) => m.name ?? m.id;
  const byOrganisation = new Map<string, PairingMentor[]>();
  for (const m of others)
    byOrganisation.set(m.organisation, [...(byOrganisation.get(m.organisation) ?? []), m]);
  const reasons = [...byOrganisation].map(
    ([organisation, group]) =>
      `${listText(group.map(who))} ${group.length === 1 ? "is" : "are"} from ${organisation}, which has a participant in ${
        stuck.every((t) => t.memberOrganisations.includes(organisation))
          ? numbers.length === 1
            ? "that team"
            : numbers.length === 2
              ? "both teams"
              : "every one of these teams"
          : teamsText(stuck.filter((t) => t.memberOrganisations.includes(organisation)).map((t) => t.number))
      }`,
  );
  const message =
    `${teamsText(numbers)[0]!.toUpperCase()}${teamsText(numbers).slice(1)} ${numbers.length === 1 ? "needs" : "need"} ${article(label)} ${label} mentor with no colleague in the team, ` +
    `but only ${places} ${label} mentor ${places === 1 ? "place is" : "places are"} free of conflicts for them` +
    `${free.length ? ` (${listText(free.map(who))})` : ""}` +
    `${reasons.length ? `: ${reasons.join("; ")}` : ""}.`;
  return { sector, teams: numbers, message };
}

/** Pairs mentors with teams; see `Pairing` for what comes back when conflicts cannot be avoided. */
export function pairMentors(teams: PairingTeam[], mentors: PairingMentor[]): Pairing {
  const industry = pairSector(teams, mentors, "industry");
  const government = pairSector(teams, mentors, "government");
  const problems = [industry, government].flatMap((r) => (r.problem ? [r.problem] : []));
  if (!industry.ok || !government.ok) return { pairs: [], conflicts: 0, problems, complete: false };
  const pairs = teams.map((team) => {
    const i = industry.chosen.get(team.number)!;
    const g = government.chosen.get(team.number)!;
    return {
      team: team.number,
      industry: i.id,
      government: g.id,
      conflicts: [i, g].filter((m) => inConflict(m, team)).map((m) => m.id),
    };
  });
  return { pairs, conflicts: industry.conflicts + government.conflicts, problems, complete: true };
}
