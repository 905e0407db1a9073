// The outcomes form: for each follow-up after the programme, the outcome of the team's solution and a note.
import { z } from "zod";
import { FOLLOW_UPS, type FollowUp, OUTCOME_STATUSES, valuesOf } from "~/domain/vocabulary";
import { optionalText } from "./fields";

export const OUTCOME_NOTE_MAX = 1000;

const FollowUpSchema = z.object({
  status: z.enum(valuesOf(OUTCOME_STATUSES), { error: "Select one of the outcomes" }).optional(),
  note: optionalText(OUTCOME_NOTE_MAX, `The note must be ${OUTCOME_NOTE_MAX} characters or fewer`),
  /** When the outcome the form shows was recorded: none when nothing was. */
  recordedAt: z.string().optional(),
});

const followUps = valuesOf(FOLLOW_UPS);

/**
 * Fields are named `<follow-up>.status`, `.note` and `.recordedAt`, like `3-months.status`. The rules across fields
 * run even when a field has failed (`when`), so every problem shows on the first submit.
 */
export const OutcomesSchema = z
  .object(
    Object.fromEntries(followUps.map((f) => [f, FollowUpSchema])) as Record<FollowUp, typeof FollowUpSchema>,
  )
  .superRefine(
    (form, ctx) => {
      for (const f of followUps)
        if (!form[f]?.status && form[f]?.note)
          ctx.addIssue({
            code: "custom",
            path: [f, "status"],
            message: `Select the outcome ${FOLLOW_UPS[f].toLowerCase()} the programme for this note`,
          });
      if (followUps.every((f) => !form[f]?.status && !form[f]?.note))
        ctx.addIssue({
          code: "custom",
          path: [followUps[0], "status"],
          message: "Select an outcome for at least one follow-up",
        });
    },
    { when: () => true },
  )
  .transform((form) =>
    followUps.flatMap((followUp) => {
      const { status, note, recordedAt } = form[followUp];
      return status ? [{ followUp, status, note, expectedRecordedAt: recordedAt ?? "" }] : [];
    }),
  );

export type OutcomesInput = z.output<typeof OutcomesSchema>;
