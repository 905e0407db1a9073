// The invitation form: a person's name, email, role in the cohort and, optionally, organisation and work.
import { z } from "zod";
import { COHORT_ROLES, type CohortRole, valuesOf } from "~/domain/vocabulary";
import { emailAddress, optionalRecordId, optionalText, requiredText } from "./fields";

export const ROLES = valuesOf(COHORT_ROLES);

/** The order pages list roles in: the people taking part first, then those who run and sponsor the cohort. */
export const ROLES_IN_PAGE_ORDER: CohortRole[] = [
  "participant",
  "mentor",
  "leader",
  "coordinator",
  "sponsor",
];

/** Roles only a system administrator may give: a coordinator runs the cohort and sees everyone's details. */
const ADMINISTRATORS_ONLY: readonly CohortRole[] = ["coordinator"];

/** The roles someone may give in a cohort they manage. */
export function rolesAppointableBy(user: { isAdmin: boolean }): CohortRole[] {
  return ROLES_IN_PAGE_ORDER.filter((role) => user.isAdmin || !ADMINISTRATORS_ONLY.includes(role));
}

export const InviteSchema = z.object({
  name: requiredText(100, {
    empty: "Enter the person's full name",
    tooLong: "Name must be 100 characters or fewer",
  }),
  email: emailAddress("Enter the person's email address"),
  role: z.enum(ROLES, { error: "Select the person's role in this cohort" }),
  organisationId: optionalRecordId,
  jobTitle: optionalText(100, "Job title must be 100 characters or fewer"),
  profession: optionalText(100, "Profession must be 100 characters or fewer"),
});

export type InviteInput = z.output<typeof InviteSchema>;
