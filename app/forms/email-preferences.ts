// The profile's email choices: a box per kind of email people can turn off; the ticked ones stay on.
import { z } from "zod";
import { OPTIONAL_MESSAGE_KINDS } from "~/domain/mail/preferences";
import type { MessageKind } from "~/domain/vocabulary";

export const EmailPreferencesSchema = z.object({
  intent: z.literal("email-preferences"),
  wanted: z
    .array(
      z.enum(OPTIONAL_MESSAGE_KINDS as [MessageKind, ...MessageKind[]], { error: "Choose from the list" }),
    )
    .default([]),
});
