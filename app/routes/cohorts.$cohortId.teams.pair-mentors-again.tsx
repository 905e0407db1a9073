// Pairing the mentors of published teams again: which mentors would change team, and a reason, before anything
// changes. The form carries the pairing shown; if Tandem would now propose another one, or someone changed the
// teams meanwhile, nothing changes.
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { pairTeamMentors } from "~/commands/teams.server";
import { ConfirmTeamsChange } from "~/components/ConfirmTeamsChange";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { TeamMoves } from "~/components/TeamMoves";
import { useVersionedForm } from "~/components/use-versioned-form";
import { encodePairing, mentorMoves } from "~/domain/team-changes";
import { optionalText, requiredText, version } from "~/forms/fields";
import { submitForm } from "~/forms/submit.server";
import { getTeamsStatus, mentorPairingProposal, movesTo } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

const outOfDate = "This pairing is out of date: go back to the mentors page and pair them again";

const ConfirmPairingSchema = z.object({
  version,
  expected: z.string({ error: outOfDate }),
  conflictReason: optionalText(1000, "Reason must be 1,000 characters or fewer"),
  changeReason: requiredText(1000, {
    empty: "Enter why you are pairing the mentors again: it is recorded with the change",
    tooLong: "Reason must be 1,000 characters or fewer",
  }),
});

export const meta = pageMeta("Check which mentors would change team");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get("version"));
  const conflictReason = url.searchParams.get("conflictReason")?.trim() || null;
  const [status, { teams, pairing }] = await Promise.all([
    getTeamsStatus(context.db, cohort.id),
    mentorPairingProposal(context.db, cohort.id),
  ]);
  // Before publishing, pairing again is one click on the mentors page.
  if (!status.teams_published_at || !Number.isSafeInteger(asked) || !url.searchParams.has("version"))
    throw redirect(paths.cohort(cohort.id).teamsMentors());
  const next = new Map<number, number[]>();
  for (const pair of pairing.pairs)
    for (const id of [pair.industry, pair.government])
      next.set(Number(id), [...(next.get(Number(id)) ?? []), pair.team]);
  const moves = mentorMoves(await movesTo(context.db, teams, { members: new Map(), mentors: next }));
  const stale =
    status.teams_version !== asked
      ? "Someone changed the teams after you asked to pair the mentors again: go back to the mentors page and pair them again"
      : !pairing.complete
        ? pairing.problems.map((p) => p.message).join(" ")
        : pairing.conflicts > 0 && !conflictReason
          ? "No pairing without conflicts exists: go back to the mentors page and give your reason for accepting them"
          : null;
  return {
    cohort: { id: cohort.id, name: cohort.name },
    version: asked,
    expected: encodePairing(pairing.pairs),
    conflicts: pairing.conflicts,
    conflictReason,
    moves,
    stale,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  return submitForm(context, request, user, {
    schema: ConfirmPairingSchema,
    command: pairTeamMentors,
    input: (form) => ({
      cohortId: cohort.id,
      version: form.version,
      acceptConflicts: form.conflictReason !== null,
      reason: form.conflictReason,
      expected: form.expected,
      changeReason: form.changeReason,
    }),
    done: {
      to: paths.cohort(cohort.id).teamsMentors(),
      banner: "Mentors paired again. The teams as they were are kept under “Previous versions of the teams”.",
    },
  });
}

export default function ConfirmPairMentorsAgain() {
  const {
    cohort,
    version: asked,
    expected,
    conflicts,
    conflictReason,
    moves,
    stale,
  } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof ConfirmPairingSchema>>(asked, {
    lastResult: useActionData<typeof action>(),
  });
  const mentorsPath = paths.cohort(cohort.id).teamsMentors();
  return (
    <FormPage
      back={{ href: mentorsPath, text: "Back to mentors" }}
      form={form}
      errorIds={{ pairing: "changes", expected: "changes" }}
      caption={cohort.name}
      heading="Check which mentors would change team"
    >
      <p className="govuk-body">
        The teams are published. Nothing has changed yet: if you confirm, these mentors change team and the
        teams see their new mentors straight away. Participants stay in their teams.
      </p>
      <TeamMoves moves={moves} />
      {conflicts > 0 && conflictReason ? (
        <p className="govuk-body">
          This pairing has {conflicts} {conflicts === 1 ? "conflict" : "conflicts"}, which you accepted
          because: {conflictReason}
        </p>
      ) : null}
      <ConfirmTeamsChange
        form={form}
        reason={fields.changeReason}
        reasonLabel="Why are you pairing the mentors again?"
        reasonHint="This is recorded with the change and kept with the previous version."
        button="Pair mentors again"
        back={{ href: mentorsPath, text: "Back to mentors" }}
        stale={stale}
      >
        <input type="hidden" name="version" value={asked} />
        <input type="hidden" name="expected" value={expected} />
        {conflictReason ? <input type="hidden" name="conflictReason" value={conflictReason} /> : null}
      </ConfirmTeamsChange>
    </FormPage>
  );
}
