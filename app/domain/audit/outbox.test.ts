import { describe, expect, it } from "vitest";
import { auditSentence } from "./index";
import type { outboxAudit } from "./outbox";

const EXAMPLES: { [A in keyof typeof outboxAudit]: Parameters<(typeof outboxAudit)[A]>[0] } = {
  "password.reset_requested": {},
  "email.resent": { kind: "invitation", subject: "You are invited to Tech Connect 2027" },
};

describe("the audit sentences of email", () => {
  for (const [action, details] of Object.entries(EXAMPLES)) {
    it(`reads ${action} as a plain sentence`, () => {
      const text = auditSentence(action, details, { actor: "Fiona Marsden", subject: "Priya Shah" });
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      expect(text).not.toMatch(/\b[a-z]+\.[a-z_]+\b/);
    });
  }

  it("says that someone signed out asked for a reset link, for whom", () => {
    expect(auditSentence("password.reset_requested", {}, { actor: "Tandem", subject: "Priya Shah" })).toBe(
      "Someone asked the forgotten password page to email Priya Shah a link to reset their password",
    );
  });

  it("names the email sent again and its kind", () => {
    expect(
      auditSentence("email.resent", EXAMPLES["email.resent"], { actor: "Fiona Marsden", subject: null }),
    ).toBe(
      "Fiona Marsden queued the email “You are invited to Tech Connect 2027” (invitation to a cohort) to be sent again",
    );
    expect(
      auditSentence(
        "email.resent",
        { kind: "password_reset", subject: "Reset your Tandem password", via: "cli" },
        { actor: "Tandem", subject: null },
      ),
    ).toBe(
      "Tandem queued the email “Reset your Tandem password” (password reset) to be sent again, from the command line",
    );
  });
});
