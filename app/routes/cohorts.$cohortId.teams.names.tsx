import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { renameTeams } from "~/commands/teams.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, Input } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { submitForm } from "~/forms/submit.server";
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
  return submitForm(context, request, user, {
    schema: TeamNamesSchema,
    command: renameTeams,
    input: (value) => ({ cohortId: cohort.id, ...value }),
    done: { to: paths.cohort(cohort.id).teams(), banner: "Team names saved" },
  });
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
        <VersionedForm form={form} version={version}>
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
        </VersionedForm>
      )}
    </FormPage>
  );
}
