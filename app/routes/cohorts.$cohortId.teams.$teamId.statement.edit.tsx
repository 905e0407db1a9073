import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, forbidden } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input, InsetText, Radios, Textarea } from "~/components/govuk";
import { StatementView } from "~/components/StatementView";
import { formatUkDateTime } from "~/domain/calendar";
import {
  CATEGORY_LABELS,
  EMPTY_STATEMENT,
  mayEdit,
  STATEMENT_FIELDS,
  type StatementText,
} from "~/domain/problem-statement";
import { parseStatementForm, statementValues } from "~/forms/mentoring";
import { fieldValue } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { teamLabel } from "~/models/mentoring.server";
import {
  getStatement,
  getVersion,
  saveStatementVersion,
  versionText,
} from "~/models/problem-statement.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `${data?.teamName ?? "Team"}: edit the problem statement`,
);
export const ErrorBoundary = RouteErrorBoundary;

/** Any member of the team edits the statement. */
async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireTeam(context, request, params);
  if (!access.isMember) forbidden();
  return access;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, team } = await load(context, request, params);
  const statement = await getStatement(context.db, team.id);
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    editable: mayEdit(statement?.status ?? null),
    version: statement?.version ?? 0,
    values: statementValues(statement?.current ? versionText(statement.current) : EMPTY_STATEMENT),
  };
}

type Conflict = { number: number; by: string; text: StatementText; yours: StatementText };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team } = await load(context, request, params);
  const form = parseStatementForm(await request.formData());
  if (!form.ok)
    return data(
      { errors: form.errors, values: form.values, conflict: null as Conflict | null },
      { status: 400 },
    );
  const db = context.db;
  const result = await db.transaction().execute(async (tx) => {
    const saved = await saveStatementVersion(tx, team.id, form.baseVersion, form.data, user.personId);
    if (saved.ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "statement.saved",
        subjectType: "team",
        subjectId: team.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { version: saved.number },
      });
    return saved;
  });
  if (result.ok)
    return redirectWithBanner(
      context,
      request,
      `/cohorts/${cohort.id}/teams/${team.id}/statement`,
      `Draft saved as version ${result.number}`,
    );
  const statement = await getStatement(db, team.id);
  if (!statement || !mayEdit(statement.status))
    return data(
      {
        errors: {
          conflict:
            "The statement was submitted while you were editing: your text is below, copy what you need",
        },
        values: form.values,
        conflict: null as Conflict | null,
      },
      { status: 409 },
    );
  const theirs = await getVersion(db, statement.id, result.currentNumber);
  // The form now builds on the version saved meanwhile: saving again replaces it knowingly.
  return data(
    {
      errors: {
        conflict: `Someone else saved version ${result.currentNumber} while you were editing. Compare the two texts below, change yours if needed and save again.`,
      },
      values: { ...form.values, baseVersion: String(result.currentNumber) },
      conflict: theirs
        ? {
            number: result.currentNumber,
            by: `${theirs.author_name}, ${formatUkDateTime(theirs.created_at)}`,
            text: versionText(theirs),
            yours: form.data,
          }
        : null,
    },
    { status: 409 },
  );
}

export default function EditStatement() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? loaded.values;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const conflict = actionData?.conflict ?? null;
  const base = `/cohorts/${loaded.cohortId}/teams/${loaded.teamId}/statement`;
  const baseVersion = fieldValue(values, "baseVersion") ?? String(loaded.version);
  return (
    <div className="govuk-grid-row">
      <div className={conflict ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds"}>
        <BackLink href={base}>Back to the problem statement</BackLink>
        <FormErrorSummary errors={errors} ids={{ category: "category" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{loaded.teamName}</span>
          Edit the problem statement
        </h1>
        {conflict ? (
          <section id="conflict" aria-labelledby="conflict-heading" tabIndex={-1}>
            <h2 className="govuk-heading-m" id="conflict-heading">
              Two versions
            </h2>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-m">Your text (not saved yet)</h3>
                <StatementView text={conflict.yours} headingLevel={4} />
              </div>
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-m">Version {conflict.number}, saved meanwhile</h3>
                <p className="govuk-body-s">By {conflict.by}</p>
                <StatementView text={conflict.text} headingLevel={4} />
              </div>
            </div>
          </section>
        ) : errors?.conflict ? (
          <div id="conflict" tabIndex={-1} />
        ) : null}
        {!loaded.editable && !actionData ? (
          <InsetText>
            The statement is with the mentors or approved, so it cannot be changed now. If the mentors ask for
            changes, you can edit it again.
          </InsetText>
        ) : (
          <Form method="post" noValidate key={baseVersion}>
            <input type="hidden" name="baseVersion" value={baseVersion} />
            {STATEMENT_FIELDS.map((field) =>
              field.kind === "radios" ? (
                <Radios
                  key={field.name}
                  name={field.name}
                  legend={field.label}
                  legendSize="s"
                  items={Object.entries(CATEGORY_LABELS).map(([value, text]) => ({ value, text }))}
                  defaultValue={fieldValue(values, field.name)}
                  error={errors?.[field.name]}
                />
              ) : field.kind === "input" ? (
                <Input
                  key={field.name}
                  id={field.name}
                  name={field.name}
                  label={field.label}
                  labelClassName="govuk-label--s"
                  hint={field.hint}
                  defaultValue={fieldValue(values, field.name)}
                  error={errors?.[field.name]}
                />
              ) : (
                <Textarea
                  key={field.name}
                  id={field.name}
                  name={field.name}
                  label={field.label}
                  labelClassName="govuk-label--s"
                  hint={field.hint}
                  rows={5}
                  defaultValue={fieldValue(values, field.name)}
                  error={errors?.[field.name]}
                />
              ),
            )}
            <Button>Save draft</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
