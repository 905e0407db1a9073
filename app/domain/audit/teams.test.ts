import { describe, expect, it } from "vitest";
import { type AuditAction, type AuditDetails, auditSentence } from "./index";
import type { teamsAudit } from "./teams";

const who = { actor: "Fiona Marsden", subject: "Priya Shah" };
const formation = {
  people: 30,
  teams: 6,
  locks: 2,
  cost: { total: 12 },
  lowerBound: 10,
  optimal: false,
  seed: 4,
};

/** One event of each action as the team commands record it. */
const EXAMPLES: { [A in keyof typeof teamsAudit]: AuditDetails<A> } = {
  "teams.formed": formation,
  "teams.regenerated": formation,
  "teams.restored": {
    version: 3,
    savedAt: "2026-12-01T10:00:00.000Z",
    moved: 4,
    reason: "The new teams split the Revenue pair",
  },
  "teams.published": { teams: 6 },
  "team.member_moved": { person: "Tom Reed", personId: 7, from: 3, to: 4, afterPublishing: true },
  "team.member_locked": { team: 2 },
  "team.member_unlocked": { team: 2 },
  "team.renamed": { number: 2, from: null, to: "Alpha", afterPublishing: false },
  "team.mentors_paired": {
    team: 1,
    industry: "Ines Industry",
    government: "Gareth Government",
    conflicts: ["Ines Industry"],
    overrideReason: "No other industry mentor knows the domain",
    afterPublishing: false,
  },
  "team.keep_apart_added": { personA: 1, personB: 2, nameA: "Ann Lee", nameB: "Bo Chan" },
  "team.keep_apart_removed": { pair: 5, nameA: "Ann Lee", nameB: "Bo Chan" },
};

describe("the audit sentences of teams", () => {
  for (const [action, details] of Object.entries(EXAMPLES)) {
    it(`${action} reads as a plain sentence`, () => {
      const text = auditSentence(action as AuditAction, details, who);
      expect(text.startsWith("Fiona Marsden ")).toBe(true);
      expect(text).not.toMatch(/undefined|null|\[object|\w\.\w+_?\w*|[{}]/);
    });
  }

  it("names the people and teams a change is about", () => {
    expect(auditSentence("team.member_moved", EXAMPLES["team.member_moved"], who)).toBe(
      "Fiona Marsden moved Tom Reed from team 3 to team 4",
    );
    expect(auditSentence("team.member_locked", EXAMPLES["team.member_locked"], who)).toBe(
      "Fiona Marsden locked Priya Shah to team 2",
    );
    expect(
      auditSentence("team.renamed", { number: 2, from: "Alpha", to: null, afterPublishing: true }, who),
    ).toBe("Fiona Marsden removed the name of team 2 (Alpha)");
    expect(auditSentence("teams.published", { teams: 1 }, who)).toBe(
      "Fiona Marsden published the 1 team to their participants and mentors",
    );
  });

  it("reads keep-apart events stored before they carried names", () => {
    expect(auditSentence("team.keep_apart_added", { personA: 1, personB: 2 }, who)).toBe(
      "Fiona Marsden chose to keep two participants apart",
    );
    expect(auditSentence("team.keep_apart_removed", { pair: 5 }, who)).toBe(
      "Fiona Marsden stopped keeping two participants apart",
    );
  });

  it("describes the quality of formed teams in words", () => {
    expect(auditSentence("teams.formed", formation, who)).toBe(
      "Fiona Marsden formed 6 teams of 30 participants (at a cost of 12, where the lowest possible is 10)",
    );
    expect(auditSentence("teams.formed", { ...formation, cost: { total: 10 }, optimal: true }, who)).toBe(
      "Fiona Marsden formed 6 teams of 30 participants (at a cost of 10, where the lowest possible is 10: the best possible)",
    );
  });

  it("says when a pairing has no conflicts", () => {
    const paired = { ...EXAMPLES["team.mentors_paired"], conflicts: [], overrideReason: null };
    expect(auditSentence("team.mentors_paired", paired, who)).toBe(
      "Fiona Marsden paired team 1 with the mentors Ines Industry and Gareth Government",
    );
  });
});
