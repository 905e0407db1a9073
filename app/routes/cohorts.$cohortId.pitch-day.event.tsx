import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { savePitchDayDetails } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, DateInput, Input, Radios } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { OnceOnly } from "~/components/OnceOnly";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { todayInLondon } from "~/domain/calendar";
import type { FeedbackAttribution } from "~/domain/vocabulary";
import { dateParts } from "~/forms/fields";
import { eventSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, pitchingTeamCount } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Pitch day details");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const [event, pitching] = await Promise.all([
    getPitchEvent(context.db, cohort.id),
    pitchingTeamCount(context.db, cohort),
  ]);
  return { cohort, event: event ?? null, ...pitching };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const [event, { teams }] = await Promise.all([
    getPitchEvent(context.db, cohort.id),
    pitchingTeamCount(context.db, cohort),
  ]);
  return submitForm(context, request, user, {
    schema: eventSchema({ teams, today: todayInLondon(), savedDate: event?.date ?? null }),
    // The same form sent twice (a double click, a retried request) sets up one pitch day, answering as the first did.
    once: true,
    command: savePitchDayDetails,
    input: (value) => ({ ...value, cohortId: cohort.id }),
    done: { to: paths.cohort(cohort.id).pitchDay.home(), banner: "Pitch day details saved" },
  });
}

/** The answers to "do teams see who wrote it?": one for each way feedback can be attributed. */
const ATTRIBUTION_CHOICES: Record<FeedbackAttribution, string> = {
  attributed: "Yes, with each leader's name and organisation",
  anonymous: "No, feedback is anonymous",
};

type SavedEvent = Awaited<ReturnType<typeof loader>>["event"];
type EventFields = z.input<ReturnType<typeof eventSchema>>;

/** What the form shows first: the saved details, or Tandem's suggestions for a new pitch day. */
function defaultValue(event: SavedEvent): Partial<EventFields> {
  if (!event)
    return {
      startTime: "10:00",
      pitchMinutes: 10,
      questionsMinutes: 5,
      changeoverMinutes: 5,
      breakMinutes: 15,
      feedbackAttribution: "attributed" as const,
    };
  return {
    date: dateParts(event.date),
    startTime: event.start_time,
    venue: event.venue ?? undefined,
    onlineLink: event.online_link ?? undefined,
    pitchMinutes: event.pitch_minutes,
    questionsMinutes: event.questions_minutes,
    changeoverMinutes: event.changeover_minutes,
    breakAfter: event.break_after ?? undefined,
    breakMinutes: event.break_minutes,
    feedbackAttribution: event.feedback_attribution,
  };
}

export default function PitchDayDetails() {
  const { cohort, event, teams, formed } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<EventFields>(event?.version ?? 0, {
    lastResult: useActionData<typeof action>(),
    defaultValue: defaultValue(event),
  });
  const minutes = { inputMode: "numeric", width: "3", suffix: "minutes" } as const;
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).pitchDay.home(), text: "Back to the pitch day" }}
      form={form}
      errorIds={{ date: "date-day" }}
      caption={cohort.name}
      heading="Pitch day details"
    >
      <VersionedForm form={form} version={event?.version ?? 0}>
        <OnceOnly />
        <DateInput field={fields.date} legend="Date" legendSize="s" hint="For example, 25 3 2027" />
        <Input
          field={fields.startTime}
          label="Start time"
          hint="24-hour clock, London time, for example 10:00"
          width="5"
        />
        <Input field={fields.venue} label="Venue" hint="Leave empty if the pitches are online only" />
        <Input field={fields.onlineLink} label="Online link (optional)" type="url" spellCheck={false} />
        <Input field={fields.pitchMinutes} label="Length of each pitch" {...minutes} />
        <Input field={fields.questionsMinutes} label="Questions after each pitch" {...minutes} />
        <Input field={fields.changeoverMinutes} label="Changeover between teams" {...minutes} />
        <Input
          field={fields.breakAfter}
          label="Break after slot (optional)"
          hint={
            teams > 1
              ? `The number of the slot the break follows, from 1 to ${teams - 1} (${formed ? "there are" : "the cohort plans"} ${teams} teams). Leave empty for no break.`
              : "Leave empty for no break."
          }
          inputMode="numeric"
          width="3"
        />
        <Input field={fields.breakMinutes} label="Length of the break" {...minutes} />
        <Radios
          field={fields.feedbackAttribution}
          legend="When feedback is released, do teams see who wrote it?"
          legendSize="s"
          items={labelItems(ATTRIBUTION_CHOICES)}
        />
        <Button>Save pitch day details</Button>
      </VersionedForm>
    </FormPage>
  );
}
