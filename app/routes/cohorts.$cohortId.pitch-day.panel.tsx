// The panel: which of the cohort's senior leaders score the pitches, and every conflict with a team.
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
import { BackLink, Button, InsetText, Select, Table } from "~/components/govuk";
import { type FieldErrors, formValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  addPanelMember,
  claimEventVersion,
  getPitchEvent,
  pitchDayPanel,
  removePanelMember,
} from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Panel and conflicts");
export const ErrorBoundary = RouteErrorBoundary;

async function panelState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, access.cohort.id);
  if (!event) throw redirect(`/cohorts/${access.cohort.id}/pitch-day/event`);
  return { ...access, event, panel: await pitchDayPanel(db, access.cohort.id, event.id) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event, panel } = await panelState(context, request, params.cohortId);
  const leaderName = new Map(panel.leaders.map((l) => [l.id, l.name]));
  const teamLabel = new Map(panel.teams.map((t) => [t.id, t.label]));
  return {
    cohort,
    version: event.version,
    leaders: panel.leaders.map((l) => ({
      id: l.id,
      name: l.name,
      organisation: l.organisation,
      onPanel: l.onPanel,
      conflicts: panel.conflicts.filter((c) => c.leaderId === l.id).length,
    })),
    conflicts: panel.conflicts.map((c) => ({
      key: `${c.leaderId}-${c.teamId}`,
      leader: leaderName.get(c.leaderId) ?? "",
      team: teamLabel.get(c.teamId) ?? "",
      reasons: c.reasons,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, event, panel } = await panelState(context, request, params.cohortId);
  const values = formValues(await request.formData());
  const refuse = (errors: FieldErrors, status = 400) => data({ errors }, { status });
  const intent = values.intent;
  if (intent !== "add" && intent !== "remove") return refuse({ personId: "Choose a senior leader" });
  const personId =
    typeof values.personId === "string" && /^\d+$/.test(values.personId) ? Number(values.personId) : 0;
  const leader = panel.leaders.find((l) => l.id === personId);
  if (!leader) return refuse({ personId: "Choose a senior leader of this cohort" });
  if (intent === "remove" && event.scoring_state !== "not_open")
    return refuse({ personId: "A leader cannot leave the panel once scoring has opened" });
  const saved = await context.db.transaction().execute(async (tx) => {
    if (!(await claimEventVersion(tx, event.id, Number(values.version)))) return false;
    if (intent === "add") await addPanelMember(tx, event.id, personId);
    else await removePanelMember(tx, event.id, personId);
    await recordAudit(tx, {
      actorId: user.personId,
      action: intent === "add" ? "pitch_day.panel_added" : "pitch_day.panel_removed",
      subjectType: "pitch_event",
      subjectId: event.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { leader: leader.name },
    });
    return true;
  });
  if (!saved)
    return refuse(
      {
        personId:
          "Someone else changed the pitch day while you were looking at it. Check the panel and try again.",
      },
      409,
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/pitch-day/panel`,
    intent === "add" ? `${leader.name} added to the panel` : `${leader.name} removed from the panel`,
  );
}

export default function Panel() {
  const { cohort, version, leaders, conflicts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const onPanel = leaders.filter((l) => l.onPanel);
  const available = leaders.filter((l) => !l.onPanel);
  return (
    <>
      <BackLink href={`/cohorts/${cohort.id}/pitch-day`}>Back to the pitch day</BackLink>
      <FormErrorSummary errors={actionData?.errors} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Panel and conflicts
      </h1>
      <p className="govuk-body">
        A leader is in conflict with a team when the leader's organisation is that of a team member or of
        either mentor, or when the leader has declared a conflict. A conflicted leader is not offered that
        team's sheet and cannot score it.
      </p>
      {onPanel.length ? (
        <Table
          caption="On the panel"
          captionSize="m"
          firstCellIsHeader
          head={[
            { text: "Leader" },
            { text: "Organisation" },
            { text: "Conflicts", format: "numeric" },
            { text: "" },
          ]}
          rows={onPanel.map((l) => [
            { text: l.name },
            { text: l.organisation ?? "None" },
            { text: String(l.conflicts), format: "numeric" },
            {
              text: (
                <Form method="post" noValidate className="tandem-inline-form">
                  <input type="hidden" name="version" value={version} />
                  <input type="hidden" name="personId" value={l.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove"
                    className="tandem-link-button govuk-body-s"
                  >
                    Remove<span className="govuk-visually-hidden"> {l.name} from the panel</span>
                  </button>
                </Form>
              ),
            },
          ])}
        />
      ) : (
        <InsetText>No senior leaders are on the panel yet.</InsetText>
      )}
      {available.length ? (
        <Form method="post" noValidate key={version}>
          <input type="hidden" name="version" value={version} />
          <Select
            id="personId"
            name="personId"
            label="Add a senior leader to the panel"
            labelClassName="govuk-label--s"
            items={available.map((l) => ({
              value: String(l.id),
              text: `${l.name}${l.organisation ? ` (${l.organisation})` : ""}`,
            }))}
            error={actionData?.errors.personId}
          />
          <Button name="intent" value="add" variant="secondary">
            Add to the panel
          </Button>
        </Form>
      ) : leaders.length === 0 ? (
        <InsetText>
          Invite senior leaders to the cohort (role: senior leader) to add them to the panel.
        </InsetText>
      ) : null}
      <h2 className="govuk-heading-m">Conflicts</h2>
      {conflicts.length ? (
        <Table
          caption="Every conflict between the panel and the teams"
          captionSize="s"
          head={[{ text: "Leader" }, { text: "Team" }, { text: "Why" }]}
          rows={conflicts.map((c) => [{ text: c.leader }, { text: c.team }, { text: c.reasons.join("; ") }])}
        />
      ) : (
        <p className="govuk-body">No conflicts between the panel and the teams.</p>
      )}
    </>
  );
}
