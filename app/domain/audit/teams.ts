// The audit actions of teams: each action's details and its sentence in the audit log.
import { formatUkDateTime } from "../calendar";
import { count, sentence } from "./define";

/** A run of the team solver: how many people in how many teams around how many locks, and how good it is. */
type FormationDetails = {
  people: number;
  teams: number;
  locks: number;
  cost: { total: number };
  lowerBound: number;
  optimal: boolean;
  seed: number;
  /** Regenerating published teams, confirmed: how many people moved, and why. */
  moved?: number;
  reason?: string;
};

const quality = (d: FormationDetails) =>
  `at a cost of ${d.cost.total}, where the lowest possible is ${d.lowerBound}${d.optimal ? ": the best possible" : ""}`;

/** Whether the change was made after the teams were published, so the people in them see it. */
type AfterPublishing = { afterPublishing: boolean };

/**
 * Keep-apart events recorded before the names were written carry only the people's ids: the sentence then names
 * no one.
 */
type KeepApartNames = { nameA?: string; nameB?: string };

const pairOf = (d: KeepApartNames) => (d.nameA && d.nameB ? `${d.nameA} and ${d.nameB}` : "two participants");

export const teamsAudit = {
  "teams.formed": sentence<FormationDetails>(
    (d, who) =>
      `${who.actor} formed ${count(d.teams, "team")} of ${count(d.people, "participant")} (${quality(d)})`,
  ),
  "teams.regenerated": sentence<FormationDetails>(
    (d, who) =>
      `${who.actor} re-formed the ${count(d.teams, "team")} around ${count(d.locks, "locked participant")} (${quality(d)})${
        d.moved === undefined ? "" : `, moving ${count(d.moved, "person", "people")}`
      }${d.reason ? `, because: ${d.reason}` : ""}`,
  ),
  "teams.restored": sentence<{ version: number; savedAt: string; moved: number; reason: string }>(
    (d, who) =>
      `${who.actor} restored the teams as they were before ${formatUkDateTime(d.savedAt)}, moving ${count(d.moved, "person", "people")}, because: ${d.reason}`,
  ),
  "teams.published": sentence<{ teams: number }>(
    (d, who) => `${who.actor} published the ${count(d.teams, "team")} to their participants and mentors`,
  ),
  "team.member_moved": sentence<
    { person: string; personId: number; from: number; to: number } & AfterPublishing
  >((d, who) => `${who.actor} moved ${d.person} from team ${d.from} to team ${d.to}`),
  "team.member_locked": sentence<{ team: number }>(
    (d, who) => `${who.actor} locked ${who.subject ?? "a participant"} to team ${d.team}`,
  ),
  "team.member_unlocked": sentence<{ team: number }>(
    (d, who) => `${who.actor} unlocked ${who.subject ?? "a participant"} from team ${d.team}`,
  ),
  "team.renamed": sentence<{ number: number; from: string | null; to: string | null } & AfterPublishing>(
    (d, who) =>
      d.to
        ? `${who.actor} renamed team ${d.number} to ${d.to}`
        : `${who.actor} removed the name of team ${d.number}${d.from ? ` (${d.from})` : ""}`,
  ),
  "team.mentors_paired": sentence<
    {
      team: number;
      industry: string;
      government: string;
      conflicts: string[];
      overrideReason: string | null;
      /** Pairing the mentors of published teams again, confirmed: why. */
      reason?: string;
    } & AfterPublishing
  >(
    (d, who) =>
      `${who.actor} paired team ${d.team} with the mentors ${d.industry} and ${d.government}${
        d.conflicts.length
          ? `, accepting the conflict of ${d.conflicts.join(" and ")}${d.overrideReason ? ` because: ${d.overrideReason}` : ""}`
          : ""
      }${d.reason ? `; pairing again because: ${d.reason}` : ""}`,
  ),
  "team.keep_apart_added": sentence<{ personA: number; personB: number } & KeepApartNames>(
    (d, who) => `${who.actor} chose to keep ${pairOf(d)} apart`,
  ),
  "team.keep_apart_removed": sentence<{ pair: number } & KeepApartNames>(
    (d, who) => `${who.actor} stopped keeping ${pairOf(d)} apart`,
  ),
};
