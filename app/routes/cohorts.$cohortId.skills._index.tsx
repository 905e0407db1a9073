import { type SubmissionResult, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { openSkillsQuestionnaire, saveSkillsQuestions } from "~/commands/skills.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import {
  BackLink,
  Button,
  DateInput,
  InsetText,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { DEFAULT_SKILLS_QUESTIONS, phaseState } from "~/domain/skills";
import { SKILLS_PHASES, type SkillsPhase, valuesOf } from "~/domain/vocabulary";
import { dateParts } from "~/forms/fields";
import { SkillsSetupSchema } from "~/forms/skills";
import { change, submitForm } from "~/forms/submit.server";
import { listIndividualAnswers, listPhases, listQuestions, phaseWindow } from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Skills questionnaire: ${data?.cohort.name ?? "cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "skills:manage");
  const db = context.db;
  const [questions, phases, answers] = await Promise.all([
    listQuestions(db, cohort.id),
    listPhases(db, cohort.id),
    listIndividualAnswers(db, cohort.id),
  ]);
  const today = todayInLondon();
  return {
    cohort,
    questions: questions.length
      ? questions
      : DEFAULT_SKILLS_QUESTIONS.map((text, i) => ({ id: 0, position: i + 1, text })),
    usingDefaults: questions.length === 0,
    editable: phases.start === null && phases.end === null,
    phases: valuesOf(SKILLS_PHASES).map((phase) => ({
      phase,
      row: phases[phase],
      state: phaseState(phaseWindow(phases[phase]), today),
    })),
    answers,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "skills:manage");
  const to = paths.cohort(cohort.id).skills();
  return submitForm(context, request, user, {
    schema: SkillsSetupSchema,
    change: (form) => {
      const input = { ...form, cohortId: cohort.id };
      return input.intent === "questions"
        ? change(saveSkillsQuestions, input, { to, banner: "Questions saved" })
        : change(openSkillsQuestionnaire, input, {
            to,
            banner: `${SKILLS_PHASES[input.phase]} questionnaire open until ${formatUkDate(input.deadline)}`,
          });
    },
  });
}

const STATE_TAGS = {
  "not-open": { text: "Not open", colour: "grey" },
  open: { text: "Open", colour: "green" },
  closed: { text: "Closed", colour: "blue" },
} as const;

type Setup = z.input<typeof SkillsSetupSchema>;

/** Which of the page's forms the action answered: the questions, or one phase's deadline. */
function sentBy(result: SubmissionResult<string[]> | undefined): "questions" | SkillsPhase | null {
  const sent = result?.initialValue;
  if (sent?.intent === "questions") return "questions";
  return sent?.phase === "start" || sent?.phase === "end" ? sent.phase : null;
}

export default function SkillsQuestionnaire() {
  const { cohort, questions, usingDefaults, editable, phases, answers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const sent = sentBy(lastResult);
  const resultFor = (form: typeof sent) => (sent === form ? lastResult : undefined);
  const [questionsForm, questionsFields] = useForm<Setup>({
    id: "questions-form",
    lastResult: resultFor("questions"),
    defaultValue: { questions: questions.map((q) => q.text).join("\n") },
  });
  // A form's id names the version it was drawn from, so a moved deadline draws a fresh form.
  const phaseForm = (phase: SkillsPhase) => {
    const row = phases.find((p) => p.phase === phase)?.row;
    return {
      id: `open-${phase}-${row?.version ?? 0}`,
      lastResult: resultFor(phase),
      defaultValue: { deadline: dateParts(row?.deadline) },
    };
  };
  const start = useForm<Setup>(phaseForm("start"));
  const end = useForm<Setup>(phaseForm("end"));
  const forms = { questions: questionsForm, start: start[0], end: end[0] };
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).report()}>Back to the report</BackLink>
      {sent ? <FormErrorSummary form={forms[sent]} ids={{ deadline: `${sent}-deadline-day` }} /> : null}
      <PageHeading caption={cohort.name}>Skills questionnaire</PageHeading>
      <p className="govuk-body">
        Participants rate their confidence from 1 to 5 in each area at the start and at the end of the
        programme. A second answer before the deadline replaces the first.
      </p>
      <SummaryList
        rows={phases.map(({ phase, row, state }) => ({
          key: SKILLS_PHASES[phase],
          value: (
            <>
              <Tag colour={STATE_TAGS[state].colour}>{STATE_TAGS[state].text}</Tag>
              {row ? ` Deadline ${formatUkDate(row.deadline)}` : null}
            </>
          ),
        }))}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Questions</h2>
          {editable ? (
            <Form method="post" {...formProps(questionsForm)}>
              <input type="hidden" name="intent" value="questions" />
              <Textarea
                field={questionsFields.questions}
                label="One question per line"
                labelClassName="govuk-label--s"
                hint={
                  usingDefaults
                    ? "These are the default questions. You can change them until the questionnaire opens."
                    : "You can change the questions until the questionnaire opens."
                }
                rows={questions.length + 2}
              />
              <Button variant="secondary">Save questions</Button>
            </Form>
          ) : (
            <>
              <ol className="govuk-list govuk-list--number">
                {questions.map((q) => (
                  <li key={q.position}>{q.text}</li>
                ))}
              </ol>
              <InsetText>The questionnaire has opened, so its questions can no longer change.</InsetText>
            </>
          )}
          {phases.map(({ phase, row }) => (
            <PhaseForm
              key={`${phase}-${row?.version ?? 0}`}
              phase={phase}
              row={row}
              form={{ start, end }[phase]}
            />
          ))}
        </div>
      </div>
      <IndividualAnswers questions={questions} answers={answers} />
    </>
  );
}

type SetupForm = ReturnType<typeof useForm<Setup>>;

/** Opens one phase of the questionnaire, or moves its deadline once it is open. */
function PhaseForm({
  phase,
  row,
  form: [form, fields],
}: {
  phase: SkillsPhase;
  row: { version: number } | null;
  form: SetupForm;
}) {
  const title = SKILLS_PHASES[phase];
  return (
    <Form method="post" {...formProps(form)}>
      <input type="hidden" name="intent" value="open" />
      <input type="hidden" name="phase" value={phase} />
      <input type="hidden" name="version" value={row?.version ?? 0} />
      <DateInput
        field={fields.deadline}
        id={`${phase}-deadline`}
        legend={row ? `${title}: change the deadline` : `Open the ${title.toLowerCase()} questionnaire`}
        legendSize="m"
        hint="The last day answers are taken. For example, 27 3 2027"
      />
      <Button variant={row ? "secondary" : undefined}>
        {row ? "Change deadline" : `Open ${title.toLowerCase()} questionnaire`}
      </Button>
    </Form>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** Each participant's answers, start and end, question by question: for coordinators only. */
function IndividualAnswers({ questions, answers }: Pick<Loaded, "questions" | "answers">) {
  const people = [...new Map(answers.map((a) => [a.personId, a.name])).entries()];
  const answer = (personId: number, questionId: number, phase: SkillsPhase) =>
    answers.find((a) => a.personId === personId && a.question_id === questionId && a.phase === phase)
      ?.confidence ?? "–";
  return (
    <>
      <h2 className="govuk-heading-m">Individual answers</h2>
      <p className="govuk-body">
        Only the cohort's coordinators (and each participant, for their own answers) see these.
      </p>
      {people.length === 0 ? (
        <p className="govuk-body">Nobody has answered yet.</p>
      ) : (
        <div className="tandem-table-scroll">
          <Table
            caption="Answers by participant (start → end)"
            captionSize="s"
            firstCellIsHeader
            head={[{ text: "Participant" }, ...questions.map((q) => ({ text: `Q${q.position}` }))]}
            rows={people.map(([personId, name]) => [
              { text: name },
              ...questions.map((q) => ({
                text: `${answer(personId, q.id, "start")} → ${answer(personId, q.id, "end")}`,
              })),
            ])}
          />
        </div>
      )}
    </>
  );
}
