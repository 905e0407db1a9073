// The pitch day's details: date, start time, where, how long each slot lasts, a break, and feedback attribution.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, DateInput, Input, Radios } from "~/components/govuk";
import { calendarDateFromParts } from "~/domain/calendar";
import { parseClockTime } from "~/domain/pitch-day";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { createPitchEvent, type EventInput, getPitchEvent, updatePitchEvent } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Pitch day details");
export const ErrorBoundary = RouteErrorBoundary;

const minutes = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label} in minutes`)
    .regex(/^\d+$/, `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number of minutes`)
    .transform(Number)
    .refine(
      (n) => n >= min && n <= max,
      `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max} minutes`,
    );

const EventSchema = z
  .object({
    "date-day": z.string().default(""),
    "date-month": z.string().default(""),
    "date-year": z.string().default(""),
    startTime: z
      .string()
      .trim()
      .min(1, "Enter the start time")
      .refine((v) => parseClockTime(v) !== null, "Start time must be a 24-hour time, like 10:00 or 13:30"),
    venue: z.string().trim().max(200, "Venue must be 200 characters or fewer").default(""),
    onlineLink: z
      .string()
      .trim()
      .max(500, "Online link must be 500 characters or fewer")
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "Online link must start with https://")
      .default(""),
    pitchMinutes: minutes("pitch length", 1, 120),
    questionsMinutes: minutes("questions length", 0, 120),
    changeoverMinutes: minutes("changeover", 0, 120),
    breakAfter: z
      .string()
      .trim()
      .regex(/^\d*$/, "Break after must be the number of a slot, like 3")
      .default(""),
    breakMinutes: minutes("break length", 0, 240)
      .or(z.literal("").transform(() => 0))
      .default(0),
    feedbackAttribution: z.enum(["attributed", "anonymous"], {
      message: "Choose whether teams see who wrote their feedback",
    }),
    version: z.string().regex(/^\d+$/).transform(Number).default(0),
  })
  .superRefine((v, ctx) => {
    const date = calendarDateFromParts(v["date-day"], v["date-month"], v["date-year"]);
    if (!date)
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message:
          v["date-day"] || v["date-month"] || v["date-year"]
            ? "Date must be a real date, like 25 3 2027"
            : "Enter the date of the pitch day",
      });
    if (!v.venue && !v.onlineLink)
      ctx.addIssue({ code: "custom", path: ["venue"], message: "Enter a venue or an online link" });
  });

/** The error summary lists fields in the order of the form. */
const ORDER = [
  "date",
  "startTime",
  "venue",
  "onlineLink",
  "pitchMinutes",
  "questionsMinutes",
  "changeoverMinutes",
  "breakAfter",
  "breakMinutes",
  "feedbackAttribution",
];
const ordered = (errors: FieldErrors) =>
  Object.fromEntries(ORDER.filter((k) => errors[k]).map((k) => [k, errors[k]!]));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const event = await getPitchEvent(context.db, cohort.id);
  return { cohort, event: event ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const form = parseForm(await request.formData(), EventSchema);
  if (!form.ok) return data({ errors: ordered(form.errors), values: form.values }, { status: 400 });
  const v = form.data;
  const input: EventInput = {
    date: calendarDateFromParts(v["date-day"], v["date-month"], v["date-year"])!,
    startTime: v.startTime.padStart(5, "0"),
    venue: v.venue || null,
    onlineLink: v.onlineLink || null,
    pitchMinutes: v.pitchMinutes,
    questionsMinutes: v.questionsMinutes,
    changeoverMinutes: v.changeoverMinutes,
    breakAfter: v.breakAfter ? Number(v.breakAfter) : null,
    breakMinutes: v.breakMinutes,
    feedbackAttribution: v.feedbackAttribution,
  };
  const db = context.db;
  const saved = await db.transaction().execute(async (tx) => {
    const existing = await getPitchEvent(tx, cohort.id);
    let eventId: number;
    if (!existing) {
      if (v.version !== 0) return false;
      eventId = (await createPitchEvent(tx, cohort.id, input)).id;
    } else {
      if (!(await updatePitchEvent(tx, existing.id, input, v.version))) return false;
      eventId = existing.id;
    }
    await recordAudit(tx, {
      actorId: user.personId,
      action: existing ? "pitch_day.updated" : "pitch_day.created",
      subjectType: "pitch_event",
      subjectId: eventId,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { ...input },
    });
    return true;
  });
  if (!saved)
    return data(
      {
        errors: {
          date: "Someone else saved the pitch day details while you were editing them. Your changes are kept below: check them and save again to replace theirs.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}/pitch-day`, "Pitch day details saved");
}

function initialValues(event: Awaited<ReturnType<typeof loader>>["event"]): FormValues {
  if (!event)
    return {
      startTime: "10:00",
      pitchMinutes: "10",
      questionsMinutes: "5",
      changeoverMinutes: "5",
      breakMinutes: "15",
      feedbackAttribution: "attributed",
    };
  const [year, month, day] = event.date.split("-");
  return {
    "date-day": String(Number(day)),
    "date-month": String(Number(month)),
    "date-year": year ?? "",
    startTime: event.start_time,
    venue: event.venue ?? "",
    onlineLink: event.online_link ?? "",
    pitchMinutes: String(event.pitch_minutes),
    questionsMinutes: String(event.questions_minutes),
    changeoverMinutes: String(event.changeover_minutes),
    breakAfter: event.break_after === null ? "" : String(event.break_after),
    breakMinutes: String(event.break_minutes),
    feedbackAttribution: event.feedback_attribution,
  };
}

export default function PitchDayDetails() {
  const { cohort, event } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as FieldErrors | undefined;
  const values = (actionData?.values as FormValues | undefined) ?? initialValues(event);
  const value = (name: string) => fieldValue(values, name);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/pitch-day`}>Back to the pitch day</BackLink>
        <FormErrorSummary
          errors={errors}
          ids={{ date: "date-day", feedbackAttribution: "feedbackAttribution" }}
        />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Pitch day details
        </h1>
        <Form method="post" noValidate key={event?.version ?? 0}>
          <input type="hidden" name="version" value={event?.version ?? 0} />
          <DateInput
            id="date"
            namePrefix="date"
            legend="Date"
            legendSize="s"
            hint="For example, 25 3 2027"
            values={{ day: value("date-day"), month: value("date-month"), year: value("date-year") }}
            error={errors?.date}
          />
          <Input
            id="startTime"
            name="startTime"
            label="Start time"
            hint="24-hour clock, London time, for example 10:00"
            width="5"
            defaultValue={value("startTime")}
            error={errors?.startTime}
          />
          <Input
            id="venue"
            name="venue"
            label="Venue"
            hint="Leave empty if the pitches are online only"
            defaultValue={value("venue")}
            error={errors?.venue}
          />
          <Input
            id="onlineLink"
            name="onlineLink"
            label="Online link (optional)"
            type="url"
            spellCheck={false}
            defaultValue={value("onlineLink")}
            error={errors?.onlineLink}
          />
          <Input
            id="pitchMinutes"
            name="pitchMinutes"
            label="Length of each pitch"
            inputMode="numeric"
            width="3"
            suffix="minutes"
            defaultValue={value("pitchMinutes")}
            error={errors?.pitchMinutes}
          />
          <Input
            id="questionsMinutes"
            name="questionsMinutes"
            label="Questions after each pitch"
            inputMode="numeric"
            width="3"
            suffix="minutes"
            defaultValue={value("questionsMinutes")}
            error={errors?.questionsMinutes}
          />
          <Input
            id="changeoverMinutes"
            name="changeoverMinutes"
            label="Changeover between teams"
            inputMode="numeric"
            width="3"
            suffix="minutes"
            defaultValue={value("changeoverMinutes")}
            error={errors?.changeoverMinutes}
          />
          <Input
            id="breakAfter"
            name="breakAfter"
            label="Break after slot (optional)"
            hint="The number of the slot the break follows, for example 3. Leave empty for no break."
            inputMode="numeric"
            width="3"
            defaultValue={value("breakAfter")}
            error={errors?.breakAfter}
          />
          <Input
            id="breakMinutes"
            name="breakMinutes"
            label="Length of the break"
            inputMode="numeric"
            width="3"
            suffix="minutes"
            defaultValue={value("breakMinutes")}
            error={errors?.breakMinutes}
          />
          <Radios
            name="feedbackAttribution"
            legend="When feedback is released, do teams see who wrote it?"
            legendSize="s"
            items={[
              { value: "attributed", text: "Yes, with each leader's name and organisation" },
              { value: "anonymous", text: "No, feedback is anonymous" },
            ]}
            defaultValue={value("feedbackAttribution")}
            error={errors?.feedbackAttribution}
          />
          <Button>Save pitch day details</Button>
        </Form>
      </div>
    </div>
  );
}
