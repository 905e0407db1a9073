// The zod schemas of the forms that more than one route posts.
import { z } from "zod";
import { calendarDateFromParts, isMondayDate } from "~/domain/calendar";
import { type FieldErrors, type FormResult, parseForm } from "~/forms/parse";

const text = (max: number, empty: string, tooLong: string) =>
  z.string().trim().min(1, empty).max(max, tooLong);

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : null));

function wholeNumber(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .min(1, `Enter the number of ${label}`)
    .regex(/^\d+$/, `Number of ${label} must be a whole number, like ${min === 1 ? 12 : min}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Number of ${label} must be between ${min} and ${max}`);
}

export const COHORT_STATUSES = ["planning", "running", "finished"] as const;

const CohortFields = z.object({
  name: text(100, "Enter the cohort name", "Cohort name must be 100 characters or fewer"),
  weeks: wholeNumber("weeks", 1, 52),
  teamCount: wholeNumber("teams", 1, 50),
  status: z.enum(COHORT_STATUSES, { message: "Select the cohort's status" }).default("planning"),
  version: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : 0)),
});

/** Why the three boxes of a start date are not acceptable, or null. */
export function startDateProblem(day: string, month: string, year: string): string | null {
  if (!day.trim() && !month.trim() && !year.trim()) return "Enter the start date";
  const date = calendarDateFromParts(day, month, year);
  if (!date) return "Start date must be a real date, like 4 1 2027";
  if (!isMondayDate(date)) return "Start date must be a Monday";
  return null;
}

export type CohortForm = z.output<typeof CohortFields> & { startDate: string };

/** Validates the cohort form, reporting every field's problem at once (the date is checked separately). */
export function parseCohortForm(formData: FormData): FormResult<CohortForm> {
  const fields = parseForm(formData, CohortFields);
  const part = (name: string) => String(formData.get(`startDate-${name}`) ?? "");
  const dateProblem = startDateProblem(part("day"), part("month"), part("year"));
  const errors: FieldErrors = {};
  for (const key of ["name", "startDate", "weeks", "teamCount", "status"]) {
    const message = key === "startDate" ? dateProblem : fields.ok ? null : fields.errors[key];
    if (message) errors[key] = message;
  }
  if (!fields.ok || dateProblem) return { ok: false, errors, values: fields.values };
  const startDate = calendarDateFromParts(part("day"), part("month"), part("year"))!;
  return { ok: true, data: { ...fields.data, startDate }, values: fields.values };
}
