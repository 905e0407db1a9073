// The cohort form, shared by "add a cohort" and "edit cohort details".
import { z } from "zod";
import { isMondayDate } from "~/domain/calendar";
import { COHORT_STATUSES, valuesOf } from "~/domain/vocabulary";
import { govukDate, requiredText, version, wholeNumber } from "./fields";

export const CohortSchema = z.object({
  name: requiredText(100, {
    empty: "Enter the cohort name",
    tooLong: "Cohort name must be 100 characters or fewer",
  }),
  startDate: govukDate({
    empty: "Enter the start date",
    invalid: "Start date must be a real date, like 4 1 2027",
    check: (date) => (isMondayDate(date) ? null : "Start date must be a Monday"),
  }),
  weeks: wholeNumber("weeks", 1, 52),
  teamCount: wholeNumber("teams", 1, 50),
  status: z.enum(valuesOf(COHORT_STATUSES), { error: "Select the cohort's status" }).default("planning"),
});

export const EditCohortSchema = CohortSchema.extend({ version });

export type CohortInput = z.output<typeof CohortSchema>;
