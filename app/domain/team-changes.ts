// Changes to teams that are already published: the teams as a snapshot (a version that can be restored), a
// proposal of new teams written into a link and a form (so what is confirmed is exactly what was shown), and who
// would move where.
import type { Sector } from "./vocabulary";

/** The teams of a cohort at one moment: members (with locks) and mentors of each team, by team number. */
export type TeamsSnapshot = {
  teams: Array<{
    number: number;
    name: string | null;
    members: Array<{ personId: number; locked: boolean }>;
    mentors: Array<{ personId: number; sector: Sector; overrideReason: string | null }>;
  }>;
};

/** Reads a stored snapshot; an unreadable one is no teams. */
export function readSnapshot(stored: string): TeamsSnapshot {
  try {
    const raw = JSON.parse(stored) as Partial<TeamsSnapshot>;
    return { teams: Array.isArray(raw.teams) ? raw.teams : [] };
  } catch {
    return { teams: [] };
  }
}

/** Member ids per team (team 1 first), as a link or a form carries them: `3.8.12-4.9-…`. */
export function encodeProposal(teams: number[][]): string {
  return teams.map((ids) => ids.join(".")).join("-");
}

/** The member ids per team of an encoded proposal, or null when it is not one (a person twice, not a number). */
export function decodeProposal(text: string | null | undefined): number[][] | null {
  if (!text || !/^[\d.-]+$/.test(text)) return null;
  const teams = text.split("-").map((team) => (team === "" ? [] : team.split(".").map(Number)));
  const ids = teams.flat();
  if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) return null;
  if (new Set(ids).size !== ids.length) return null;
  return teams;
}

/** A mentor pairing as a form carries it: `team:industry:government` per team, comma separated. */
export function encodePairing(pairs: Array<{ team: number; industry: string; government: string }>): string {
  return pairs.map((p) => `${p.team}:${p.industry}:${p.government}`).join(",");
}

/** Who is in which team: members by person, and the teams each mentor mentors. */
export type Placement = {
  members: Map<number, number>;
  mentors: Map<number, number[]>;
};

export function placementOfSnapshot(snapshot: TeamsSnapshot): Placement {
  const members = new Map<number, number>();
  const mentors = new Map<number, number[]>();
  for (const team of snapshot.teams) {
    for (const m of team.members) members.set(m.personId, team.number);
    for (const m of team.mentors) mentors.set(m.personId, [...(mentors.get(m.personId) ?? []), team.number]);
  }
  return { members, mentors };
}

/** One person who would change team: the team numbers they are in now and would be in (empty: none). */
export type Move = { personId: number; role: "member" | "mentor"; from: number[]; to: number[] };

const same = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Everyone whose team would change from `now` to `next`, members first. */
export function movesBetween(now: Placement, next: Placement): Move[] {
  const moves: Move[] = [];
  for (const personId of new Set([...now.members.keys(), ...next.members.keys()])) {
    const from = now.members.has(personId) ? [now.members.get(personId)!] : [];
    const to = next.members.has(personId) ? [next.members.get(personId)!] : [];
    if (!same(from, to)) moves.push({ personId, role: "member", from, to });
  }
  for (const personId of new Set([...now.mentors.keys(), ...next.mentors.keys()])) {
    const from = [...(now.mentors.get(personId) ?? [])].sort((a, b) => a - b);
    const to = [...(next.mentors.get(personId) ?? [])].sort((a, b) => a - b);
    if (!same(from, to)) moves.push({ personId, role: "mentor", from, to });
  }
  return moves;
}

/** The moves of mentors only (pairing mentors again moves no member). */
export const mentorMoves = <M extends Pick<Move, "role">>(moves: M[]): M[] =>
  moves.filter((m) => m.role === "mentor");

/** "Team 2: Blue", "Teams 1 and 3" or "no team", for the names the teams have now. */
export function teamsText(numbers: number[], names: Map<number, string | null>): string {
  if (numbers.length === 0) return "no team";
  const one = (n: number) => `Team ${n}${names.get(n) ? `: ${names.get(n)}` : ""}`;
  if (numbers.length === 1) return one(numbers[0]!);
  return `Teams ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/**
 * Why a proposal (member ids per team) no longer fits the cohort, or null when it does: it must place every
 * participant who can be placed, once, in the cohort's number of teams, with locked people in their team.
 */
export function proposalProblem(
  proposal: number[][],
  expected: { teamCount: number; people: number[]; locks: Array<{ personId: number; team: number }> },
): string | null {
  const again = "go back to the teams page and regenerate them again";
  if (proposal.length !== expected.teamCount)
    return `The cohort's number of teams changed since these teams were proposed: ${again}`;
  const placed = new Set(proposal.flat());
  if (placed.size !== expected.people.length || expected.people.some((id) => !placed.has(id)))
    return `The participants to place changed since these teams were proposed: ${again}`;
  if (expected.locks.some((lock) => !proposal[lock.team - 1]?.includes(lock.personId)))
    return `Someone's lock changed since these teams were proposed: ${again}`;
  return null;
}

/**
 * The teams `version` restores, given the teams `now`: its members who can still be placed (anyone placed since
 * stays in their team), its locks and names, and its mentors who are still in the cohort. No team is removed.
 */
export function restoredTeams(
  version: TeamsSnapshot,
  now: TeamsSnapshot,
  still: { placeable: Set<number>; mentors: Set<number> },
): TeamsSnapshot {
  const count = Math.max(version.teams.length, now.teams.length);
  const inVersion = new Set(version.teams.flatMap((t) => t.members.map((m) => m.personId)));
  return {
    teams: Array.from({ length: count }, (_, i) => {
      const number = i + 1;
      const was = version.teams.find((t) => t.number === number);
      const is = now.teams.find((t) => t.number === number);
      const placedSince = (is?.members ?? []).filter(
        (m) => !inVersion.has(m.personId) && still.placeable.has(m.personId),
      );
      return {
        number,
        name: was ? was.name : (is?.name ?? null),
        members: [...(was?.members ?? []).filter((m) => still.placeable.has(m.personId)), ...placedSince],
        mentors: (was?.mentors ?? []).filter((m) => still.mentors.has(m.personId)),
      };
    }),
  };
}
