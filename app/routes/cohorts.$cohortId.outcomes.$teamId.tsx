import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Radios, Textarea } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { FOLLOW_UP_LABELS, FOLLOW_UPS, OUTCOME_LABELS, OUTCOME_STATUSES, teamLabel } from "~/domain/report";
import { recordAudit } from "~/models/audit.server";
import { getTeam, listOutcomesOfTeam, type OutcomeInput, saveOutcome } from "~/models/outcome.server";
import { pageMeta } from "~/utils/meta";
import type { OutcomeStatus } from "../../db/types";

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

const NOTE_MAX = 1000;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, team, user } = await load(context, request, params);
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const errors: Record<string, string> = {};
  const inputs: Array<OutcomeInput & { expected: string }> = [];
  for (const followUp of FOLLOW_UPS) {
    const status = values[`${followUp}-status`] ?? "";
    const note = (values[`${followUp}-note`] ?? "").trim();
    if (status && !OUTCOME_STATUSES.includes(status as OutcomeStatus))
      errors[`${followUp}-status`] = "Select one of the outcomes";
    else if (!status && note)
      errors[`${followUp}-status`] =
        `Select the outcome ${FOLLOW_UP_LABELS[followUp].toLowerCase()} the programme for this note`;
    if (note.length > NOTE_MAX)
      errors[`${followUp}-note`] = `The note must be ${NOTE_MAX} characters or fewer`;
    if (status)
      inputs.push({
        followUp,
        status: status as OutcomeStatus,
        note: note || null,
        expected: values[`${followUp}-expected`] ?? "",
      });
  }
  if (!Object.keys(errors).length && inputs.length === 0)
    errors["3-months-status"] = "Select an outcome for at least one follow-up";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const saved = await context.db
    .transaction()
    .execute(async (tx) => {
      for (const input of inputs) {
        if (!(await saveOutcome(tx, team.id, input, input.expected, user.personId))) {
          throw new StaleOutcome(input.followUp);
        }
        await recordAudit(tx, {
          actorId: user.personId,
          action: "outcome.recorded",
          subjectType: "team",
          subjectId: team.id,
          cohortId: cohort.id,
          address: clientAddress(context),
          details: { followUp: input.followUp, status: input.status },
        });
      }
      return true;
    })
    .catch((error) => {
      if (error instanceof StaleOutcome) return error.followUp;
      throw error;
    });
  if (saved !== true)
    return data(
      {
        errors: {
          [`${saved}-status`]:
            "Someone else recorded this outcome while you were editing. Check it and save again.",
        },
        values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/outcomes`,
    `Outcomes for ${teamLabel(team)} saved`,
  );
}

class StaleOutcome extends Error {
  constructor(readonly followUp: string) {
    super("stale outcome");
  }
}

export default function TeamOutcomes() {
  const { cohort, team, outcomes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/outcomes`}>Back to outcomes</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Outcomes: {team}
        </h1>
        <Form method="post" noValidate>
          {FOLLOW_UPS.map((followUp) => {
            const current = outcomes.find((o) => o.follow_up === followUp);
            return (
              <div key={followUp}>
                <input type="hidden" name={`${followUp}-expected`} value={current?.recorded_at ?? ""} />
                <Radios
                  name={`${followUp}-status`}
                  legend={`${FOLLOW_UP_LABELS[followUp]} the programme`}
                  legendSize="m"
                  hint={
                    current
                      ? `Recorded ${formatUkDateTime(current.recorded_at)}${current.recorded_by_name ? ` by ${current.recorded_by_name}` : ""}`
                      : "Not recorded yet"
                  }
                  items={OUTCOME_STATUSES.map((s) => ({ value: s, text: OUTCOME_LABELS[s] }))}
                  defaultValue={values?.[`${followUp}-status`] ?? current?.status}
                  error={errors?.[`${followUp}-status`]}
                />
                <Textarea
                  id={`${followUp}-note`}
                  name={`${followUp}-note`}
                  label="Note (optional)"
                  hint="For example, who took it forward and what happened"
                  defaultValue={values?.[`${followUp}-note`] ?? current?.note ?? ""}
                  error={errors?.[`${followUp}-note`]}
                  rows={3}
                />
              </div>
            );
          })}
          <Button>Save outcomes</Button>
        </Form>
      </div>
    </div>
  );
}
