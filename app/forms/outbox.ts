// The Outbox page's filter (a GET form: a status, a page; anything that makes no sense is ignored) and its one
// button, sending an email again.
import { z } from "zod";
import { MESSAGE_STATUSES, valuesOf } from "~/domain/vocabulary";

const ignoredIfWrong = <T extends z.ZodType>(type: T) => type.optional().catch(undefined);

export const OutboxFilterSchema = z.object({
  status: ignoredIfWrong(z.enum(valuesOf(MESSAGE_STATUSES))),
  page: ignoredIfWrong(z.number().int().min(1)),
});

export const SendAgainSchema = z.object({
  intent: z.literal("send-again", { error: "Choose what to do with this email" }),
});
