// The audit actions of accounts: signing in and out, setting passwords, calendar addresses, administrators and
// the demo data. Each action's details and its sentence in the audit log.
import { count, sentence } from "./define";

/** Events written by the command line carry `via: "cli"`. */

export const accountsAudit = {
  sign_in: sentence<Record<never, never>>((_, who) => `${who.actor} signed in`),
  "sign_in.failed": sentence<{ email: string }>((d) => `Someone failed to sign in as ${d.email}`),
  sign_out: sentence<Record<never, never>>((_, who) => `${who.actor} signed out`),
  "invitation.accepted": sentence<{ via?: string }>((d, who) =>
    d.via
      ? `${who.actor} accepted their invitation by signing in with ${d.via}`
      : `${who.actor} accepted their invitation and set a password`,
  ),
  "password.reset": sentence<Record<never, never>>((_, who) => `${who.actor} set a new password`),
  "calendar_feed.reset": sentence<Record<never, never>>(
    (_, who) => `${who.actor} made a new calendar address, turning off any earlier one`,
  ),
  "demo.seeded": sentence<{ people: number }>(
    (d, who) =>
      `${who.actor} filled the database with a demo cohort of ${count(d.people, "person", "people")}`,
  ),
};
