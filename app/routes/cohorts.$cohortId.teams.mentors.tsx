import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { pairTeamMentors } from "~/commands/teams.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Table, Tag, Textarea, WarningText } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { invalid } from "~/domain/outcome";
import { change, goTo, submitForm } from "~/forms/submit.server";
import { PairMentorsSchema } from "~/forms/teams";
import { getTeamsStatus, mentorPairingProposal, type TeamsList } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Pair mentors with teams");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const { teams, mentors, status, pairing } = await mentorPairingProposal(context.db, cohort.id);
  return {
    cohort,
    version: status.teams_version,
    published: status.teams_published_at !== null,
    formed: teams.some((t) => t.members.length > 0),
    teams: teams.map((t) => ({ id: t.id, number: t.number, name: t.name, mentors: t.mentors })),
    mentorCount: mentors.length,
    pairing: {
      complete: pairing.complete,
      conflicts: pairing.conflicts,
      problems: pairing.problems,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  return submitForm(context, request, user, {
    schema: PairMentorsSchema,
    change: async (form) => {
      const reason = form.intent === "override" ? form.reason : null;
      // Once the teams are published, pairing again first shows who would change team, and asks why.
      if ((await getTeamsStatus(context.db, cohort.id)).teams_published_at) {
        const { pairing } = await mentorPairingProposal(context.db, cohort.id);
        if (!pairing.complete) return invalid("pairing", pairing.problems.map((p) => p.message).join(" "));
        if (pairing.conflicts > 0 && !reason)
          return invalid(
            "reason",
            "No pairing without conflicts exists: enter why you accept these conflicts",
          );
        const query = new URLSearchParams({ version: String(form.version) });
        if (reason) query.set("conflictReason", reason);
        return goTo(paths.cohort(cohort.id).teamsPairMentorsAgain(query.toString()));
      }
      return change(
        pairTeamMentors,
        { cohortId: cohort.id, version: form.version, acceptConflicts: reason !== null, reason },
        (outcome) => ({
          to: paths.cohort(cohort.id).teamsMentors(),
          banner:
            outcome.conflicts > 0
              ? `Mentors paired with ${outcome.conflicts} conflict${outcome.conflicts === 1 ? "" : "s"} you accepted`
              : "Mentors paired with every team, with no conflicts",
        }),
      );
    },
  });
}

type Mentor = TeamsList[number]["mentors"][number];

const mentorText = (mentor: Mentor | undefined) =>
  mentor ? `${mentor.name} (${mentor.organisation_name ?? "no organisation"})` : "None";

function PairsTable({ teams }: { teams: Array<{ number: number; name: string | null; mentors: Mentor[] }> }) {
  const paired = teams.some((t) => t.mentors.length > 0);
  return (
    <Table
      caption={paired ? "Mentors of each team" : "No mentors paired yet"}
      captionSize="m"
      firstCellIsHeader
      head={[
        { text: "Team" },
        { text: "Industry mentor" },
        { text: "Government mentor" },
        { text: "Conflict accepted" },
      ]}
      rows={teams.map((team) => {
        const reasons = team.mentors.filter((m) => m.override_reason);
        return [
          { text: `Team ${team.number}${team.name ? `: ${team.name}` : ""}` },
          { text: mentorText(team.mentors.find((m) => m.sector === "industry")) },
          { text: mentorText(team.mentors.find((m) => m.sector === "government")) },
          { text: reasons.length ? reasons.map((m) => `${m.name}: ${m.override_reason}`).join("; ") : "No" },
        ];
      })}
    />
  );
}

export default function PairMentors() {
  const { cohort, version, published, formed, teams, mentorCount, pairing } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof PairMentorsSchema>>(version, {
    lastResult: useActionData<typeof action>(),
  });
  const paired = teams.some((t) => t.mentors.length > 0);
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).teams()}>Back to teams</BackLink>
      <FormErrorSummary form={form} />
      <PageHeading caption={cohort.name}>Pair mentors with teams</PageHeading>
      <p className="govuk-body">
        Each team gets one industry mentor and one government mentor. A mentor is in conflict with a team when
        someone in the team is from the mentor's organisation: Tandem never pairs with a conflict when a
        pairing without one exists. {mentorCount === 1 ? "1 mentor is" : `${mentorCount} mentors are`} in this
        cohort.
      </p>
      {formed ? <PairsTable teams={teams} /> : <InsetText>Form the teams before pairing mentors.</InsetText>}
      <div id="pairing" tabIndex={-1}>
        {pairing.problems.map((problem) => (
          <WarningText key={problem.sector}>{problem.message}</WarningText>
        ))}
      </div>
      {formed && pairing.complete ? (
        <VersionedForm form={form} version={version}>
          {published ? (
            <p className="govuk-body">
              The teams are published, so nothing changes yet: you will see which mentors would change team,
              and confirm with a reason.
            </p>
          ) : null}
          {pairing.conflicts === 0 ? (
            <>
              <p className="govuk-body">
                <Tag colour="green">No conflicts</Tag> A pairing without any conflict exists.
              </p>
              <Button name="intent" value="pair">
                {paired ? "Pair mentors again" : "Pair mentors"}
              </Button>
            </>
          ) : (
            <>
              <p className="govuk-body">
                The best pairing has {pairing.conflicts} conflict{pairing.conflicts === 1 ? "" : "s"}. You can
                accept it with a reason, which is recorded.
              </p>
              <Textarea field={fields.reason} label="Why you accept these conflicts" />
              <Button name="intent" value="override" variant="warning">
                Pair with conflicts
              </Button>
            </>
          )}
        </VersionedForm>
      ) : null}
    </>
  );
}
