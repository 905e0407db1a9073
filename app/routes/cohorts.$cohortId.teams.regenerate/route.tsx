// Regenerating published teams: who would move where, and a reason, before anything changes. The proposal comes
// in the address (made by the teams page) and goes back in the form, so what is confirmed is what was shown; a
// proposal made before someone else changed the teams is refused.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { regenerateTeams } from "~/commands/teams.server";
import { ConfirmTeamsChange } from "~/components/ConfirmTeamsChange";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { TeamMoves } from "~/components/TeamMoves";
import { useVersionedForm } from "~/components/use-versioned-form";
import { placementOfSnapshot, proposalProblem } from "~/domain/team-changes";
import { submitForm } from "~/forms/submit.server";
import { formationInputFor, getTeamsStatus, movesTo } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { ConfirmRegenerateSchema, PROPOSAL_FIELDS, ProposalSchema } from "./schema";

export const meta = pageMeta("Check who would move before regenerating the teams");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const teamsPath = paths.cohort(cohort.id).teams();
  const url = new URL(request.url);
  const query = parseWithZod(url.searchParams, { schema: ProposalSchema });
  const status = await getTeamsStatus(context.db, cohort.id);
  // Before publishing, regenerating is one click on the teams page; a broken address goes back there too.
  if (query.status !== "success" || !status.teams_published_at) throw redirect(teamsPath);
  const { proposal, balance, notAlone } = query.value;
  const weights = {
    colleagues: query.value.weightColleagues,
    notAlone: query.value.weightNotAlone,
    balance: query.value.weightBalance,
  };
  const { input, candidates, teams } = await formationInputFor(context.db, cohort.id, cohort.team_count, {
    balance,
    notAlone,
    weights,
    lastRun: null,
  });
  const stale =
    status.teams_version !== query.value.version
      ? "Someone changed the teams after these were proposed: go back to the teams page and regenerate them again"
      : proposalProblem(proposal, {
          teamCount: cohort.team_count,
          people: candidates.map((p) => p.id),
          locks: (input.locks ?? []).map((l) => ({ personId: Number(l.personId), team: l.team })),
        });
  const next = placementOfSnapshot({
    teams: proposal.map((ids, i) => ({
      number: i + 1,
      name: null,
      members: ids.map((personId) => ({ personId, locked: false })),
      mentors: [],
    })),
  });
  const moves = await movesTo(context.db, teams, { members: next.members, mentors: new Map() });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    version: query.value.version,
    hidden: PROPOSAL_FIELDS.flatMap((name) =>
      url.searchParams.getAll(name).map((value) => ({ name, value })),
    ),
    moves: moves.filter((m) => m.role === "member"),
    stale,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  return submitForm(context, request, user, {
    schema: ConfirmRegenerateSchema,
    command: regenerateTeams,
    input: (form) => ({
      cohortId: cohort.id,
      version: form.version,
      teamCount: cohort.team_count,
      balance: form.balance,
      notAlone: form.notAlone,
      weights: {
        colleagues: form.weightColleagues,
        notAlone: form.weightNotAlone,
        balance: form.weightBalance,
      },
      proposal: form.proposal,
      reason: form.reason,
    }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).teams(),
      banner: `Teams regenerated: ${outcome.moved} ${outcome.moved === 1 ? "person" : "people"} moved. The teams as they were are kept under “Previous versions of the teams”.`,
    }),
  });
}

export default function ConfirmRegenerate() {
  const { cohort, version, hidden, moves, stale } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof ConfirmRegenerateSchema>>(version, {
    lastResult: useActionData<typeof action>(),
  });
  const teamsPath = paths.cohort(cohort.id).teams();
  return (
    <FormPage
      back={{ href: teamsPath, text: "Back to teams" }}
      form={form}
      errorIds={{ proposal: "changes" }}
      caption={cohort.name}
      heading="Check who would move before regenerating the teams"
    >
      <p className="govuk-body">
        The teams are published. Nothing has changed yet: if you confirm, these people move to their new team
        and see it straight away. Mentors stay with their team number.
      </p>
      <TeamMoves moves={moves} />
      <ConfirmTeamsChange
        form={form}
        reason={fields.reason}
        reasonLabel="Why are you regenerating the teams?"
        reasonHint="This is recorded with the change and kept with the previous version."
        button="Regenerate teams"
        back={{ href: teamsPath, text: "Back to teams" }}
        stale={stale}
      >
        {hidden.map((field, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a name may repeat (a list of choices)
          <input key={i} type="hidden" name={field.name} value={field.value} />
        ))}
      </ConfirmTeamsChange>
    </FormPage>
  );
}
