// The rubric: criteria with weights and a scale with a descriptor per level. Locked once scoring opens.
import {
  type ActionFunctionArgs,
  type AppLoadContext,
  data,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Checkboxes, Input, InsetText, Textarea } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { type FieldErrors, type FormValues, fieldValue, formValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  type CriterionInput,
  claimEventVersion,
  getPitchEvent,
  listRubric,
  saveRubric,
} from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Rubric");
export const ErrorBoundary = RouteErrorBoundary;

const RUBRIC_LOCKED =
  "The rubric cannot change after scoring has opened: it is locked so every sheet is scored on the same criteria";

async function rubricState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, access.cohort.id);
  if (!event) throw redirect(`/cohorts/${access.cohort.id}/pitch-day/event`);
  return { ...access, event, rubric: await listRubric(db, event.id) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event, rubric } = await rubricState(context, request, params.cohortId);
  return {
    cohort,
    version: event.version,
    lockedSince: event.scoring_opened_at ? formatUkDateTime(event.scoring_opened_at) : null,
    rubric: rubric.map((c) => ({ ...c })),
  };
}

/** Reads criterion `key` ("1", "2"… or "new") from the form; errors are keyed `${field}-${key}`. */
function readCriterion(
  values: FormValues,
  key: string,
  errors: FieldErrors,
  id: number | null,
): CriterionInput | null {
  const get = (field: string) => (fieldValue(values, `${field}-${key}`) ?? "").trim();
  const label = key === "new" ? "New criterion" : `Criterion ${key}`;
  const name = get("name");
  const description = get("description");
  const weightText = get("weight");
  const maxText = get("max");
  const levels = get("levels")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!name) errors[`name-${key}`] = `${label}: enter a name`;
  else if (name.length > 100) errors[`name-${key}`] = `${label}: name must be 100 characters or fewer`;
  if (description.length > 500)
    errors[`description-${key}`] = `${label}: description must be 500 characters or fewer`;
  const weight = /^\d+(\.\d+)?$/.test(weightText) ? Number(weightText) : Number.NaN;
  if (!(weight > 0) || weight > 1000)
    errors[`weight-${key}`] = `${label}: weight must be a number greater than 0, up to 1000`;
  const max = /^\d+$/.test(maxText) ? Number(maxText) : Number.NaN;
  if (!(max >= 2 && max <= 10))
    errors[`max-${key}`] = `${label}: the top of the scale must be a whole number from 2 to 10`;
  else if (levels.length !== max)
    errors[`levels-${key}`] =
      `${label}: describe each of the ${max} levels, one per line (${levels.length} given)`;
  else if (levels.some((l) => l.length > 200))
    errors[`levels-${key}`] = `${label}: each level's description must be 200 characters or fewer`;
  return { id, name, description, weight, max, levels };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, event, rubric } = await rubricState(context, request, params.cohortId);
  const values = formValues(await request.formData());
  const refuse = (errors: FieldErrors, status = 400) => data({ errors, values }, { status });
  if (event.scoring_opened_at) return refuse({ rubric: RUBRIC_LOCKED });
  const errors: FieldErrors = {};
  const criteria: CriterionInput[] = [];
  rubric.forEach((criterion, index) => {
    const key = String(index + 1);
    if (fieldValue(values, `id-${key}`) !== String(criterion.id)) {
      errors.rubric = "The rubric changed while you were editing it. Reload the page and try again.";
      return;
    }
    const removing = values[`remove-${key}`] === "remove";
    const read = readCriterion(values, key, removing ? {} : errors, criterion.id);
    if (!removing && read) criteria.push(read);
  });
  const newName = (fieldValue(values, "name-new") ?? "").trim();
  if (newName) {
    const read = readCriterion(values, "new", errors, null);
    if (read) criteria.push(read);
  }
  if (!errors.rubric && criteria.length === 0) errors.rubric = "Keep at least one criterion";
  if (Object.keys(errors).length) return refuse(errors);
  const saved = await context.db.transaction().execute(async (tx) => {
    if (!(await claimEventVersion(tx, event.id, Number(values.version)))) return false;
    await saveRubric(tx, event.id, criteria);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "pitch_day.rubric_saved",
      subjectType: "pitch_event",
      subjectId: event.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { criteria: criteria.map((c) => ({ name: c.name, weight: c.weight, max: c.max })) },
    });
    return true;
  });
  if (!saved)
    return refuse(
      {
        rubric:
          "Someone else changed the pitch day while you were editing the rubric. Your changes are kept below: save again to replace theirs.",
      },
      409,
    );
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}/pitch-day/rubric`, "Rubric saved");
}

function CriterionFields({
  keyName,
  values,
  errors,
  legend,
}: {
  keyName: string;
  values: FormValues;
  errors?: FieldErrors;
  legend: string;
}) {
  const v = (field: string) => fieldValue(values, `${field}-${keyName}`);
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
      <Input
        id={`name-${keyName}`}
        name={`name-${keyName}`}
        label="Name"
        defaultValue={v("name")}
        error={errors?.[`name-${keyName}`]}
      />
      <Textarea
        id={`description-${keyName}`}
        name={`description-${keyName}`}
        label="What the leaders look for"
        rows={2}
        defaultValue={v("description")}
        error={errors?.[`description-${keyName}`]}
      />
      <Input
        id={`weight-${keyName}`}
        name={`weight-${keyName}`}
        label="Weight"
        hint="Greater than 0; only the ratios between weights matter"
        inputMode="decimal"
        width="4"
        defaultValue={v("weight")}
        error={errors?.[`weight-${keyName}`]}
      />
      <Input
        id={`max-${keyName}`}
        name={`max-${keyName}`}
        label="Top of the scale"
        hint="Scores run from 1 to this number"
        inputMode="numeric"
        width="2"
        defaultValue={v("max")}
        error={errors?.[`max-${keyName}`]}
      />
      <Textarea
        id={`levels-${keyName}`}
        name={`levels-${keyName}`}
        label="What each level means"
        hint="One line per level, from 1 (lowest) up"
        rows={5}
        defaultValue={v("levels")}
        error={errors?.[`levels-${keyName}`]}
      />
    </fieldset>
  );
}

export default function Rubric() {
  const { cohort, version, lockedSince, rubric } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values: FormValues =
    (actionData?.values as FormValues | undefined) ??
    Object.fromEntries(
      rubric.flatMap((c, index) => {
        const key = index + 1;
        return [
          [`id-${key}`, String(c.id)],
          [`name-${key}`, c.name],
          [`description-${key}`, c.description],
          [`weight-${key}`, String(c.weight)],
          [`max-${key}`, String(c.max)],
          [`levels-${key}`, c.levels.join("\n")],
        ];
      }),
    );
  const back = <BackLink href={`/cohorts/${cohort.id}/pitch-day`}>Back to the pitch day</BackLink>;
  if (lockedSince)
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Rubric
        </h1>
        <InsetText>The rubric is locked: scoring opened on {lockedSince}.</InsetText>
        {rubric.map((c) => (
          <div key={c.id}>
            <h2 className="govuk-heading-m">{`${c.name} (weight ${c.weight})`}</h2>
            <p className="govuk-body">{c.description}</p>
            <ol className="govuk-list govuk-list--number">
              {c.levels.map((level) => (
                <li key={level}>{level}</li>
              ))}
            </ol>
          </div>
        ))}
      </>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <FormErrorSummary errors={errors} ids={{ rubric: "rubric" }} />
        <h1 className="govuk-heading-l" id="rubric" tabIndex={-1}>
          <span className="govuk-caption-l">{cohort.name}</span>
          Rubric
        </h1>
        <p className="govuk-body">
          The leaders score each team on each criterion. You can change the criteria until scoring opens; then
          the rubric locks.
        </p>
        <Form method="post" noValidate key={version}>
          <input type="hidden" name="version" value={version} />
          {rubric.map((c, index) => {
            const key = String(index + 1);
            return (
              <div key={c.id}>
                <input type="hidden" name={`id-${key}`} value={c.id} />
                <CriterionFields keyName={key} values={values} errors={errors} legend={`Criterion ${key}`} />
                <Checkboxes
                  name={`remove-${key}`}
                  legend={<span className="govuk-visually-hidden">{`Remove criterion ${key}`}</span>}
                  small
                  items={[{ value: "remove", text: `Remove criterion ${key} (${c.name})` }]}
                  defaultValues={values[`remove-${key}`] === "remove" ? ["remove"] : []}
                />
              </div>
            );
          })}
          <CriterionFields
            keyName="new"
            values={values}
            errors={errors}
            legend="Add a criterion (optional)"
          />
          <Button>Save rubric</Button>
        </Form>
      </div>
    </div>
  );
}
