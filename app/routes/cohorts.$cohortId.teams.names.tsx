import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { actorOf, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { renameTeams } from "~/commands/teams.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, Input } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { invalidForm, refused } from "~/forms/reply.server";
import { TeamNamesSchema } from "~/forms/teams";
import { getTeamsStatus, listTeams } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Name the teams");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const db = context.db;
  const [teams, status] = await Promise.all([listTeams(db, cohort.id), getTeamsStatus(db, cohort.id)]);
  return {
    cohort,
    teams: teams.map((t) => ({ id: t.id, number: t.number, name: t.name })),
    version: status.teams_version,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const submission = parseWithZod(await request.formData(), { schema: TeamNamesSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), renameTeams, {
    cohortId: cohort.id,
    ...submission.value,
  });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(context, request, paths.cohort(cohort.id).teams(), "Team names saved");
}

export default function NameTeams() {
  const { cohort, teams, version } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { teams: teams.map((t) => ({ number: String(t.number), name: t.name ?? "" })) },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).teams(), text: "Back to teams" }}
      form={form}
      caption={cohort.name}
      heading="Name the teams"
    >
      {teams.length === 0 ? (
        <p className="govuk-body">Form the teams first.</p>
      ) : (
        <Form method="post" {...formProps(form)} key={form.id}>
          <input type="hidden" name="version" value={version} />
          {fields.teams.getFieldList().map((row) => {
            const team = row.getFieldset();
            const number = String(team.number.initialValue ?? "");
            return (
              <div key={row.key}>
                <input type="hidden" name={team.number.name} value={number} />
                <Input
                  field={team.name}
                  label={`Name of team ${number} (optional)`}
                  width="20"
                  maxLength={60}
                />
              </div>
            );
          })}
          <Button>Save names</Button>
        </Form>
      )}
    </FormPage>
  );
}
