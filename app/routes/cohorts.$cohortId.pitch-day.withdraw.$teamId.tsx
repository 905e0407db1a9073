// Withdrawing a team's released pitch results, confirmed and with a reason for the audit log: possible until the
// ranking is published to the cohort, when the results become final.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { withdrawTeamResults } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, ButtonGroup, InsetText, Textarea } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { WithdrawSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, pitchDayPanel, releasedTeams } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Withdraw ${data?.team.label ?? "a team"}'s results`,
);
export const ErrorBoundary = RouteErrorBoundary;

/** The pitch day and one of its pitching teams, of the coordinator's cohort. */
async function pitchingTeam(args: LoaderFunctionArgs) {
  const { context, request, params } = args;
  const access = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const teamId = idParam(params.teamId, "Team");
  const event = await getPitchEvent(context.db, access.cohort.id);
  if (!event) notFound("Pitch day");
  const [panel, released] = await Promise.all([
    pitchDayPanel(context.db, access.cohort.id, event.id),
    releasedTeams(context.db, event.id),
  ]);
  const team = panel.teams.find((t) => t.id === teamId) ?? notFound("Team");
  return { ...access, event, team: { id: team.id, label: team.label }, releasedAt: released.get(team.id) };
}

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, event, team, releasedAt } = await pitchingTeam(args);
  return {
    cohort,
    team,
    version: event.version,
    releasedAt: releasedAt ? formatUkDateTime(releasedAt) : null,
    published: event.ranking_published_at !== null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, cohort, event, team } = await pitchingTeam(args);
  return submitForm(args.context, args.request, user, {
    schema: WithdrawSchema,
    command: withdrawTeamResults,
    input: (value) => ({ ...value, cohortId: cohort.id, eventId: event.id, teamId: team.id }),
    done: {
      to: paths.cohort(cohort.id).pitchDay.home(),
      banner: `${team.label}'s results withdrawn: its members can no longer see them`,
    },
  });
}

export default function WithdrawResults() {
  const { cohort, team, version, releasedAt, published } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof WithdrawSchema>>(version, {
    lastResult: useActionData<typeof action>(),
  });
  const home = paths.cohort(cohort.id).pitchDay.home();
  return (
    <FormPage
      back={{ href: home, text: "Back to the pitch day" }}
      form={form}
      caption={cohort.name}
      heading={`Withdraw ${team.label}'s results?`}
    >
      {published ? (
        <InsetText>
          The ranking has been published to the cohort, so released results are final and can no longer be
          withdrawn.
        </InsetText>
      ) : !releasedAt ? (
        <InsetText>{`${team.label}'s results are not released.`}</InsetText>
      ) : (
        <>
          <p className="govuk-body">
            {`${team.label}'s results were released ${releasedAt}.`} If you withdraw them, the team's members
            and mentors can no longer see their feedback and scores until you release them again. Tandem does
            not tell them: if they may have read them already, tell them why yourself.
          </p>
          <Form method="post" {...formProps(form)} key={form.id}>
            <input type="hidden" name="version" value={version} />
            <Textarea
              field={fields.reason}
              label="Why are you withdrawing them?"
              hint="This is recorded in the audit log."
              rows={3}
            />
            <ButtonGroup>
              <Button variant="warning">Withdraw the results</Button>
              <Link className="govuk-link" to={home}>
                Cancel
              </Link>
            </ButtonGroup>
          </Form>
        </>
      )}
    </FormPage>
  );
}
