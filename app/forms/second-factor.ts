// The forms of two-step verification: a code (from the app, or a recovery code), the profile's buttons, and an
// administrator's reset with its reason.
import { z } from "zod";
import { normaliseRecoveryCode, normaliseTotpCode } from "~/domain/second-factor";
import { byIntent, requiredText } from "./fields";

const APP_CODE = "Enter the 6-digit code from your authenticator app";
const RECOVERY_CODE = "Enter one of your recovery codes, like k3m9p-x7w2q";

/** A 6-digit code, or (with `recovery`) a recovery code; any other shape is a mistake to show, not a wrong code. */
export function codeField(recovery = false) {
  const message = recovery ? RECOVERY_CODE : APP_CODE;
  return z
    .string({ error: message })
    .trim()
    .max(40, message)
    .refine((code) => (recovery ? normaliseRecoveryCode(code) : normaliseTotpCode(code)) !== null, message);
}

export function codeSchema(recovery = false) {
  return z.object({ code: codeField(recovery) });
}

/** The confirm-it-is-you page: a code, either kind (the page says which it asks for). */
export const ConfirmSchema = z.object({
  code: z
    .string({ error: APP_CODE })
    .trim()
    .max(40, APP_CODE)
    .refine((code) => normaliseTotpCode(code) !== null || normaliseRecoveryCode(code) !== null, APP_CODE),
});

export const TwoStepProfileSchema = byIntent(
  {
    "set-up": {},
    "new-codes": { renewCode: codeField() },
    "turn-off": { offCode: codeField() },
  },
  "Choose what to change",
);

export const ResetSecondFactorSchema = z.object({
  reason: requiredText(500, {
    empty: "Enter why you are resetting their two-step verification",
    tooLong: "The reason must be 500 characters or fewer",
  }),
});
