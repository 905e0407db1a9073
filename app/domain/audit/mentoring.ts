// The audit actions of mentoring and problem statements: each action's details and its sentence in the audit log.
// The details keep the shapes stored events already have, so older events read the same.

import { type ReviewDecision, SESSION_FORMATS, type SessionFormat } from "../vocabulary";
import { count, sentence } from "./define";

type SessionFacts = {
  date: string;
  minutes: number;
  format: SessionFormat;
  attendees: number;
  actions: number;
};

function described(s: SessionFacts) {
  return `${s.date}, ${SESSION_FORMATS[s.format].toLowerCase()}, ${count(s.minutes, "minute")}, ${count(s.attendees, "attendee")}, ${count(s.actions, "action")}`;
}

const OUTCOMES = {
  approved: "approved",
  changes_requested: "back with the team",
  submitted: "still waiting for the other mentor",
} as const;

export const mentoringAudit = {
  "mentoring.session_logged": sentence<Omit<SessionFacts, "format"> & { team: number }>(
    (d, who) =>
      `${who.actor} logged team ${d.team}'s mentoring session on ${d.date}: ${count(d.minutes, "minute")}, ${count(d.attendees, "attendee")}, ${count(d.actions, "agreed action")}`,
  ),
  "mentoring.session_changed": sentence<{ team: number; before: SessionFacts; after: SessionFacts }>(
    (d, who) =>
      `${who.actor} changed team ${d.team}'s mentoring session from ${described(d.before)} to ${described(d.after)}`,
  ),
  "mentoring.private_note_added": sentence<Record<never, never>>(
    (_d, who) => `${who.actor} added a private note to a mentoring session`,
  ),
  "mentoring.action_done": sentence<{ session: number; text: string }>(
    (d, who) => `${who.actor} marked the agreed action "${d.text}" as done`,
  ),
  "mentoring.action_reopened": sentence<{ session: number; text: string }>(
    (d, who) => `${who.actor} marked the agreed action "${d.text}" as not done`,
  ),
  "statement.saved": sentence<{ version: number }>(
    (d, who) => `${who.actor} saved version ${d.version} of their team's problem statement`,
  ),
  "statement.submitted": sentence<{ version: number; team: number }>(
    (d, who) =>
      `${who.actor} submitted version ${d.version} of team ${d.team}'s problem statement to its mentors`,
  ),
  "statement.reviewed": sentence<{
    version: number;
    decision: ReviewDecision;
    outcome: "approved" | "changes_requested" | "submitted";
  }>(
    (d, who) =>
      `${who.actor} ${d.decision === "approved" ? "approved" : "asked for changes to"} version ${d.version} of a problem statement, which is now ${OUTCOMES[d.outcome]}`,
  ),
  "statement.approved_on_behalf": sentence<{ version: number; mentors: number[]; reason: string }>(
    (d, who) =>
      `${who.actor} approved version ${d.version} of a problem statement on behalf of ${count(d.mentors.length, "mentor")}, because: ${d.reason}`,
  ),
  "statements.published": sentence<Record<never, never>>(
    (_d, who) => `${who.actor} published the teams' problem statements to the whole cohort`,
  ),
};
