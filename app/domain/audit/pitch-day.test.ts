import { describe, expect, it } from "vitest";
import type { PitchDayDetails } from "../pitch-day";
import { type AuditEvent, auditSentence } from ".";
import type { pitchDayAudit } from "./pitch-day";

const who = { actor: "Fiona Marsden", subject: null };
const details: PitchDayDetails = {
  date: "2027-03-25",
  startTime: "10:00",
  venue: null,
  onlineLink: "https://meet.example/pitch",
  pitchMinutes: 10,
  questionsMinutes: 5,
  changeoverMinutes: 5,
  breakAfter: null,
  breakMinutes: 15,
  feedbackAttribution: "anonymous",
};
const progress = { submitted: 8, expected: 9 };

/** One example of every pitch-day action, with the details its command records. */
const EXAMPLES: { [A in keyof typeof pitchDayAudit]: Extract<AuditEvent, { action: A }>["details"] } = {
  "pitch_day.created": details,
  "pitch_day.updated": { ...details, venue: "HMRC, 100 Parliament Street", breakAfter: 3 },
  "pitch_day.rubric_saved": { criteria: [{ name: "The pitch itself", weight: 15, max: 5 }] },
  "pitch_day.panel_added": { leader: "Dame Ruth Okafor" },
  "pitch_day.panel_removed": { leader: "Dame Ruth Okafor" },
  "pitch_day.conflict_declared": { team: "Team 2: Blue Sky", reason: "I mentored one of them" },
  "pitch_day.order_drawn": { seed: "12345", order: ["Team 2", "Team 1", "Team 3"] },
  "pitch_day.order_set": { order: ["Team 1", "Team 2", "Team 3"] },
  "pitch_day.scoring_opened": progress,
  "pitch_day.scoring_closed": progress,
  "pitch_day.results_released": { ...progress, teams: ["Team 2: Blue Sky"] },
  "pitch_day.results_withdrawn": { team: "Team 2: Blue Sky", reason: "A leader's sheet was left as a draft" },
  "pitch_day.ranking_published": progress,
  "pitch_day.sheet_submitted": { team: "Team 2: Blue Sky" },
};

describe("pitch-day audit sentences", () => {
  for (const [action, example] of Object.entries(EXAMPLES))
    it(`reads ${action} as a plain sentence`, () => {
      const text = auditSentence(action, example, who);
      expect(text).toMatch(/^Fiona Marsden [a-z]/);
      expect(text).not.toMatch(/undefined|null|\[object|pitch_day\.|_/);
    });

  it("says where and when the pitch day is", () => {
    expect(auditSentence("pitch_day.updated", EXAMPLES["pitch_day.updated"], who)).toBe(
      "Fiona Marsden changed the pitch day details: 2027-03-25 at 10:00 at HMRC, 100 Parliament Street and online, 10-minute pitches with 5 minutes of questions, a 15-minute break after slot 3, anonymous feedback",
    );
    expect(auditSentence("pitch_day.scoring_closed", progress, who)).toBe(
      "Fiona Marsden closed scoring, with 8 of 9 sheets submitted",
    );
  });

  it("names the teams released, or all of them for events recorded before release by team", () => {
    expect(
      auditSentence("pitch_day.results_released", { ...progress, teams: ["Team 1", "Team 3"] }, who),
    ).toBe("Fiona Marsden released the pitch-day results to Team 1, Team 3, with 8 of 9 sheets submitted");
    expect(auditSentence("pitch_day.results_released", progress, who)).toBe(
      "Fiona Marsden released the pitch-day results to the teams, with 8 of 9 sheets submitted",
    );
    expect(
      auditSentence("pitch_day.results_withdrawn", { team: "Team 2", reason: "A draft was left out" }, who),
    ).toBe("Fiona Marsden withdrew Team 2's pitch-day results from its members: A draft was left out");
  });

  it("reads an order stored before a team was removed", () => {
    expect(auditSentence("pitch_day.order_set", { order: ["Team 1", null] }, who)).toBe(
      "Fiona Marsden set the running order: Team 1, a team since removed",
    );
  });
});
