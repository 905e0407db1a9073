// A senior leader's scoring sheets: one per team they may score, with their progress; and declaring a conflict.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Select, Tag, TaskList, Textarea } from "~/components/govuk";
import { formatUkDateWithDay } from "~/domain/calendar";
import { type FieldErrors, fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { declareConflict, getPitchEvent, leaderScoring } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

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

const DeclareSchema = z.object({
  teamId: z.string().regex(/^\d+$/, "Choose the team you are in conflict with").transform(Number),
  reason: z
    .string()
    .trim()
    .min(1, "Enter why you cannot score this team fairly")
    .max(500, "Reason must be 500 characters or fewer"),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  const form = parseForm(await request.formData(), DeclareSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  const refuse = (errors: FieldErrors) => data({ errors, values: form.values }, { status: 400 });
  if (!event) return refuse({ teamId: "The pitch day has not been set up yet" });
  if (event.results_released_at)
    return refuse({ teamId: "The results have been released: conflicts can no longer change" });
  const scoring = await leaderScoring(db, cohort.id, event.id, user.personId);
  if (!scoring.onPanel) return refuse({ teamId: "You are not on the panel for this pitch day" });
  const team = scoring.teams.find((t) => t.id === form.data.teamId);
  if (!team) return refuse({ teamId: "Choose the team you are in conflict with" });
  await db.transaction().execute(async (tx) => {
    await declareConflict(tx, event.id, user.personId, team.id, form.data.reason);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "pitch_day.conflict_declared",
      subjectType: "team",
      subjectId: team.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { team: team.label, reason: form.data.reason },
    });
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/pitch-day/scoring`,
    `Conflict with ${team.label} recorded: you will not score it`,
  );
}

const STATE_TEXT = {
  not_open:
    "Scoring has not opened yet. You can look at the sheets now; you can score once the coordinator opens scoring.",
  open: "Scoring is open.",
  closed: "Scoring is closed.",
} as const;

export default function ScoreThePitches() {
  const { cohort, event, scoring } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as FieldErrors | undefined;
  const values = actionData?.values;
  const heading = (
    <h1 className="govuk-heading-l">
      <span className="govuk-caption-l">{cohort.name}</span>
      Score the pitches
    </h1>
  );
  if (!event || !scoring)
    return (
      <>
        <BackLink href="/">Back to your home page</BackLink>
        {heading}
        <InsetText>The coordinator has not set up the pitch day yet.</InsetText>
      </>
    );
  if (!scoring.onPanel)
    return (
      <>
        <BackLink href="/">Back to your home page</BackLink>
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
      <BackLink href="/">Back to your home page</BackLink>
      <FormErrorSummary errors={errors} />
      {heading}
      <p className="govuk-body">
        {event.date}. {STATE_TEXT[event.state]}
      </p>
      <p className="govuk-body-l" id="progress">
        {`${scoring.done} of ${scoring.total} teams scored`}
      </p>
      <TaskList
        items={scorable.map((t) => ({
          title: t.label,
          href: `/cohorts/${cohort.id}/pitch-day/scoring/${t.id}`,
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
        <details className="govuk-details" open={errors ? true : undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Declare a conflict with a team</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="post" noValidate>
              <Select
                id="teamId"
                name="teamId"
                label="Team"
                items={[
                  { value: "", text: "Choose a team" },
                  ...scorable.map((t) => ({ value: String(t.id), text: t.label })),
                ]}
                defaultValue={fieldValue(values, "teamId")}
                error={errors?.teamId}
              />
              <Textarea
                id="reason"
                name="reason"
                label="Why you cannot score this team fairly"
                rows={3}
                defaultValue={fieldValue(values, "reason")}
                error={errors?.reason}
              />
              <Button variant="secondary">Declare conflict</Button>
            </Form>
          </div>
        </details>
      ) : null}
    </>
  );
}
