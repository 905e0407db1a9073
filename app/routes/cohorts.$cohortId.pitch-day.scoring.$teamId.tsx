import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { saveScoringSheet } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Radios, Textarea, WarningText } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { plural } from "~/domain/next-steps";
import { sheetSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, leaderScoring, listRubric, scoringRefusal } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data && "team" in data ? `Score ${data.team.label}` : "Scoring sheet",
);
export const ErrorBoundary = RouteErrorBoundary;

/** The sheet the signed-in leader may fill in for this team, or why not. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  const teamId = idParam(params.teamId, "Team");
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  const [scoring, rubric] = await Promise.all([
    leaderScoring(context.db, cohort.id, event.id, user.personId),
    listRubric(context.db, event.id),
  ]);
  const team = scoring.teams.find((t) => t.id === teamId);
  if (!team) notFound("Team");
  const refusal = scoringRefusal(scoring, team);
  if (refusal) return data({ cohort, refusal }, { status: 403 });
  const sheet = team.sheet;
  return {
    cohort,
    refusal: null,
    state: event.scoring_state,
    team: { id: team.id, label: team.label },
    progress: `${scoring.done} of ${plural(scoring.scorable.length, "team")} scored`,
    criteria: rubric.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      max: c.max,
      levels: c.levels,
    })),
    sheet: sheet
      ? {
          status: sheet.status,
          version: sheet.version,
          workedWell: sheet.worked_well,
          couldBeBetter: sheet.could_be_better,
          scores: Object.fromEntries(sheet.scores.map((s) => [String(s.criterion_id), s.score])),
        }
      : null,
  };
}

/** The sheet is checked against the rubric here; the command checks, in its transaction, that this leader may
 * score this team now (on the panel, no conflict, scoring open). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  const teamId = idParam(params.teamId, "Team");
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  const rubric = await listRubric(context.db, event.id);
  const sheets = paths.cohort(cohort.id).pitchDay;
  return submitForm(context, request, user, {
    schema: sheetSchema(rubric),
    command: saveScoringSheet,
    input: (value) => ({ ...value, cohortId: cohort.id, eventId: event.id, personId: user.personId, teamId }),
    done: (outcome) =>
      outcome.status === "draft"
        ? { to: sheets.sheet(teamId), banner: `Draft saved for ${outcome.team}` }
        : { to: sheets.scoring(), banner: `Sheet for ${outcome.team} submitted` },
  });
}

type SheetForm = z.input<ReturnType<typeof sheetSchema>>;

export default function ScoringSheet() {
  const loaded = useLoaderData<typeof loader>();
  const sheet = loaded.refusal === null ? loaded.sheet : null;
  const [form, fields] = useVersionedForm<SheetForm>(sheet?.version ?? 0, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      scores: sheet?.scores,
      workedWell: sheet?.workedWell,
      couldBeBetter: sheet?.couldBeBetter,
    },
  });
  const back = (
    <BackLink href={paths.cohort(loaded.cohort.id).pitchDay.scoring()}>Back to your sheets</BackLink>
  );
  if (loaded.refusal !== null)
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">You cannot score this team</h1>
        <p className="govuk-body">{loaded.refusal}</p>
      </>
    );
  const { cohort, state, team, criteria, progress } = loaded;
  const scores = fields.scores.getFieldset();
  return (
    <>
      {back}
      <FormErrorSummary form={form} />
      <PageHeading caption={`${cohort.name} · ${progress}`}>{`Score ${team.label}`}</PageHeading>
      {sheet?.status === "submitted" ? (
        <InsetText>You submitted this sheet. You can change it while scoring is open.</InsetText>
      ) : sheet ? (
        <InsetText>This is a draft: submit it when every criterion has a score.</InsetText>
      ) : null}
      {state !== "open" ? (
        <WarningText>
          {state === "closed" ? "Scoring has closed." : "Scoring has not opened yet."}
        </WarningText>
      ) : null}
      <VersionedForm form={form} version={sheet?.version ?? 0}>
        <div id={fields.scores.name}>
          {criteria.map((c) => (
            <Radios
              key={c.id}
              field={scores[String(c.id)]}
              name={`${fields.scores.name}.${c.id}`}
              legend={c.name}
              legendSize="m"
              hint={c.description}
              items={c.levels.map((level, index) => ({
                value: String(index + 1),
                text: `${index + 1}: ${level}`,
              }))}
            />
          ))}
        </div>
        <Textarea
          field={fields.workedWell}
          label="What worked well"
          labelClassName="govuk-label--m"
          hint="The team reads this once the results are released"
          rows={4}
        />
        <Textarea
          field={fields.couldBeBetter}
          label="What could be better"
          labelClassName="govuk-label--m"
          rows={4}
        />
        <div className="govuk-button-group">
          <Button name="intent" value="submit">
            Submit sheet
          </Button>
          {sheet?.status !== "submitted" ? (
            <Button name="intent" value="save" variant="secondary">
              Save draft
            </Button>
          ) : null}
        </div>
      </VersionedForm>
    </>
  );
}
