// The passkey forms: a ceremony's two steps (asking for options, sending the authenticator's answer) and naming a
// passkey. The answer is the JSON @simplewebauthn/browser makes; ~/auth/passkeys.server reads its shape.
import { z } from "zod";
import { PASSKEY_NAME_MAX } from "~/domain/passkeys";
import { requiredText } from "./fields";

export const PasskeyCeremonySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options") }),
  z.object({
    intent: z.literal("verify"),
    credential: z.string().min(2).max(32_768),
    redirectTo: z.string().max(2_000).optional(),
  }),
]);

export const PasskeyNameSchema = z.object({
  name: requiredText(PASSKEY_NAME_MAX, {
    empty: "Enter a name for your passkey",
    tooLong: `Name must be ${PASSKEY_NAME_MAX} characters or fewer`,
  }),
});
