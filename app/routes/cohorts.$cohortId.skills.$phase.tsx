import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Radios } from "~/components/govuk";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { CONFIDENCE_LABELS, PHASE_TITLES, phaseState, SKILLS_PHASES } from "~/domain/skills";
import { recordAudit } from "~/models/audit.server";
import { answersOf, listPhases, listQuestions, phaseWindow, saveAnswers } from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import type { SkillsPhase } from "../../db/types";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `${data ? PHASE_TITLES[data.phase] : "Skills"} questionnaire`,
);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "skills:answer");
  const phase = params.phase as SkillsPhase;
  if (!SKILLS_PHASES.includes(phase)) notFound("Questionnaire");
  const db = context.db;
  const [phases, questions] = await Promise.all([
    listPhases(db, access.cohort.id),
    listQuestions(db, access.cohort.id),
  ]);
  const row = phases[phase];
  if (!row) notFound("Questionnaire");
  return { ...access, phase, row, questions, state: phaseState(phaseWindow(row), todayInLondon()) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, user, phase, row, questions, state } = await load(context, request, params);
  const mine = await answersOf(context.db, cohort.id, user.personId, phase);
  return {
    cohort,
    phase,
    deadline: row.deadline,
    state,
    questions,
    answers: Object.fromEntries(mine.map((a) => [`q${a.question_id}`, String(a.confidence)])),
    submittedAt: mine[0]?.submitted_at ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user, phase, row, questions, state } = await load(context, request, params);
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  if (state !== "open")
    return data(
      {
        errors: {
          form: `The deadline (${formatUkDate(row.deadline)}) has passed: answers are no longer taken`,
        },
        values,
      },
      { status: 400 },
    );
  const errors: Record<string, string> = {};
  const answers = questions.map((q) => {
    const value = Number(values[`q${q.id}`]);
    if (!Number.isInteger(value) || value < 1 || value > 5)
      errors[`q${q.id}`] = `Select how confident you are: ${q.text}`;
    return { questionId: q.id, confidence: value };
  });
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  await context.db.transaction().execute(async (tx) => {
    await saveAnswers(tx, cohort.id, user.personId, phase, answers);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "skills.answered",
      subjectType: "skills_questionnaire",
      subjectId: cohort.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { phase },
    });
  });
  return redirectWithBanner(
    context,
    request,
    "/",
    `Your answers are saved. You can change them until ${formatUkDate(row.deadline)}.`,
  );
}

export default function Questionnaire() {
  const { cohort, phase, deadline, state, questions, answers, submittedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData?.values ?? answers) as Record<string, string>;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/">Back to home</BackLink>
        <FormErrorSummary errors={errors} ids={{ form: "questionnaire" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          {PHASE_TITLES[phase]} skills questionnaire
        </h1>
        <p className="govuk-body">
          How confident are you in each of these areas today? There are no right answers: the programme uses
          the change between the start and the end to see whether it helped. Only you and your coordinators
          see your answers; the sponsor sees figures for the whole cohort.
        </p>
        {submittedAt ? (
          <InsetText>
            You answered on {formatUkDateTime(submittedAt)}.{" "}
            {state === "open"
              ? `Sending it again replaces those answers (until ${formatUkDate(deadline)}).`
              : null}
          </InsetText>
        ) : null}
        {state === "open" ? (
          <Form method="post" noValidate id="questionnaire">
            {questions.map((q) => (
              <Radios
                key={q.id}
                name={`q${q.id}`}
                legend={q.text}
                legendSize="s"
                items={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: CONFIDENCE_LABELS[n] }))}
                defaultValue={values[`q${q.id}`]}
                error={errors?.[`q${q.id}`]}
                small
              />
            ))}
            <Button>Send your answers</Button>
          </Form>
        ) : (
          <p className="govuk-body" id="questionnaire">
            This questionnaire closed on {formatUkDate(deadline)}: answers are no longer taken.
          </p>
        )}
      </div>
    </div>
  );
}
