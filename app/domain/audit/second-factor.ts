// The audit actions of two-step verification: setting it up, wrong codes, recovery codes, turning it off, an
// administrator's reset, and confirming it is you before a dangerous action.
import { count, sentence } from "./define";

const DURING = {
  sign_in: "signing in",
  set_up: "setting up two-step verification",
  step_up: "confirming it was them",
  profile: "changing two-step verification",
} as const;

export const secondFactorAudit = {
  "second_factor.enrolled": sentence<Record<never, never>>(
    (_, who) => `${who.actor} set up two-step verification with an authenticator app`,
  ),
  "second_factor.code_failed": sentence<{ during: keyof typeof DURING; cancelled: boolean }>(
    (d, who) =>
      `A wrong code was entered for ${who.subject ?? "a person"} while ${DURING[d.during] ?? "signing in"}${d.cancelled ? ", and the sign-in was stopped after too many" : ""}`,
  ),
  "second_factor.recovery_code_used": sentence<{ left: number }>(
    (d, who) => `${who.actor} used a recovery code (${count(d.left, "code")} left)`,
  ),
  "second_factor.recovery_codes_replaced": sentence<Record<never, never>>(
    (_, who) => `${who.actor} made new recovery codes, so the earlier ones stopped working`,
  ),
  "second_factor.turned_off": sentence<Record<never, never>>(
    (_, who) => `${who.actor} turned off two-step verification`,
  ),
  "second_factor.reset": sentence<{ reason: string; passkeysRemoved?: number }>(
    (d, who) =>
      `${who.actor} reset the two-step verification of ${who.subject ?? "a person"}${d.passkeysRemoved ? ` (and removed ${d.passkeysRemoved === 1 ? "their passkey" : `their ${d.passkeysRemoved} passkeys`})` : ""} and signed them out. Reason given: ${d.reason}`,
  ),
  "second_factor.confirmed": sentence<Record<never, never>>(
    (_, who) => `${who.actor} confirmed it was them with a code`,
  ),
};
