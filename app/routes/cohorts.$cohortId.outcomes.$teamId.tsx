import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { recordOutcomes } from "~/commands/outcomes.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, Radios, Textarea } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { teamLabel } from "~/domain/report";
import { FOLLOW_UPS, OUTCOME_STATUSES, valuesOf } from "~/domain/vocabulary";
import { OutcomesSchema } from "~/forms/outcomes";
import { submitForm } from "~/forms/submit.server";
import { getTeam, listOutcomesOfTeam } from "~/models/outcome.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Outcomes: ${data?.team ?? "team"}`);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "outcomes:manage");
  const team = await getTeam(context.db, access.cohort.id, idParam(params.teamId, "Team"));
  if (!team) notFound("Team");
  return { ...access, team };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, team } = await load(context, request, params);
  const outcomes = await listOutcomesOfTeam(context.db, team.id);
  return { cohort, teamId: team.id, team: teamLabel(team), outcomes };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, team, user } = await load(context, request, params);
  return submitForm(context, request, user, {
    schema: OutcomesSchema,
    command: recordOutcomes,
    input: (outcomes) => ({
      cohortId: cohort.id,
      team: { id: team.id, label: teamLabel(team) },
      recordedBy: user.personId,
      outcomes,
    }),
    done: { to: paths.cohort(cohort.id).outcomes(), banner: `Outcomes for ${teamLabel(team)} saved` },
  });
}

export default function TeamOutcomes() {
  const { cohort, team, outcomes } = useLoaderData<typeof loader>();
  const recorded = (followUp: string) => outcomes.find((o) => o.follow_up === followUp);
  const [form, fields] = useForm<z.input<typeof OutcomesSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: Object.fromEntries(
      valuesOf(FOLLOW_UPS).map((followUp) => {
        const current = recorded(followUp);
        return [followUp, { status: current?.status, note: current?.note ?? undefined }];
      }),
    ),
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).outcomes(), text: "Back to outcomes" }}
      form={form}
      caption={cohort.name}
      heading={<>Outcomes: {team}</>}
    >
      <Form method="post" {...formProps(form)}>
        {valuesOf(FOLLOW_UPS).map((followUp) => {
          const current = recorded(followUp);
          const fieldset = fields[followUp].getFieldset();
          return (
            <div key={followUp}>
              {/* What the form was drawn from: a follow-up recorded since then refuses the save. */}
              <input type="hidden" name={fieldset.recordedAt.name} value={current?.recorded_at ?? ""} />
              <Radios
                field={fieldset.status}
                legend={`${FOLLOW_UPS[followUp]} the programme`}
                legendSize="m"
                hint={
                  current
                    ? `Recorded ${formatUkDateTime(current.recorded_at)}${current.recorded_by_name ? ` by ${current.recorded_by_name}` : ""}`
                    : "Not recorded yet"
                }
                items={valuesOf(OUTCOME_STATUSES).map((s) => ({ value: s, text: OUTCOME_STATUSES[s] }))}
              />
              <Textarea
                field={fieldset.note}
                label="Note (optional)"
                hint="For example, who took it forward and what happened"
                rows={3}
              />
            </div>
          );
        })}
        <Button>Save outcomes</Button>
      </Form>
    </FormPage>
  );
}
