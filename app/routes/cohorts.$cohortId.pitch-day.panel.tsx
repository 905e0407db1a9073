import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { addPanelLeader, removePanelLeader } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Select, Table } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { PageHeading } from "~/components/PageHeading";
import { RowActionForm } from "~/components/RowActionForm";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { PanelSchema } from "~/forms/pitch-day";
import { change, submitForm } from "~/forms/submit.server";
import { getPitchEvent, pitchDayPanel } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Panel and conflicts");
export const ErrorBoundary = RouteErrorBoundary;

async function panelState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const event = await getPitchEvent(context.db, access.cohort.id);
  if (!event) throw redirect(paths.cohort(access.cohort.id).pitchDay.event());
  return { ...access, event };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event } = await panelState(context, request, params.cohortId);
  const panel = await pitchDayPanel(context.db, cohort.id, event.id);
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
  const { user, cohort, event } = await panelState(context, request, params.cohortId);
  return submitForm(context, request, user, {
    schema: PanelSchema,
    // The add form carries a one-time key: sent twice, it adds the leader once and answers as the first did.
    once: true,
    change: ({ intent, ...form }) =>
      change(
        intent === "add" ? addPanelLeader : removePanelLeader,
        { ...form, cohortId: cohort.id, eventId: event.id },
        ({ leader }) => ({
          to: paths.cohort(cohort.id).pitchDay.panel(),
          banner: intent === "add" ? `${leader} added to the panel` : `${leader} removed from the panel`,
        }),
      ),
  });
}

export default function Panel() {
  const { cohort, version, leaders, conflicts } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof PanelSchema>>(version, {
    lastResult: useActionData<typeof action>(),
  });
  const onPanel = leaders.filter((l) => l.onPanel);
  const available = leaders.filter((l) => !l.onPanel);
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).pitchDay.home()}>Back to the pitch day</BackLink>
      <FormErrorSummary form={form} />
      <PageHeading caption={cohort.name}>Panel and conflicts</PageHeading>
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
                <RowActionForm
                  inputs={{ version, personId: l.id }}
                  intent="remove"
                  label="Remove"
                  hiddenLabel={`${l.name} from the panel`}
                  look="link"
                />
              ),
            },
          ])}
        />
      ) : (
        <InsetText>No senior leaders are on the panel yet.</InsetText>
      )}
      {available.length ? (
        <VersionedForm form={form} version={version}>
          <OnceOnly />
          <Select
            field={fields.personId}
            label="Add a senior leader to the panel"
            labelClassName="govuk-label--s"
            items={available.map((l) => ({
              value: String(l.id),
              text: `${l.name}${l.organisation ? ` (${l.organisation})` : ""}`,
            }))}
          />
          <Button name="intent" value="add" variant="secondary">
            Add to the panel
          </Button>
        </VersionedForm>
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
