// Accounts: signing in and out, setting a password from a one-time link, the personal calendar address, and what
// the command line does to accounts (appointing an administrator, a reset link, the demo data).
import type { LinkPurpose } from "~/domain/vocabulary";
import { clearSignInFailures, recordSignInFailure, redeemOneTimeLink } from "~/models/account.server";
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { command, invalid, ok, type Tx } from "./runner.server";

/**
 * The right password: earlier failures of this email from this address are forgotten (those from elsewhere still
 * count). The actor is the person signing in.
 */
export const signIn = command({
  async execute(c, input: { personId: number; email: string; address: string }) {
    await clearSignInFailures(c.tx, input.email, input.address);
    c.audit({ action: "sign_in", subjectType: "person", subjectId: input.personId, details: {} });
    return ok();
  },
});

/** A wrong password or an unknown email: counted by the sign-in throttle, for the pair, the email and the address. */
export const failSignIn = command({
  async execute(c, input: { email: string; address: string; personId: number | null }) {
    await recordSignInFailure(c.tx, input.email, input.address);
    c.audit({
      action: "sign_in.failed",
      subjectType: "person",
      subjectId: input.personId,
      details: { email: input.email.toLowerCase() },
    });
    return ok();
  },
});

export const signOut = command({
  async execute(c, input: { personId: number }) {
    c.audit({ action: "sign_out", subjectType: "person", subjectId: input.personId, details: {} });
    return ok();
  },
});

type SetPassword = { linkId: number; personId: number; purpose: LinkPurpose; passwordHash: string };

/** Uses the one-time link: an invitation accepted or a password reset. */
export const setPassword = command({
  async execute(c, input: SetPassword) {
    if (!(await redeemOneTimeLink(c.tx, input.linkId, input.personId, input.passwordHash)))
      return invalid("password", "This link has just been used. Ask for a new one.");
    c.audit({
      action: input.purpose === "invite" ? "invitation.accepted" : "password.reset",
      subjectType: "person",
      subjectId: input.personId,
      details: {},
    });
    return ok();
  },
});

/** A new personal calendar address; any earlier one stops working. Answers the token, shown once. */
export const newCalendarAddress = command({
  async execute(c, input: { personId: number }) {
    const token = await resetCalendarFeed(c.tx, input.personId);
    c.audit({ action: "calendar_feed.reset", subjectType: "person", subjectId: input.personId, details: {} });
    return ok({ token });
  },
});

/** Fills the database with the demo cohort (`seed` writes it) and records that it did, in one transaction. */
export const seedDemoData = command({
  async execute(c, input: { seed: (tx: Tx) => Promise<{ cohortId: number; people: number }> }) {
    const seeded = await input.seed(c.tx);
    c.audit({
      action: "demo.seeded",
      subjectType: "cohort",
      subjectId: seeded.cohortId,
      cohortId: seeded.cohortId,
      details: { people: seeded.people },
    });
    return ok(seeded);
  },
});
