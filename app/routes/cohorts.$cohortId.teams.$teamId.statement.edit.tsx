import type { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { forbidden } from "~/auth/guards.server";
import { requireTeam } from "~/auth/team-access.server";
import { saveStatementDraft } from "~/commands/statements.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, InsetText, Radios, Textarea } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { PageHeading } from "~/components/PageHeading";
import { StatementView } from "~/components/StatementView";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import {
  CATEGORY_LABELS,
  EMPTY_STATEMENT,
  mayEdit,
  STATEMENT_FIELDS,
  type StatementText,
} from "~/domain/problem-statement";
import { StatementDraftSchema, statementOf } from "~/forms/mentoring";
import { submitForm } from "~/forms/submit.server";
import { teamLabel } from "~/models/mentoring.server";
import { getStatement, versionText } from "~/models/problem-statement.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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
  const current = statement?.current;
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    editable: mayEdit(statement?.status ?? null),
    version: statement?.version ?? 0,
    saved: current
      ? { by: `${current.author_name}, ${formatUkDateTime(current.created_at)}`, text: versionText(current) }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team } = await load(context, request, params);
  // Refused, the form builds on the version saved meanwhile (the loader's): saving again replaces it knowingly.
  return submitForm(context, request, user, {
    schema: StatementDraftSchema,
    command: saveStatementDraft,
    input: (value) => ({
      team: { id: team.id, number: team.number, cohortId: cohort.id },
      baseVersion: value.baseVersion,
      text: statementOf(value),
    }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).teamOf(team.id).statement(),
      banner: `Draft saved as version ${outcome.number}`,
    }),
  });
}

/** The text as the user sent it, from the refused submission (Conform's reply carries what was posted). */
function typedText(sent: Record<string, unknown> | null | undefined): StatementText {
  const text = Object.fromEntries(
    STATEMENT_FIELDS.map((f) => [f.name, typeof sent?.[f.name] === "string" ? (sent[f.name] as string) : ""]),
  );
  return { ...(text as StatementText), category: (text.category || null) as StatementText["category"] };
}

export default function EditStatement() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = loaded.saved?.text ?? EMPTY_STATEMENT;
  const [form, fields] = useVersionedForm<z.input<typeof StatementDraftSchema>>(loaded.version, {
    lastResult: actionData,
    defaultValue: { ...saved, category: saved.category ?? undefined },
  });
  // Refused because someone saved first: show both texts side by side.
  const meanwhile = form.errors?.length && loaded.editable ? loaded.saved : null;
  return (
    <div className="govuk-grid-row">
      <div className={meanwhile ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds"}>
        <BackLink href={paths.cohort(loaded.cohortId).teamOf(loaded.teamId).statement()}>
          Back to the problem statement
        </BackLink>
        <FormErrorSummary form={form} />
        <PageHeading caption={loaded.teamName}>Edit the problem statement</PageHeading>
        {meanwhile ? (
          <section id="conflict" aria-labelledby="conflict-heading" tabIndex={-1}>
            <h2 className="govuk-heading-m" id="conflict-heading">
              Two versions
            </h2>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-m">Your text (not saved yet)</h3>
                <StatementView text={typedText(actionData?.initialValue)} headingLevel={4} />
              </div>
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-m">Version {loaded.version}, saved meanwhile</h3>
                <p className="govuk-body-s">By {meanwhile.by}</p>
                <StatementView text={meanwhile.text} headingLevel={4} />
              </div>
            </div>
          </section>
        ) : null}
        {!loaded.editable && !actionData ? (
          <InsetText>
            The statement is with the mentors or approved, so it cannot be changed now. If the mentors ask for
            changes, you can edit it again.
          </InsetText>
        ) : (
          <Form method="post" {...formProps(form)} key={form.id}>
            <input type="hidden" name="baseVersion" value={loaded.version} />
            <StatementFields fields={fields} />
            <Button>Save draft</Button>
          </Form>
        )}
      </div>
    </div>
  );
}

type Fields = ReturnType<typeof useForm<z.input<typeof StatementDraftSchema>>>[1];

function StatementFields({ fields }: { fields: Fields }) {
  return STATEMENT_FIELDS.map((field) => {
    if (field.kind === "radios")
      return (
        <Radios
          key={field.name}
          field={fields[field.name]}
          legend={field.label}
          legendSize="s"
          items={labelItems(CATEGORY_LABELS)}
        />
      );
    const text = {
      field: fields[field.name],
      label: field.label,
      labelClassName: "govuk-label--s",
      hint: field.hint,
    };
    return field.kind === "input" ? (
      <Input key={field.name} {...text} />
    ) : (
      <Textarea key={field.name} {...text} rows={5} />
    );
  });
}
