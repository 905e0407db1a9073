import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
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
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import {
  DEFAULT_SKILLS_QUESTIONS,
  PHASE_TITLES,
  parseQuestionList,
  phaseState,
  SKILLS_PHASES,
} from "~/domain/skills";
import { dateField, dateParts } from "~/forms/cohort-setup";
import { fieldValue } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  listIndividualAnswers,
  listPhases,
  listQuestions,
  openPhase,
  phaseWindow,
  replaceQuestions,
} from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import type { SkillsPhase } from "../../db/types";

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
    phases: SKILLS_PHASES.map((phase) => ({
      phase,
      row: phases[phase],
      state: phaseState(phaseWindow(phases[phase]), today),
    })),
    answers,
  };
}

const Intent = z.object({ intent: z.enum(["questions", "open"]) });
const PhaseField = z.object({ phase: z.enum(["start", "end"]), version: z.coerce.number().int().min(0) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "skills:manage");
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const intent = Intent.safeParse(values);
  if (!intent.success) return data({ errors: { form: "Choose what to save" }, values }, { status: 400 });
  const db = context.db;
  if (intent.data.intent === "questions") {
    const parsed = parseQuestionList(values.questions ?? "");
    if (!parsed.ok) return data({ errors: { questions: parsed.error }, values }, { status: 400 });
    const saved = await db.transaction().execute(async (tx) => {
      const ok = await replaceQuestions(tx, cohort.id, parsed.questions);
      if (ok)
        await recordAudit(tx, {
          actorId: user.personId,
          action: "skills.questions_saved",
          subjectType: "cohort",
          subjectId: cohort.id,
          cohortId: cohort.id,
          address: clientAddress(context),
          details: { questions: parsed.questions.length },
        });
      return ok;
    });
    if (!saved)
      return data(
        {
          errors: { questions: "The questionnaire has opened, so its questions can no longer change" },
          values,
        },
        { status: 409 },
      );
    return redirectWithBanner(context, request, `/cohorts/${cohort.id}/skills`, "Questions saved");
  }
  const phaseField = PhaseField.safeParse(values);
  if (!phaseField.success)
    return data({ errors: { form: "Choose the questionnaire to open" }, values }, { status: 400 });
  const { phase, version } = phaseField.data;
  const name = `${phase}-deadline`;
  const field = dateField(formData, name, "deadline");
  const error =
    field.error ?? (field.date! < todayInLondon() ? "The deadline must be today or in the future" : null);
  if (error) return data({ errors: { [phase]: error }, values }, { status: 400 });
  const saved = await db.transaction().execute(async (tx) => {
    const ok = await openPhase(tx, cohort.id, phase, field.date!, version);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: version === 0 ? "skills.opened" : "skills.deadline_moved",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { phase, deadline: field.date },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          [phase]: "Someone else changed this questionnaire while you were editing. Check it and save again.",
        },
        values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/skills`,
    `${PHASE_TITLES[phase]} questionnaire open until ${formatUkDate(field.date!)}`,
  );
}

const STATE_TAGS = {
  "not-open": { text: "Not open", colour: "grey" },
  open: { text: "Open", colour: "green" },
  closed: { text: "Closed", colour: "blue" },
} as const;

export default function SkillsQuestionnaire() {
  const { cohort, questions, usingDefaults, editable, phases, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  const base = `/cohorts/${cohort.id}`;
  const people = [...new Map(answers.map((a) => [a.personId, a.name])).entries()];
  const answer = (personId: number, questionId: number, phase: SkillsPhase) =>
    answers.find((a) => a.personId === personId && a.question_id === questionId && a.phase === phase)
      ?.confidence;
  return (
    <>
      <BackLink href={`${base}/report`}>Back to the report</BackLink>
      <FormErrorSummary errors={errors} ids={{ start: "start-deadline-day", end: "end-deadline-day" }} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Skills questionnaire
      </h1>
      <p className="govuk-body">
        Participants rate their confidence from 1 to 5 in each area at the start and at the end of the
        programme. A second answer before the deadline replaces the first.
      </p>
      <SummaryList
        rows={phases.map(({ phase, row, state }) => ({
          key: PHASE_TITLES[phase],
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
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="questions" />
              <Textarea
                id="questions"
                name="questions"
                label="One question per line"
                labelClassName="govuk-label--s"
                hint={
                  usingDefaults
                    ? "These are the default questions. You can change them until the questionnaire opens."
                    : "You can change the questions until the questionnaire opens."
                }
                rows={questions.length + 2}
                defaultValue={values?.questions ?? questions.map((q) => q.text).join("\n")}
                error={errors?.questions}
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
          {phases.map(({ phase, row }) => {
            const name = `${phase}-deadline`;
            const shown =
              values && values.phase === phase ? values : row ? dateParts(name, row.deadline) : {};
            return (
              <Form method="post" noValidate key={`${phase}-${row?.version ?? 0}`}>
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="phase" value={phase} />
                <input type="hidden" name="version" value={row?.version ?? 0} />
                <DateInput
                  id={name}
                  namePrefix={name}
                  legend={
                    row
                      ? `${PHASE_TITLES[phase]}: change the deadline`
                      : `Open the ${PHASE_TITLES[phase].toLowerCase()} questionnaire`
                  }
                  legendSize="m"
                  hint="The last day answers are taken. For example, 27 3 2027"
                  values={{
                    day: fieldValue(shown, `${name}-day`),
                    month: fieldValue(shown, `${name}-month`),
                    year: fieldValue(shown, `${name}-year`),
                  }}
                  error={errors?.[phase]}
                />
                <Button variant={row ? "secondary" : undefined}>
                  {row ? "Change deadline" : `Open ${PHASE_TITLES[phase].toLowerCase()} questionnaire`}
                </Button>
              </Form>
            );
          })}
        </div>
      </div>
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
                text: `${answer(personId, q.id, "start") ?? "–"} → ${answer(personId, q.id, "end") ?? "–"}`,
              })),
            ])}
          />
        </div>
      )}
    </>
  );
}
