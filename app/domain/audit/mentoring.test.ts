// Every mentoring and statement action reads as a plain sentence in the audit log.
import { describe, expect, it } from "vitest";
import { type AuditAction, auditSentence } from "./index";
import type { mentoringAudit } from "./mentoring";

const session = { date: "2027-02-09", minutes: 45, format: "video" as const, attendees: 3, actions: 2 };

const examples: { [A in keyof typeof mentoringAudit]: Parameters<(typeof mentoringAudit)[A]>[0] } = {
  "mentoring.session_logged": { team: 1, date: "2027-02-09", minutes: 45, attendees: 3, actions: 1 },
  "mentoring.session_changed": { team: 1, before: session, after: { ...session, minutes: 60 } },
  "mentoring.private_note_added": {},
  "mentoring.action_done": { session: 4, text: "Interview two caseworkers" },
  "mentoring.action_reopened": { session: 4, text: "Interview two caseworkers" },
  "statement.saved": { version: 3 },
  "statement.submitted": { version: 3, team: 1 },
  "statement.reviewed": { version: 3, decision: "changes_requested", outcome: "changes_requested" },
  "statement.approved_on_behalf": { version: 3, mentors: [7, 8], reason: "Both mentors are on leave" },
  "statements.published": {},
};

describe("mentoring audit sentences", () => {
  for (const [action, details] of Object.entries(examples)) {
    it(`describes ${action} in plain words`, () => {
      const text = auditSentence(action as AuditAction, details, { actor: "Max Mentor", subject: null });
      expect(text).toMatch(/^Max Mentor /);
      expect(text).not.toMatch(/undefined|null|\[object|\w\.\w+_?\w*/);
      expect(text).not.toContain(action);
    });
  }

  it("says what changed in a session and where a review leaves the statement", () => {
    const who = { actor: "Max Mentor", subject: null };
    expect(auditSentence("mentoring.session_changed", examples["mentoring.session_changed"], who)).toBe(
      "Max Mentor changed team 1's mentoring session from 2027-02-09, video call, 45 minutes, 3 attendees, 2 actions to 2027-02-09, video call, 60 minutes, 3 attendees, 2 actions",
    );
    expect(auditSentence("statement.reviewed", examples["statement.reviewed"], who)).toBe(
      "Max Mentor asked for changes to version 3 of a problem statement, which is now back with the team",
    );
  });
});
