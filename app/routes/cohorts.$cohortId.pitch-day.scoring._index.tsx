// A senior leader's scoring sheets: one per team they may score, with their progress; and declaring a conflict.
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { declareLeaderConflict } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, InsetText, Select, Tag, TaskList, Textarea } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { OnceOnly } from "~/components/OnceOnly";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateWithDay } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { ConflictSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, leaderScoring } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Score the pitches");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) return { cohort, event: null, scoring: null };
  const scoring = await leaderScoring(db, cohort.id, event.id, user.personId);
  return {
    cohort,
    event: {
      date: formatUkDateWithDay(event.date),
      state: event.scoring_state,
    },
    scoring: {
      onPanel: scoring.onPanel,
      done: scoring.done,
      total: scoring.scorable.length,
      teams: scoring.teams.map((t) => ({
        id: t.id,
        label: t.label,
        conflict: t.conflict,
        status: t.sheet?.status ?? null,
      })),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  return submitForm(context, request, user, {
    schema: ConflictSchema,
    // The same form sent twice (a double click, a retried request) records the conflict once.
    once: true,
    command: declareLeaderConflict,
    input: (value) => ({ ...value, cohortId: cohort.id, personId: user.personId }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).pitchDay.scoring(),
      banner: `Conflict with ${outcome.team} recorded: you will not score it`,
    }),
  });
}

const STATE_TEXT = {
  not_open:
    "Scoring has not opened yet. You can look at the sheets now; you can score once the coordinator opens scoring.",
  open: "Scoring is open.",
  closed: "Scoring is closed.",
} as const;

export default function ScoreThePitches() {
  const { cohort, event, scoring } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof ConflictSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  const hasErrors = Object.keys(form.allErrors).length > 0;
  const heading = <PageHeading caption={cohort.name}>Score the pitches</PageHeading>;
  if (!event || !scoring)
    return (
      <>
        <BackLink href={paths.home()}>Back to your home page</BackLink>
        {heading}
        <InsetText>The coordinator has not set up the pitch day yet.</InsetText>
      </>
    );
  if (!scoring.onPanel)
    return (
      <>
        <BackLink href={paths.home()}>Back to your home page</BackLink>
        {heading}
        <InsetText>
          You are not on the panel for this pitch day. Ask the coordinator if you should be.
        </InsetText>
      </>
    );
  const scorable = scoring.teams.filter((t) => !t.conflict);
  const conflicted = scoring.teams.filter((t) => t.conflict);
  return (
    <>
      <BackLink href={paths.home()}>Back to your home page</BackLink>
      <FormErrorSummary form={form} />
      {heading}
      <p className="govuk-body">
        {event.date}. {STATE_TEXT[event.state]}
      </p>
      <p className="govuk-body-l" id="progress">
        {`${scoring.done} of ${plural(scoring.total, "team")} scored`}
      </p>
      <TaskList
        items={scorable.map((t) => ({
          title: t.label,
          href: paths.cohort(cohort.id).pitchDay.sheet(t.id),
          status:
            t.status === "submitted"
              ? { text: "Submitted" }
              : t.status === "draft"
                ? { tag: { text: "Draft", colour: "light-blue" } }
                : { tag: { text: "Not started", colour: "blue" } },
        }))}
      />
      {conflicted.length ? (
        <>
          <h2 className="govuk-heading-m">Teams you do not score</h2>
          <ul className="govuk-list govuk-list--bullet">
            {conflicted.map((t) => (
              <li key={t.id}>
                {t.label}: <Tag colour="orange">Conflict</Tag> {t.conflict!.join("; ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {scorable.length ? (
        <details className="govuk-details" open={hasErrors ? true : undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Declare a conflict with a team</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="post" {...formProps(form)}>
              <OnceOnly />
              <Select
                field={fields.teamId}
                label="Team"
                items={recordItems("Choose a team", scorable, (t) => t.label)}
              />
              <Textarea field={fields.reason} label="Why you cannot score this team fairly" rows={3} />
              <Button variant="secondary">Declare conflict</Button>
            </Form>
          </div>
        </details>
      ) : null}
    </>
  );
}
