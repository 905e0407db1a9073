import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireCohortAccess } from "~/auth/guards.server";
import { answerSkillsQuestionnaire } from "~/commands/skills.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, InsetText, Radios } from "~/components/govuk";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { CONFIDENCE_LABELS, phaseState } from "~/domain/skills";
import { SKILLS_PHASES, type SkillsPhase } from "~/domain/vocabulary";
import { answersSchema } from "~/forms/skills";
import { submitForm } from "~/forms/submit.server";
import { answersOf, listPhases, listQuestions, phaseWindow } from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `${data ? SKILLS_PHASES[data.phase] : "Skills"} questionnaire`,
);
export const ErrorBoundary = RouteErrorBoundary;

function isPhase(phase: string | undefined): phase is SkillsPhase {
  return phase !== undefined && Object.hasOwn(SKILLS_PHASES, phase);
}

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "skills:answer");
  const phase = params.phase;
  if (!isPhase(phase)) notFound("Questionnaire");
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
  const { cohort, user, phase, row, questions } = await load(context, request, params);
  return submitForm(context, request, user, {
    schema: answersSchema(questions),
    command: answerSkillsQuestionnaire,
    input: (answers) => ({ cohortId: cohort.id, personId: user.personId, phase, answers }),
    done: {
      to: paths.home(),
      banner: `Your answers are saved. You can change them until ${formatUkDate(row.deadline)}.`,
    },
  });
}

export default function Questionnaire() {
  const { cohort, phase, deadline, state, questions, answers, submittedAt } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<Record<string, string>>({
    id: "questionnaire",
    lastResult: useActionData<typeof action>(),
    defaultValue: answers,
  });
  return (
    <FormPage
      back={{ href: paths.home(), text: "Back to home" }}
      form={form}
      caption={cohort.name}
      heading={<>{SKILLS_PHASES[phase]} skills questionnaire</>}
    >
      <p className="govuk-body">
        How confident are you in each of these areas today? There are no right answers: the programme uses the
        change between the start and the end to see whether it helped. Only you and your coordinators see your
        answers; the sponsor sees figures for the whole cohort.
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
        <Form method="post" {...formProps(form)}>
          {questions.map((q) => (
            <Radios
              key={q.id}
              field={fields[`q${q.id}`]}
              legend={q.text}
              legendSize="s"
              items={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: CONFIDENCE_LABELS[n] }))}
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
    </FormPage>
  );
}
