import { describe, expect, it } from "vitest";
import { type AuditAction, type AuditDetails, auditSentence } from "./index";
import { secondFactorAudit } from "./second-factor";

const who = { actor: "Ada Admin", subject: "Sam Okafor" };

const EXAMPLES: { [A in AuditAction]?: AuditDetails<A> } = {
  "second_factor.enrolled": {},
  "second_factor.code_failed": { during: "sign_in", cancelled: true },
  "second_factor.recovery_code_used": { left: 9 },
  "second_factor.recovery_codes_replaced": {},
  "second_factor.turned_off": {},
  "second_factor.reset": { reason: "Lost phone, confirmed by phone call" },
  "second_factor.confirmed": {},
};

describe("the audit sentences of two-step verification", () => {
  it.each(Object.keys(secondFactorAudit))("%s reads as a plain sentence", (action) => {
    const details = EXAMPLES[action as AuditAction];
    expect(details, `an example for ${action}`).toBeDefined();
    const text = auditSentence(action, details, who);
    expect(text).not.toMatch(/undefined|null|\[object|_/);
    expect(text.length).toBeGreaterThan(10);
  });

  it("says whose code was wrong, where, and when the sign-in was stopped", () => {
    expect(auditSentence("second_factor.code_failed", { during: "step_up", cancelled: false }, who)).toBe(
      "A wrong code was entered for Sam Okafor while confirming it was them",
    );
    expect(auditSentence("second_factor.reset", { reason: "Lost phone" }, who)).toBe(
      "Ada Admin reset the two-step verification of Sam Okafor and signed them out. Reason given: Lost phone",
    );
  });
});
