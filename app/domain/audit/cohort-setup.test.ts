import { describe, expect, it } from "vitest";
import type { cohortSetupAudit } from "./cohort-setup";
import { auditSentence } from "./index";

const who = { actor: "Fiona Marsden", subject: "Priya Shah" };

const EXAMPLES: { [A in keyof typeof cohortSetupAudit]: Parameters<(typeof cohortSetupAudit)[A]>[0] } = {
  "role.granted": { role: "participant", newPerson: true },
  "invitation.created": { expiresAt: "2027-01-11T09:30:00.000Z" },
  "password.reset_link_created": { expiresAt: "2027-01-11T09:30:00.000Z" },
  "admin.appointed": {},
  "nominations.imported": { rows: 12, added: 12, joined: 0, updated: 0, unchanged: 0, organisations: 1 },
  "nomination.updated": { releaseStatus: null, lineManagerEmail: null },
  "nomination.withdrawn": { reason: "Moved to a new post" },
  "nomination.reinstated": {},
  "cohort.organisation_added": { name: "Kestrel Systems", hostsVisit: true, quota: 2, created: false },
  "cohort.organisation_updated": { name: "Kestrel Systems", hostsVisit: false, quota: null, unavailable: [] },
  "milestone.moved": { kind: "mid-point", from: "2027-02-17", to: "2027-02-24" },
  "membership.organisation_changed": { from: "HM Revenue & Customs", to: null },
};

describe("the audit sentences of cohort set-up", () => {
  for (const [action, details] of Object.entries(EXAMPLES)) {
    it(`reads ${action} as a plain sentence`, () => {
      const text = auditSentence(action, details, who);
      expect(text).toMatch(/^Fiona Marsden /);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      expect(text).not.toContain(action);
      expect(text).not.toMatch(/\b[a-z]+\.[a-z_]+\b/);
    });
  }

  it("says who was added, with which role", () => {
    expect(auditSentence("role.granted", EXAMPLES["role.granted"], who)).toBe(
      "Fiona Marsden added Priya Shah to the cohort as a participant (new to Tandem)",
    );
  });

  it("names the milestone and both dates", () => {
    expect(auditSentence("milestone.moved", EXAMPLES["milestone.moved"], who)).toBe(
      "Fiona Marsden moved the milestone “Mid-point review” from 17 February 2027 to 24 February 2027",
    );
  });

  it("reads the command line's older link events, which have no expiry, and someone since anonymised", () => {
    expect(
      auditSentence("password.reset_link_created", { via: "cli" }, { actor: "Tandem", subject: null }),
    ).toBe("Tandem created a password reset link for someone");
  });

  it("says which organisation a person represents in the cohort now, as it decides their conflicts", () => {
    expect(
      auditSentence("membership.organisation_changed", EXAMPLES["membership.organisation_changed"], who),
    ).toBe(
      "Fiona Marsden changed the organisation Priya Shah represents in the cohort from HM Revenue & Customs to none, which decides their conflicts of interest",
    );
  });

  it("says whose details an import left as they were", () => {
    expect(
      auditSentence(
        "nominations.imported",
        { rows: 2, added: 0, joined: 2, updated: 0, unchanged: 0, organisations: 0, notApplied: 1 },
        who,
      ),
    ).toBe(
      "Fiona Marsden imported 2 nominations: 0 new to Tandem, 2 already in Tandem joined, 0 updated, 0 unchanged; the details of 1 person in other cohorts left as they were",
    );
  });

  it("says what an import did", () => {
    expect(auditSentence("nominations.imported", EXAMPLES["nominations.imported"], who)).toBe(
      "Fiona Marsden imported 12 nominations: 12 new to Tandem, 0 already in Tandem joined, 0 updated, 0 unchanged; 1 organisation created",
    );
  });
});
