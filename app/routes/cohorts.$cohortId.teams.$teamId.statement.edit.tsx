import type { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, forbidden } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { run } from "~/commands/runner.server";
import { saveStatementDraft } from "~/commands/statements.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, InsetText, Radios, Textarea } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { PageHeading } from "~/components/PageHeading";
import { StatementConflictForm } from "~/components/StatementConflictForm";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { CATEGORY_LABELS, EMPTY_STATEMENT, mayEdit, STATEMENT_FIELDS } from "~/domain/problem-statement";
import {
  draftText,
  isMergedDraft,
  StatementDraftSchema,
  StatementFormFields,
  theirsChosen,
} from "~/forms/mentoring";
import { refusalOf } from "~/forms/reply.server";
import { teamLabel } from "~/models/mentoring.server";
import {
  getStatement,
  statementConflict,
  statementConflictAgain,
  versionText,
  withTextOfVersion,
} from "~/models/problem-statement.server";
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

/**
 * Saves the draft if nobody saved since the version the form was drawn from. Refused because someone did, the
 * answer is the person's text merged with the version saved meanwhile: the conflict form, which asks them to choose
 * where they both changed a field and to save the merge (never saved unseen, as a merge can read oddly), checked in
 * turn against that version.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team } = await load(context, request, params);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: StatementDraftSchema });
  if (submission.status !== "success") {
    // A conflict form with a choice missing is drawn again as it was, with the choices made.
    const drawn = parseWithZod(formData, { schema: StatementFormFields });
    const again =
      drawn.status === "success" && drawn.value.conflicts.length > 0
        ? await statementConflictAgain(context.db, team.id, {
            version: drawn.value.baseVersion,
            text: draftText(drawn.value),
            conflicts: drawn.value.conflicts,
            fromTheirs: drawn.value.merged,
          })
        : null;
    return data({ result: submission.reply(), conflict: again }, { status: 400 });
  }
  const draft = submission.value;
  const text = await withTextOfVersion(
    context.db,
    team.id,
    draft.baseVersion,
    draftText(draft),
    theirsChosen(draft),
  );
  const outcome = await run(context.db, actorOf(context, user), saveStatementDraft, {
    team: { id: team.id, number: team.number, cohortId: cohort.id },
    baseVersion: draft.baseVersion,
    text,
  });
  if (outcome.ok) {
    const saved = `${isMergedDraft(draft) ? "Merged draft" : "Draft"} saved as version ${outcome.number}`;
    return redirectWithBanner(context, request, paths.cohort(cohort.id).teamOf(team.id).statement(), saved);
  }
  const { errors, status } = refusalOf(outcome);
  const conflict =
    "conflict" in outcome ? await statementConflict(context.db, team.id, draft.baseVersion, text) : null;
  return data({ result: submission.reply(errors), conflict }, { status });
}

export default function EditStatement() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const saved = loaded.saved?.text ?? EMPTY_STATEMENT;
  const [form, fields] = useVersionedForm<z.input<typeof StatementDraftSchema>>(loaded.version, {
    lastResult: answer?.result,
    defaultValue: { ...saved, category: saved.category ?? undefined },
  });
  // Refused because someone saved first: only the fields both changed, the rest merged.
  const conflict = answer?.conflict ?? null;
  return (
    <div className="govuk-grid-row">
      <div className={conflict ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds"}>
        <BackLink href={paths.cohort(loaded.cohortId).teamOf(loaded.teamId).statement()}>
          Back to the problem statement
        </BackLink>
        <FormErrorSummary form={form} />
        <PageHeading caption={loaded.teamName}>
          {conflict ? "Merge your changes with theirs" : "Edit the problem statement"}
        </PageHeading>
        {conflict ? (
          <StatementConflictForm form={form} conflict={conflict} choices={fields.keep.getFieldset()} />
        ) : !loaded.editable && !answer ? (
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
