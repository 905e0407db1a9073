import { describe, expect, it } from "vitest";
import { type AuditDetails, auditSentence } from "./index";
import type { visitsAudit } from "./visits";

const who = { actor: "Fiona Marsden", subject: null };

const change = { from: "2027-01-20", to: "2027-02-03", startTime: "09:30", endTime: "15:30" };

const EXAMPLES: { [A in keyof typeof visitsAudit]: AuditDetails<A> } = {
  "visit.moved": { host: "Kestrel Systems", ...change },
  "visit.updated": { host: "Kestrel Systems", ...change, from: change.to },
  "visit.cancelled": { host: "Kestrel Systems", reason: "Office move", date: "2027-02-03" },
  "visit.attendance_recorded": { host: "Kestrel Systems", attended: 5, apologies: 1, absent: 0 },
  "visits.planned": {
    visits: [
      { host: "Kestrel Systems", date: "2027-01-20" },
      { host: "Thistle Networks", date: "2027-01-20" },
    ],
    doubledWeeks: [3],
  },
  "visits.confirmed": { count: 2 },
  "cohort.visit_settings_updated": { weekday: 3, startTime: "10:00", endTime: "16:00" },
};

describe("the audit sentences of company visits", () => {
  it.each(Object.entries(EXAMPLES))("%s reads as a plain sentence", (action, details) => {
    const text = auditSentence(action, details, who);
    expect(text).toMatch(/^Fiona Marsden [a-z]/);
    expect(text).not.toMatch(/undefined|null|NaN|\[object|[a-z]+\.[a-z_]+/);
  });

  it("reads events stored before the host was recorded", () => {
    expect(auditSentence("visit.moved", change, who)).toBe(
      "Fiona Marsden moved a visit from 20 January 2027 to 3 February 2027, 9:30am to 3:30pm",
    );
    expect(auditSentence("visit.cancelled", { reason: "Office move", date: "2027-02-03" }, who)).toBe(
      "Fiona Marsden cancelled a visit on 3 February 2027: Office move",
    );
  });

  it("says what was planned and confirmed", () => {
    expect(auditSentence("visits.planned", EXAMPLES["visits.planned"], who)).toBe(
      "Fiona Marsden planned 2 company visits (Kestrel Systems on 20 January 2027, Thistle Networks on 20 January 2027), with two visits in week 3",
    );
    expect(auditSentence("visits.confirmed", { count: 1 }, who)).toBe(
      "Fiona Marsden confirmed 1 planned visit with their hosts",
    );
    expect(
      auditSentence("cohort.visit_settings_updated", EXAMPLES["cohort.visit_settings_updated"], who),
    ).toBe("Fiona Marsden set company visits to Wednesdays, 10am to 4pm");
  });
});
