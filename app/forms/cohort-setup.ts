// The zod schemas of the cohort set-up forms (organisations, nominations, milestones, visits, attendance).
import { z } from "zod";
import { calendarDateFromParts, isTimeOfDay, parseDateList } from "~/domain/calendar";
import type { FieldErrors, FormResult, FormValues } from "~/forms/parse";
import { parseForm } from "~/forms/parse";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .optional()
    .transform((v) => v || null);

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || z.email().safeParse(v).success,
      `Enter ${label} in the correct format, like name@example.com`,
    );

const version = z
  .string()
  .optional()
  .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : 0));

export const OrganisationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the organisation's name")
    .max(100, "Name must be 100 characters or fewer"),
  sector: z.enum(["government", "industry"], { message: "Select the organisation's sector" }),
  kind: z
    .string()
    .trim()
    .min(1, "Enter the kind of organisation, like company")
    .max(50, "Kind must be 50 characters or fewer"),
  region: z.enum(["england-and-wales", "scotland", "northern-ireland"], {
    message: "Select the organisation's UK region",
  }),
  quota: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,3}$/.test(v), "Quota must be a whole number, like 2")
    .transform((v) => (v ? Number(v) : null)),
  hostsVisit: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
  address: optionalText(500, "Address"),
  contactName: optionalText(100, "Contact's name"),
  contactEmail: optionalEmail("the contact's email address"),
  unavailable: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = parseDateList(v ?? "");
      if (list.bad.length)
        ctx.addIssue({
          code: "custom",
          message: `“${list.bad[0]}” is not a date: write dates like 17/2/2027`,
        });
      return list.dates;
    }),
  organisationVersion: version,
  version,
});

export const NominationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the person's full name")
    .max(100, "Name must be 100 characters or fewer"),
  jobTitle: optionalText(100, "Job title"),
  profession: optionalText(100, "Profession"),
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : null)),
  releaseStatus: z
    .enum(["requested", "approved", "declined", "none"], { message: "Select the line manager's answer" })
    .default("none")
    .transform((v) => (v === "none" ? null : v)),
  lineManagerEmail: optionalEmail("the line manager's email address"),
  version,
});

export const WithdrawSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Enter why the person is withdrawing")
    .max(500, "Reason must be 500 characters or fewer"),
  version,
});

export const CancelVisitSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Enter why the visit is cancelled: everyone sees it in their calendar")
    .max(500, "Reason must be 500 characters or fewer"),
  version,
});

const VisitTextFields = z.object({
  startTime: z.string().trim().refine(isTimeOfDay, "Enter the start time as hours and minutes, like 10:00"),
  endTime: z.string().trim().refine(isTimeOfDay, "Enter the end time as hours and minutes, like 16:00"),
  address: optionalText(500, "Address"),
  agenda: optionalText(2000, "Agenda"),
  contactName: optionalText(100, "Contact's name"),
  contactEmail: optionalEmail("the contact's email address"),
  version,
});

/** The day, month and year boxes of a date field; the field's error, or the date. */
export function dateField(
  formData: FormData,
  name: string,
  label: string,
): { date: string | null; error: string | null } {
  const part = (p: string) => String(formData.get(`${name}-${p}`) ?? "");
  if (!part("day").trim() && !part("month").trim() && !part("year").trim())
    return { date: null, error: `Enter the ${label}` };
  const date = calendarDateFromParts(part("day"), part("month"), part("year"));
  return date
    ? { date, error: null }
    : { date: null, error: `The ${label} must be a real date, like 17 2 2027` };
}

export type VisitForm = z.output<typeof VisitTextFields> & { date: string };

export function parseVisitForm(formData: FormData): FormResult<VisitForm> {
  const fields = parseForm(formData, VisitTextFields);
  const date = dateField(formData, "date", "visit date");
  const errors: FieldErrors = {};
  if (date.error) errors.date = date.error;
  if (!fields.ok) Object.assign(errors, fields.errors);
  if (fields.ok && fields.data.endTime <= fields.data.startTime)
    errors.endTime = "The end time must be after the start time";
  if (!fields.ok || Object.keys(errors).length) return { ok: false, errors, values: fields.values };
  return { ok: true, data: { ...fields.data, date: date.date! }, values: fields.values };
}

export const VisitSettingsSchema = z
  .object({
    weekday: z
      .enum(["1", "2", "3", "4", "5"], { message: "Select the day of the week visits take place" })
      .transform(Number),
    startTime: z.string().trim().refine(isTimeOfDay, "Enter the start time as hours and minutes, like 10:00"),
    endTime: z.string().trim().refine(isTimeOfDay, "Enter the end time as hours and minutes, like 16:00"),
    version,
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    message: "The end time must be after the start time",
  });

/** The three boxes of a date input, filled from YYYY-MM-DD. */
export function dateParts(name: string, date: string): FormValues {
  const [year = "", month = "", day = ""] = date.split("-");
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
}
