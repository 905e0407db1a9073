import { describe, expect, it } from "vitest";
import { type AuditAction, auditSentence } from "./index";
import type { skillsAudit } from "./skills";

const who = { actor: "Fiona Marsden", subject: null };

const examples: { [A in keyof typeof skillsAudit]: Parameters<(typeof skillsAudit)[A]>[0] } = {
  "skills.opened": { phase: "start", deadline: "2027-03-26" },
  "skills.deadline_moved": { phase: "end", deadline: "2027-06-30" },
  "skills.questions_saved": { questions: 9 },
  "skills.answered": { phase: "start" },
  "outcome.recorded": { team: "Team 2: Alpha", followUp: "3-months", status: "piloted" },
  "cohort.quiet_team_days_changed": { from: 14, to: 21 },
};

describe("the audit sentences of skills, outcomes and team health", () => {
  it.each(Object.entries(examples))("%s reads as a plain sentence", (action, details) => {
    const text = auditSentence(action as AuditAction, details, who);
    expect(text).toMatch(/^Fiona Marsden [a-z]/);
    expect(text).not.toMatch(/undefined|null|\[object|[a-z]+\.[a-z_]+/);
  });

  it("says what happened in words", () => {
    expect(auditSentence("skills.opened", examples["skills.opened"], who)).toBe(
      "Fiona Marsden opened the start of programme skills questionnaire until 26 March 2027",
    );
    expect(auditSentence("outcome.recorded", examples["outcome.recorded"], who)).toBe(
      "Fiona Marsden recorded Team 2: Alpha's outcome 3 months after the programme: piloted",
    );
    expect(auditSentence("cohort.quiet_team_days_changed", { from: 1, to: 21 }, who)).toBe(
      "Fiona Marsden changed when a quiet team is flagged from 1 day to 21 days without a session",
    );
  });

  it("still reads an outcome recorded before the team was named in its details", () => {
    expect(auditSentence("outcome.recorded", { followUp: "6-months", status: "taken-forward" }, who)).toBe(
      "Fiona Marsden recorded a team's outcome 6 months after the programme: taken forward",
    );
  });
});
