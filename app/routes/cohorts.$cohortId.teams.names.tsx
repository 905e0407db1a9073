import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input } from "~/components/govuk";
import { formValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { claimTeamsVersion, getTeamsStatus, listTeams, setTeamName } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";

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
  const values = formValues(await request.formData());
  const db = context.db;
  const [teams, status] = await Promise.all([listTeams(db, cohort.id), getTeamsStatus(db, cohort.id)]);
  const errors: Record<string, string> = {};
  const names = new Map<number, string | null>();
  for (const team of teams) {
    const raw = values[`name-${team.number}`];
    const name = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
    if (name.length > 60)
      errors[`name-${team.number}`] = `Name of team ${team.number} must be 60 characters or fewer`;
    names.set(team.number, name || null);
  }
  const version = Number(Array.isArray(values.version) ? values.version[0] : values.version);
  if (teams.length === 0) errors.form = "Form the teams before naming them";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const changed = teams.filter((t) => (names.get(t.number) ?? null) !== t.name);
  const saved = await db.transaction().execute(async (tx) => {
    if (!Number.isInteger(version) || !(await claimTeamsVersion(tx, cohort.id, version))) return false;
    for (const team of changed) {
      const name = names.get(team.number) ?? null;
      await setTeamName(tx, cohort.id, team.number, name);
      await recordAudit(tx, {
        actorId: user.personId,
        action: "team.renamed",
        subjectType: "team",
        subjectId: team.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          number: team.number,
          from: team.name,
          to: name,
          afterPublishing: status.teams_published_at !== null,
        },
      });
    }
    return true;
  });
  if (!saved)
    return data(
      {
        errors: {
          [`name-${teams[0]?.number ?? 1}`]:
            "Someone else changed the teams while you were editing the names. Your names are kept below: check them and save again.",
        },
        values,
      },
      { status: 409 },
    );
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}/teams`, "Team names saved");
}

export default function NameTeams() {
  const { cohort, teams, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/teams`}>Back to teams</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Name the teams
        </h1>
        {teams.length === 0 ? (
          <p className="govuk-body">Form the teams first.</p>
        ) : (
          <Form method="post" noValidate key={version}>
            <input type="hidden" name="version" value={version} />
            {teams.map((team) => (
              <Input
                key={team.id}
                id={`name-${team.number}`}
                name={`name-${team.number}`}
                label={`Name of team ${team.number} (optional)`}
                defaultValue={values?.[`name-${team.number}`] ?? team.name ?? ""}
                error={errors?.[`name-${team.number}`]}
                width="20"
                maxLength={60}
              />
            ))}
            <Button>Save names</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
