// The company visit forms: change or move a visit, cancel it, record attendance, plan the visits and set their day.
import { z } from "zod";
import { isTimeOfDay } from "~/domain/calendar";
import { ATTENDANCE_STATUSES, valuesOf } from "~/domain/vocabulary";
import { govukDate, optionalText, recordId, requiredText, version } from "./fields";

function timeOfDay(which: "start" | "end", example: string) {
  const message = `Enter the ${which} time as hours and minutes, like ${example}`;
  return z.string({ error: message }).trim().refine(isTimeOfDay, message);
}

const optionalEmail = z
  .string()
  .trim()
  .max(254, "The contact's email address must be 254 characters or fewer")
  .email("Enter the contact's email address in the correct format, like name@example.com")
  .optional()
  .transform((v) => v ?? null);

type Times = { startTime: string; endTime: string };

/** The end after the start, checked (and reported with the other fields' errors) once both times are real. */
function endAfterStart<S extends z.ZodType<Times>>(schema: S) {
  return schema.refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    message: "The end time must be after the start time",
    when: ({ value }) => {
      const times = value as Partial<Record<keyof Times, unknown>>;
      return [times.startTime, times.endTime].every((t) => typeof t === "string" && isTimeOfDay(t.trim()));
    },
  });
}

/**
 * Changing or moving a visit. `dateProblem` is the visit's own rule for its date (a bank holiday where the host
 * is, outside the cohort), so it is reported with the other fields' errors.
 */
export function visitSchema(dateProblem: (date: string) => string | null = () => null) {
  return endAfterStart(
    z.object({
      date: govukDate({
        empty: "Enter the visit date",
        invalid: "The visit date must be a real date, like 17 2 2027",
        check: dateProblem,
      }),
      startTime: timeOfDay("start", "10:00"),
      endTime: timeOfDay("end", "16:00"),
      address: optionalText(500, "Address must be 500 characters or fewer"),
      agenda: optionalText(2000, "Agenda must be 2,000 characters or fewer"),
      contactName: optionalText(100, "Contact's name must be 100 characters or fewer"),
      contactEmail: optionalEmail,
      version,
    }),
  );
}

export type VisitInput = z.output<ReturnType<typeof visitSchema>>;

export const CancelVisitSchema = z.object({
  reason: requiredText(500, {
    empty: "Enter why the visit is cancelled: everyone sees it in their calendar",
    tooLong: "Reason must be 500 characters or fewer",
  }),
  version,
});

export type CancelVisitInput = z.output<typeof CancelVisitSchema>;

export const AttendanceSchema = z
  .object({
    attendance: z
      .array(
        z.object({
          personId: recordId("This form is out of date: reload the page and try again"),
          status: z
            .enum(valuesOf(ATTENDANCE_STATUSES), {
              error: "Select whether the participant attended, sent apologies or was absent",
            })
            .optional(),
        }),
      )
      .default([]),
  })
  .superRefine(({ attendance }, ctx) => {
    if (!attendance.some((row) => row.status))
      ctx.addIssue({
        code: "custom",
        path: ["attendance", 0, "status"],
        message: "Record at least one participant's attendance",
      });
  });

export type AttendanceInput = z.output<typeof AttendanceSchema>;

const visitSettings = z.object({
  weekday: z
    .number({ error: "Select the day of the week visits take place" })
    .int("Select the day of the week visits take place")
    .min(1, "Select the day of the week visits take place")
    .max(5, "Select the day of the week visits take place"),
  startTime: timeOfDay("start", "10:00"),
  endTime: timeOfDay("end", "16:00"),
  version,
});

export type VisitSettings = z.output<typeof visitSettings>;

/** The plan page's two buttons: save the proposed visits, or save the visits' day and times. */
export const PlanVisitsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save") }),
  endAfterStart(visitSettings.extend({ intent: z.literal("settings") })),
]);
