// One leader's scoring sheet for one team: a radio group per criterion, written feedback, draft or submit.
import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Radios, Textarea, WarningText } from "~/components/govuk";
import { parseSheetScores } from "~/domain/pitch-day";
import { type FieldErrors, type FormValues, fieldValue, formValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { getPitchEvent, leaderScoring, listRubric, saveSheet } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data && "team" in data ? `Score ${data.team.label}` : "Scoring sheet",
);
export const ErrorBoundary = RouteErrorBoundary;

const TEXT_LIMIT = 5000;
const CLOSED = {
  not_open: "Scoring has not opened yet: the coordinator opens it on the day. Nothing was saved.",
  closed: "Scoring has closed: the coordinator closed it, so sheets can no longer change. Nothing was saved.",
} as const;

/** The sheet the signed-in leader may fill in for this team, or why not. */
async function sheetState(
  context: AppLoadContext,
  request: Request,
  params: { cohortId?: string; teamId?: string },
) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:score");
  const teamId = idParam(params.teamId, "Team");
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) notFound("Pitch day");
  const [scoring, rubric] = await Promise.all([
    leaderScoring(db, cohort.id, event.id, user.personId),
    listRubric(db, event.id),
  ]);
  const team = scoring.teams.find((t) => t.id === teamId);
  if (!team) notFound("Team");
  let refusal: string | null = null;
  if (!scoring.onPanel)
    refusal = "You are not on the panel for this pitch day, so you cannot score its teams.";
  else if (team.conflict)
    refusal = `You cannot score ${team.label} because you are in conflict with it: ${team.conflict.join("; ")}.`;
  return { user, cohort, event, rubric, team, refusal, scoring };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event, rubric, team, refusal, scoring } = await sheetState(context, request, params);
  if (refusal) return data({ cohort, refusal }, { status: 403 });
  const sheet = team.sheet;
  return {
    cohort,
    refusal: null,
    state: event.scoring_state,
    team: { id: team.id, label: team.label },
    progress: `${scoring.done} of ${scoring.scorable.length} teams scored`,
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
          scores: Object.fromEntries(sheet.scores.map((s) => [`c-${s.criterion_id}`, String(s.score)])),
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, event, rubric, team, refusal } = await sheetState(context, request, params);
  const values = formValues(await request.formData());
  const refuse = (errors: FieldErrors, status = 400) => data({ errors, values }, { status });
  if (refusal) return refuse({ form: refusal }, 403);
  const intent = values.intent;
  if (intent !== "save" && intent !== "submit") return refuse({ form: "Choose Save draft or Submit sheet" });
  if (event.scoring_state !== "open") return refuse({ form: CLOSED[event.scoring_state] });
  const submitting = intent === "submit";
  const criteria = rubric.map((c) => ({ id: String(c.id), name: c.name, weight: c.weight, max: c.max }));
  const parsed = parseSheetScores(criteria, values, submitting);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const workedWell = (fieldValue(values, "workedWell") ?? "").trim();
  const couldBeBetter = (fieldValue(values, "couldBeBetter") ?? "").trim();
  if (workedWell.length > TEXT_LIMIT)
    errors.workedWell = "What worked well must be 5,000 characters or fewer";
  if (couldBeBetter.length > TEXT_LIMIT)
    errors.couldBeBetter = "What could be better must be 5,000 characters or fewer";
  const version = Number(fieldValue(values, "version") ?? "");
  if (!Number.isInteger(version) || version < 0) errors.form = "Reload the page and try again";
  if (Object.keys(errors).length || !parsed.ok) return refuse(errors);
  // A submitted sheet stays submitted: saving it again as a draft would silently take it out of the results.
  const status = submitting || team.sheet?.status === "submitted" ? "submitted" : "draft";
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await saveSheet(
      tx,
      {
        eventId: event.id,
        personId: user.personId,
        teamId: team.id,
        status,
        workedWell,
        couldBeBetter,
        scores: new Map([...parsed.scores].map(([id, score]) => [Number(id), score])),
      },
      version,
    );
    if (ok && submitting)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "pitch_day.sheet_submitted",
        subjectType: "team",
        subjectId: team.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { team: team.label },
      });
    return ok;
  });
  if (!saved)
    return refuse(
      {
        form: "This sheet was changed somewhere else (another tab or device) after you opened it. Your scores and words are kept below: check them and save again to replace the other version.",
      },
      409,
    );
  if (!submitting && status === "draft")
    return redirectWithBanner(
      context,
      request,
      `/cohorts/${cohort.id}/pitch-day/scoring/${team.id}`,
      `Draft saved for ${team.label}`,
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/pitch-day/scoring`,
    `Sheet for ${team.label} submitted`,
  );
}

export default function ScoringSheet() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = (
    <BackLink href={`/cohorts/${loaded.cohort.id}/pitch-day/scoring`}>Back to your sheets</BackLink>
  );
  if (loaded.refusal !== null)
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">You cannot score this team</h1>
        <p className="govuk-body">{loaded.refusal}</p>
      </>
    );
  const { cohort, state, team, criteria, sheet, progress } = loaded;
  const errors = actionData?.errors;
  const values: FormValues = (actionData?.values as FormValues | undefined) ?? {
    ...(sheet?.scores ?? {}),
    workedWell: sheet?.workedWell ?? "",
    couldBeBetter: sheet?.couldBeBetter ?? "",
  };
  const open = state === "open";
  return (
    <>
      {back}
      <FormErrorSummary errors={errors} ids={{ form: "sheet" }} />
      <h1 className="govuk-heading-l" id="sheet" tabIndex={-1}>
        <span className="govuk-caption-l">{`${cohort.name} · ${progress}`}</span>
        {`Score ${team.label}`}
      </h1>
      {sheet?.status === "submitted" ? (
        <InsetText>You submitted this sheet. You can change it while scoring is open.</InsetText>
      ) : sheet ? (
        <InsetText>This is a draft: submit it when every criterion has a score.</InsetText>
      ) : null}
      {!open ? (
        <WarningText>
          {state === "closed" ? "Scoring has closed." : "Scoring has not opened yet."}
        </WarningText>
      ) : null}
      <Form method="post" noValidate key={sheet?.version ?? 0}>
        <input type="hidden" name="version" value={sheet?.version ?? 0} />
        {criteria.map((c) => (
          <Radios
            key={c.id}
            name={`c-${c.id}`}
            legend={c.name}
            legendSize="m"
            hint={c.description}
            items={c.levels.map((level, index) => ({
              value: String(index + 1),
              text: `${index + 1}: ${level}`,
            }))}
            defaultValue={fieldValue(values, `c-${c.id}`)}
            error={errors?.[`c-${c.id}`]}
          />
        ))}
        <Textarea
          id="workedWell"
          name="workedWell"
          label="What worked well"
          labelClassName="govuk-label--m"
          hint="The team reads this once the results are released"
          defaultValue={fieldValue(values, "workedWell")}
          error={errors?.workedWell}
          rows={4}
        />
        <Textarea
          id="couldBeBetter"
          name="couldBeBetter"
          label="What could be better"
          labelClassName="govuk-label--m"
          defaultValue={fieldValue(values, "couldBeBetter")}
          error={errors?.couldBeBetter}
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
      </Form>
    </>
  );
}
