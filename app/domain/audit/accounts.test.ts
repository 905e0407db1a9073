import { describe, expect, it } from "vitest";
import { accountsAudit } from "./accounts";
import { type AuditAction, type AuditDetails, auditSentence } from "./index";
import { peopleAudit } from "./people";
import { programmesAudit } from "./programmes";

const who = { actor: "Fiona Marsden", subject: "Sam Okafor" };

/** An example of each action's details, as the commands write them. */
const EXAMPLES: { [A in AuditAction]?: AuditDetails<A> } = {
  sign_in: {},
  "sign_in.failed": { email: "sam@example.test" },
  sign_out: {},
  "invitation.accepted": {},
  "password.reset": {},
  "calendar_feed.reset": {},
  "demo.seeded": { people: 42 },
  "person.anonymised": { reason: "retention period ended", via: "cli" },
  "person.data_exported": {},
  "programme.created": { name: "Tech Connect" },
  "programme.updated": { name: "Tech Connect" },
  "programme.retention_changed": { from: 24, to: 36, name: "Tech Connect" },
  "programme.second_factor_changed": { name: "Tech Connect", required: true },
  "cohort.created": { name: "Tech Connect 2027", startDate: "2027-01-04", weeks: 12, teams: 6 },
  "cohort.updated": {
    name: "Tech Connect 2027",
    startDate: "2027-01-04",
    weeks: 12,
    teams: 1,
    status: "running",
  },
};

const actions = [...Object.keys(accountsAudit), ...Object.keys(peopleAudit), ...Object.keys(programmesAudit)];

describe("the audit sentences of accounts, people and programmes", () => {
  it.each(actions)("%s reads as a plain sentence", (action) => {
    const details = EXAMPLES[action as AuditAction];
    expect(details, `an example for ${action}`).toBeDefined();
    const text = auditSentence(action, details, who);
    expect(text).not.toMatch(/undefined|null|\[object|_/);
    expect(actions.filter((name) => text.includes(name))).toEqual([]);
    expect(text.length).toBeGreaterThan(10);
  });

  it("reads events stored before details were added, and events about nobody named", () => {
    expect(auditSentence("person.data_exported", null, { actor: "Tandem", subject: null })).toBe(
      "Tandem downloaded everything Tandem holds about a person",
    );
    expect(auditSentence("programme.retention_changed", { from: 24, to: 1 }, who)).toBe(
      "Fiona Marsden changed how long people's data is kept after each cohort ends from 24 months to 1 month",
    );
    expect(auditSentence("sign_in.failed", { email: "sam@example.test" }, who)).toBe(
      "Someone failed to sign in as sam@example.test",
    );
  });

  it("describes an action it does not know in a sentence, without its stored name", () => {
    expect(auditSentence("visit.teleported", {}, who)).toBe("Fiona Marsden changed a visit");
    expect(auditSentence("gizmo.frobbed", {}, who)).toBe("Fiona Marsden made a change");
  });

  it("describes a known action whose details are in an older shape, without keys or nulls", () => {
    const text = auditSentence("team.mentors_paired", { overrideReason: null }, who);
    expect(text).toBe("Fiona Marsden changed the teams");
  });
});
