// The zod pieces every form is built from. Conform (parseWithZod) has already turned empty inputs into undefined
// and numbers' text into numbers, so each piece says what to write when a field is missing or wrong, as a plain
// sentence about the field.
import { z } from "zod";
import { calendarDateFromParts } from "~/domain/calendar";

/** Text that must be given: trimmed, at most `max` characters. */
export function requiredText(max: number, messages: { empty: string; tooLong: string }) {
  return z.string({ error: messages.empty }).trim().min(1, messages.empty).max(max, messages.tooLong);
}

/** Text that may be left out (null when it is). */
export function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || null);
}

export function emailAddress(empty = "Enter an email address") {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.com");
}

/** A whole number between `min` and `max`, named in the messages ("Enter the number of weeks"). */
export function wholeNumber(label: string, min: number, max: number, example = min === 1 ? 12 : min) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? `Enter the number of ${label}`
          : `Number of ${label} must be a whole number, like ${example}`,
    })
    .int(`Number of ${label} must be a whole number, like ${example}`)
    .min(min, `Number of ${label} must be between ${min} and ${max}`)
    .max(max, `Number of ${label} must be between ${min} and ${max}`);
}

/** The largest id or version a record can have (PostgreSQL's integer); a larger number names no record. */
export const MAX_ID = 2_147_483_647;

/** The record version the form was drawn from, for the optimistic concurrency check. */
export const version = z
  .number({ error: "This form is out of date: reload the page and try again" })
  .int()
  .min(0)
  .max(MAX_ID, "This form is out of date: reload the page and try again");

/** A record's id chosen in the form (a select or radios). */
export function recordId(message: string) {
  return z.number({ error: message }).int(message).positive(message).max(MAX_ID, message);
}

/** An optional record id: none chosen is null. */
export const optionalRecordId = z
  .number()
  .int()
  .positive()
  .max(MAX_ID)
  .optional()
  .transform((v) => v ?? null);

/**
 * The GOV.UK date input (inputs named `${field}.day`, `.month`, `.year`) as a calendar date `YYYY-MM-DD`.
 * `check` adds a rule of the form's own ("must be a Monday"), returning the message or null.
 */
export function govukDate(messages: {
  empty: string;
  invalid: string;
  check?: (date: string) => string | null;
}) {
  const part = z.union([z.string(), z.number()]).optional();
  return z
    .object({ day: part, month: part, year: part }, { error: messages.empty })
    .optional()
    .transform((parts, ctx) => {
      const [day, month, year] = [parts?.day, parts?.month, parts?.year].map((p) =>
        p === undefined ? "" : String(p),
      );
      if (!day && !month && !year) {
        ctx.issues.push({ code: "custom", message: messages.empty, input: parts });
        return z.NEVER;
      }
      const date = calendarDateFromParts(day!, month!, year!);
      const problem = date ? (messages.check?.(date) ?? null) : messages.invalid;
      if (problem || !date) {
        ctx.issues.push({ code: "custom", message: problem ?? messages.invalid, input: parts });
        return z.NEVER;
      }
      return date;
    });
}

/** A calendar date as the three boxes of the GOV.UK date input show it. */
export function dateParts(date: string | null | undefined) {
  if (!date) return undefined;
  const [year, month, day] = date.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
}

/**
 * The schema of a form with several buttons, each `name="intent"`: the fields each button submits, by its value.
 * `submission.value.intent` then tells which button was pressed; any other intent fails with `error`.
 */
export function byIntent<const T extends Record<string, z.ZodRawShape>>(fieldsByIntent: T, error: string) {
  type Option = { [I in keyof T & string]: z.ZodObject<{ intent: z.ZodLiteral<I> } & T[I]> }[keyof T &
    string];
  const options = Object.entries(fieldsByIntent).map(([intent, fields]) =>
    z.object({ intent: z.literal(intent), ...fields }),
  );
  return z.discriminatedUnion("intent", options as [Option, ...Option[]], { error });
}
