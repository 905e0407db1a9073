// Restoring an earlier version of the teams: who would move where, and a reason, before anything changes. The
// teams as they are now are kept as a version in turn.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordOr404, requireCohortAccess, requireRecentVerification } from "~/auth/guards.server";
import { restoreTeamsVersion } from "~/commands/teams.server";
import { ConfirmTeamsChange } from "~/components/ConfirmTeamsChange";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { SummaryList } from "~/components/govuk";
import { TeamMoves } from "~/components/TeamMoves";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { placementOfSnapshot, restoredTeams } from "~/domain/team-changes";
import { requiredText, version } from "~/forms/fields";
import { submitForm } from "~/forms/submit.server";
import {
  getTeamsStatus,
  getTeamVersion,
  listCohortMentors,
  listTeamCandidates,
  listTeams,
  movesTo,
  snapshotOf,
} from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

const RestoreSchema = z.object({
  version,
  reason: requiredText(1000, {
    empty: "Enter why you are restoring these teams: it is recorded with the change",
    tooLong: "Reason must be 1,000 characters or fewer",
  }),
});

const CAUSES = {
  regenerated: "the teams were regenerated",
  mentors_paired: "the mentors were paired again",
  restored: "an earlier version was restored",
} as const;

export const meta = pageMeta("Check who would move before restoring these teams");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  requireRecentVerification(request, user);
  const db = context.db;
  const kept = await recordOr404(
    context,
    (d, id) => getTeamVersion(d, cohort.id, id),
    params.versionId,
    "Version of the teams",
  );
  const [status, teams, candidates, mentors] = await Promise.all([
    getTeamsStatus(db, cohort.id),
    listTeams(db, cohort.id),
    listTeamCandidates(db, cohort.id),
    listCohortMentors(db, cohort.id),
  ]);
  const restored = restoredTeams(kept.snapshot, snapshotOf(teams), {
    placeable: new Set(candidates.map((p) => p.id)),
    mentors: new Set(mentors.map((m) => m.id)),
  });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    version: status.teams_version,
    kept: {
      id: kept.id,
      savedAt: kept.saved_at,
      cause: CAUSES[kept.cause],
      by: kept.saved_by_name ?? "Tandem",
      reason: kept.reason,
    },
    moves: await movesTo(db, teams, placementOfSnapshot(restored)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  requireRecentVerification(request, user);
  const kept = await recordOr404(
    context,
    (d, id) => getTeamVersion(d, cohort.id, id),
    params.versionId,
    "Version of the teams",
  );
  return submitForm(context, request, user, {
    schema: RestoreSchema,
    command: restoreTeamsVersion,
    input: (form) => ({
      cohortId: cohort.id,
      version: form.version,
      versionId: kept.id,
      reason: form.reason,
    }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).teams(),
      banner: `Teams restored as they were before ${formatUkDateTime(kept.saved_at)}: ${outcome.moved} ${outcome.moved === 1 ? "person" : "people"} changed team`,
    }),
  });
}

export default function RestoreTeams() {
  const { cohort, version: teamsVersion, kept, moves } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof RestoreSchema>>(teamsVersion, {
    lastResult: useActionData<typeof action>(),
  });
  const teamsPath = paths.cohort(cohort.id).teams();
  return (
    <FormPage
      back={{ href: teamsPath, text: "Back to teams" }}
      form={form}
      caption={cohort.name}
      heading="Check who would move before restoring these teams"
    >
      <SummaryList
        rows={[
          { key: "Kept on", value: formatUkDateTime(kept.savedAt) },
          { key: "Kept because", value: `${kept.by} confirmed that ${kept.cause}` },
          { key: "Reason given then", value: kept.reason },
        ]}
      />
      <p className="govuk-body">
        Nothing has changed yet: if you confirm, these people go back to the team they were in and see it
        straight away. Participants placed since stay in their team.
      </p>
      <TeamMoves moves={moves} />
      <ConfirmTeamsChange
        form={form}
        reason={fields.reason}
        reasonLabel="Why are you restoring these teams?"
        reasonHint="This is recorded with the change."
        button="Restore these teams"
        back={{ href: teamsPath, text: "Back to teams" }}
        kept="The teams as they are now are kept as a version too, so you can undo this."
      >
        <input type="hidden" name="version" value={teamsVersion} />
      </ConfirmTeamsChange>
    </FormPage>
  );
}
