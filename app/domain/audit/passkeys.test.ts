import { describe, expect, it } from "vitest";
import { type AuditAction, type AuditDetails, auditSentence } from "./index";
import { passkeysAudit } from "./passkeys";

const who = { actor: "Sam Okafor", subject: "Sam Okafor" };

const EXAMPLES: { [A in keyof typeof passkeysAudit]: AuditDetails<A> } = {
  "passkey.registered": { name: "Work laptop" },
  "passkey.registration_failed": { reason: "the challenge was unknown, expired or already used" },
  "passkey.renamed": { from: "Passkey added 2 December 2026 at 5:58pm", to: "Phone" },
  "passkey.removed": { name: "Phone" },
  "sign_in.passkey": { passkey: "Work laptop" },
  "sign_in.passkey_failed": { reason: "the passkey is not registered with Tandem" },
  "passkey.confirmed": { passkey: "Work laptop" },
  "passkey.confirm_failed": { reason: "the passkey belongs to someone else" },
};

describe("the audit sentences of passkeys", () => {
  it.each(Object.keys(passkeysAudit))("%s reads as a plain sentence", (action) => {
    const text = auditSentence(action, EXAMPLES[action as AuditAction & keyof typeof EXAMPLES], who);
    expect(text).not.toMatch(/undefined|null|\[object|_/);
    expect(text.length).toBeGreaterThan(10);
  });

  it("says why a sign-in with a passkey was refused", () => {
    expect(
      auditSentence("sign_in.passkey_failed", { reason: "the passkey belongs to someone else" }, who),
    ).toBe("Someone failed to sign in with a passkey: the passkey belongs to someone else");
  });
});
