// The zod schemas of the cohort set-up forms (organisations, nominations, milestones, visits, attendance).
import { z } from "zod";
import { parseDateList, weekOfDate } from "~/domain/calendar";
import { REGIONS, RELEASE_STATUSES, SECTORS, valuesOf } from "~/domain/vocabulary";
import {
  version as formVersion,
  govukDate,
  optionalText as optionalBoundedText,
  optionalRecordId,
  requiredText,
} from "./fields";

const _optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .optional()
    .transform((v) => v || null);

const _optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || z.email().safeParse(v).success,
      `Enter ${label} in the correct format, like name@example.com`,
    );

const _version = z
  .string()
  .optional()
  .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : 0));

/** An email address that may be left out (null when it is). */
const optionalEmailAddress = (label: string) =>
  z
    .string()
    .trim()
    .max(254, `${label} must be 254 characters or fewer`)
    .email(`Enter ${label.toLowerCase()} in the correct format, like name@example.com`)
    .optional()
    .transform((v) => v ?? null);

/** Dates typed one a line ("17/2/2027"), as calendar dates. */
const dateList = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const list = parseDateList(text ?? "");
    if (list.bad.length) {
      ctx.issues.push({
        code: "custom",
        message: `“${list.bad[0]}” is not a date: write dates like 17/2/2027`,
        input: text,
      });
      return z.NEVER;
    }
    return list.dates;
  });

export const OrganisationSchema = z.object({
  name: requiredText(100, {
    empty: "Enter the organisation's name",
    tooLong: "Name must be 100 characters or fewer",
  }),
  sector: z.enum(valuesOf(SECTORS), { error: "Select the organisation's sector" }),
  kind: requiredText(50, {
    empty: "Enter the kind of organisation, like company",
    tooLong: "Kind must be 50 characters or fewer",
  }),
  region: z.enum(valuesOf(REGIONS), { error: "Select the organisation's UK region" }),
  quota: z
    .number({ error: "Quota must be a whole number, like 2" })
    .int("Quota must be a whole number, like 2")
    .min(0, "Quota must be a whole number, like 2")
    .max(999, "Quota must be 999 or fewer")
    .optional()
    .transform((v) => v ?? null),
  hostsVisit: z
    .literal("yes", { error: "Select whether it hosts a visit" })
    .optional()
    .transform((v) => v === "yes"),
  address: optionalBoundedText(500, "Address must be 500 characters or fewer"),
  contactName: optionalBoundedText(100, "Contact's name must be 100 characters or fewer"),
  contactEmail: optionalEmailAddress("The contact's email address"),
  unavailable: dateList,
});

export const EditOrganisationSchema = OrganisationSchema.extend({
  version: formVersion,
  organisationVersion: formVersion,
});

export type OrganisationInput = z.output<typeof OrganisationSchema>;

/** "none" stands for a line manager not asked yet. */
export const RELEASE_ANSWERS = ["none", ...valuesOf(RELEASE_STATUSES)] as const;

export const NominationFields = z.object({
  name: requiredText(100, {
    empty: "Enter the person's full name",
    tooLong: "Name must be 100 characters or fewer",
  }),
  jobTitle: optionalBoundedText(100, "Job title must be 100 characters or fewer"),
  profession: optionalBoundedText(100, "Profession must be 100 characters or fewer"),
  organisationId: optionalRecordId,
  releaseStatus: z
    .enum(RELEASE_ANSWERS, { error: "Select the line manager's answer" })
    .default("none")
    .transform((v) => (v === "none" ? null : v)),
  lineManagerEmail: optionalEmailAddress("The line manager's email address"),
  version: formVersion,
});

export type NominationInput = z.output<typeof NominationFields>;

export const WithdrawFields = z.object({
  reason: requiredText(500, {
    empty: "Enter why the person is withdrawing",
    tooLong: "Reason must be 500 characters or fewer",
  }),
  version: formVersion,
});

/** The nomination page's three buttons: save the details, withdraw the person, bring them back. */
export const NominationActionSchema = z.discriminatedUnion(
  "intent",
  [
    NominationFields.extend({ intent: z.literal("save") }),
    WithdrawFields.extend({ intent: z.literal("withdraw") }),
    z.object({ intent: z.literal("reinstate"), version: formVersion }),
  ],
  { error: "Choose to save the changes, withdraw the person or bring them back" },
);

/** Moving a milestone: the new date must fall within the cohort's weeks. */
export function milestoneSchema(cohort: { start_date: string; weeks: number }) {
  return z.object({
    date: govukDate({
      empty: "Enter the date",
      invalid: "The date must be a real date, like 17 2 2027",
      check: (date) =>
        weekOfDate(cohort.start_date, cohort.weeks, date) === null
          ? "The date must be during the cohort"
          : null,
    }),
    version: formVersion,
  });
}

/** Confirming an import: the checked file again, the organisations to create and each one's region. */
export const ConfirmImportSchema = z.object({
  csv: z.string({ error: "Select a CSV file of nominations" }),
  fileName: z.string().default(""),
  create: z.array(z.string()).default([]),
  regions: z.array(z.string().optional()).default([]),
  /** The organisations the coordinator confirms may go over their nomination quota. */
  overQuota: z.array(z.string()).default([]),
});
