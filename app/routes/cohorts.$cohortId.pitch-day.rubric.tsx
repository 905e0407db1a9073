// The rubric: criteria with weights and a scale with a descriptor per level. Locked once scoring opens.
import type { FieldMetadata } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { editRubric } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, ErrorMessage, Input, InsetText, Textarea } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { RubricCriterion, rowsToShowAll } from "~/components/RubricCriterion";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatUkDateTime } from "~/domain/calendar";
import { RubricSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, listRubric } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Rubric");
export const ErrorBoundary = RouteErrorBoundary;

async function rubricState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const event = await getPitchEvent(context.db, access.cohort.id);
  if (!event) throw redirect(paths.cohort(access.cohort.id).pitchDay.event());
  return { ...access, event };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event } = await rubricState(context, request, params.cohortId);
  return {
    cohort,
    version: event.version,
    lockedSince: event.scoring_opened_at ? formatUkDateTime(event.scoring_opened_at) : null,
    rubric: await listRubric(context.db, event.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, event } = await rubricState(context, request, params.cohortId);
  return submitForm(context, request, user, {
    schema: RubricSchema,
    // "Add a criterion" or "Remove criterion 2" without JavaScript: the form comes back with the rows changed.
    rows: true,
    command: editRubric,
    input: (value) => ({ ...value, cohortId: cohort.id, eventId: event.id }),
    done: { to: paths.cohort(cohort.id).pitchDay.rubric(), banner: "Rubric saved" },
  });
}

type RubricForm = z.input<typeof RubricSchema>;
type CriterionField = FieldMetadata<NonNullable<RubricForm["criteria"]>[number]>;

/** One criterion's fields, with the button that takes it out of the rubric. */
function CriterionFieldset({
  criterion,
  number,
  remove,
}: {
  criterion: CriterionField;
  number: number;
  remove: ReactNode;
}) {
  const f = criterion.getFieldset();
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{`Criterion ${number}`}</legend>
      <input type="hidden" name={f.id.name} value={String(f.id.initialValue ?? "")} />
      <Input field={f.name} label="Name" />
      <Textarea
        field={f.description}
        label="What the leaders look for"
        rows={rowsToShowAll(f.description.initialValue, 2)}
      />
      <Input
        field={f.weight}
        label="Weight"
        hint="Greater than 0; only the ratios between weights matter"
        inputMode="decimal"
        width="4"
      />
      <Input
        field={f.max}
        label="Top of the scale"
        hint="Scores run from 1 to this number"
        inputMode="numeric"
        width="2"
      />
      <Textarea
        field={f.levels}
        label="What each level means"
        hint="One line per level, from 1 (lowest) up"
        rows={rowsToShowAll(f.levels.initialValue, 5)}
      />
      {remove}
    </fieldset>
  );
}

type Loaded = Awaited<ReturnType<typeof loader>>;

function LockedRubric({ lockedSince, rubric }: { lockedSince: string; rubric: Loaded["rubric"] }) {
  return (
    <>
      <InsetText>The rubric is locked: scoring opened on {lockedSince}.</InsetText>
      {rubric.map((c) => (
        <RubricCriterion
          key={c.id}
          heading={<h2 className="govuk-heading-m">{`${c.name} (weight ${c.weight})`}</h2>}
          criterion={c}
        />
      ))}
    </>
  );
}

export default function Rubric() {
  const { cohort, version, lockedSince, rubric } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<RubricForm>(version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      criteria: rubric.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        weight: c.weight,
        max: c.max,
        levels: c.levels.join("\n"),
      })),
    },
  });
  const heading = <PageHeading caption={cohort.name}>Rubric</PageHeading>;
  const back = <BackLink href={paths.cohort(cohort.id).pitchDay.home()}>Back to the pitch day</BackLink>;
  if (lockedSince)
    return (
      <>
        {back}
        {heading}
        <LockedRubric lockedSince={lockedSince} rubric={rubric} />
      </>
    );
  const criteria = fields.criteria.getFieldList();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <FormErrorSummary form={form} />
        {heading}
        <p className="govuk-body">
          The leaders score each team on each criterion. You can change the criteria until scoring opens; then
          the rubric locks.
        </p>
        <VersionedForm form={form} version={version}>
          {/* Enter in a field saves: the first submit button is the default, not "Remove criterion 1". */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
          <div id={fields.criteria.name} tabIndex={-1}>
            {fields.criteria.errors?.[0] ? <ErrorMessage>{fields.criteria.errors[0]}</ErrorMessage> : null}
          </div>
          {criteria.map((criterion, index) => (
            <CriterionFieldset
              key={criterion.key}
              criterion={criterion}
              number={index + 1}
              remove={
                <Button
                  variant="secondary"
                  {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                >
                  {`Remove criterion ${index + 1}`}
                </Button>
              }
            />
          ))}
          <div className="govuk-button-group">
            <Button
              variant="secondary"
              {...form.insert.getButtonProps({ name: fields.criteria.name, defaultValue: { max: 5 } })}
            >
              Add a criterion
            </Button>
            <Button>Save rubric</Button>
          </div>
        </VersionedForm>
      </div>
    </div>
  );
}
