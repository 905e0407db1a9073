// The programme forms: "create a programme" and "edit programme" share the fields; the retention period has its own.
import { z } from "zod";
import { optionalRecordId, optionalText, requiredText } from "./fields";

export const ProgrammeSchema = z.object({
  name: requiredText(100, {
    empty: "Enter the programme name",
    tooLong: "Programme name must be 100 characters or fewer",
  }),
  description: optionalText(2000, "Description must be 2,000 characters or fewer"),
  sponsorOrganisationId: optionalRecordId,
});

/** A programme's last change time is its version: the form carries the one it was drawn from. */
const updatedAt = z.string({ error: "This form is out of date: reload the page and try again" });

/** The edit page's one box: everyone in the programme must use two-step verification (unticked: not sent). */
export const EditProgrammeSchema = ProgrammeSchema.extend({
  updatedAt,
  requireSecondFactor: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});

export type ProgrammeInput = z.output<typeof ProgrammeSchema>;

const RETENTION_RANGE =
  "The retention period must be at least 1 month: people's data cannot be kept for zero or fewer months after a cohort ends";

export const RetentionSchema = z.object({
  months: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? "Enter the retention period in months"
          : "The retention period must be a whole number of months, like 24",
    })
    .int("The retention period must be a whole number of months, like 24")
    .min(1, RETENTION_RANGE)
    .max(120, "The retention period must be 120 months (10 years) or fewer"),
  updatedAt,
});
