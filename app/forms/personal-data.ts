// The form to anonymise a person: one box to confirm they asked (or their retention period has ended).
import { z } from "zod";

export const AnonymiseSchema = z.object({
  confirm: z.literal("yes", { error: "Confirm that the person asked to be anonymised" }),
});
