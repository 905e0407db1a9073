import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Table, Tag, Textarea, WarningText } from "~/components/govuk";
import { type PairingMentor, pairMentors } from "~/domain/mentor-pairing";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  claimTeamsVersion,
  getTeamsStatus,
  listCohortMentors,
  listTeams,
  replaceMentors,
} from "~/models/team.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Pair mentors with teams");
export const ErrorBoundary = RouteErrorBoundary;

/** The teams, the mentors, and the pairing the Hungarian method proposes for them now. */
async function proposal(context: AppLoadContext, cohortId: number) {
  const db = context.db;
  const [teams, mentors, status] = await Promise.all([
    listTeams(db, cohortId),
    listCohortMentors(db, cohortId),
    getTeamsStatus(db, cohortId),
  ]);
  const pairingMentors: PairingMentor[] = mentors
    .filter((m) => m.sector !== null)
    .map((m) => ({
      id: String(m.id),
      name: m.name,
      sector: m.sector!,
      organisation: m.organisation_name ?? `(no organisation: ${m.name})`,
    }));
  const pairing = pairMentors(
    teams.map((t) => ({
      number: t.number,
      memberOrganisations: t.members.map((m) => m.organisation_name ?? ""),
    })),
    pairingMentors,
  );
  return { teams, mentors, status, pairing };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const { teams, mentors, status, pairing } = await proposal(context, cohort.id);
  return {
    cohort,
    version: status.teams_version,
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

const PairSchema = z.object({
  intent: z.enum(["pair", "override"]),
  version: z.string().regex(/^\d+$/).transform(Number),
  reason: z.string().trim().max(1000, "Reason must be 1,000 characters or fewer").optional().default(""),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const form = parseForm(await request.formData(), PairSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const { teams, mentors, status, pairing } = await proposal(context, cohort.id);
  if (!teams.some((t) => t.members.length > 0))
    return data(
      { errors: { pairing: "Form the teams before pairing mentors" }, values: form.values },
      { status: 400 },
    );
  if (!pairing.complete)
    return data(
      { errors: { pairing: pairing.problems.map((p) => p.message).join(" ") }, values: form.values },
      { status: 400 },
    );
  const override = pairing.conflicts > 0;
  if (override && form.data.intent !== "override")
    return data(
      {
        errors: {
          reason: "No pairing without conflicts exists: enter why you accept these conflicts to pair anyway",
        },
        values: form.values,
      },
      { status: 400 },
    );
  if (override && !form.data.reason)
    return data(
      { errors: { reason: "Enter why you accept these conflicts" }, values: form.values },
      { status: 400 },
    );
  const teamId = new Map(teams.map((t) => [t.number, t.id]));
  const names = new Map(mentors.map((m) => [String(m.id), m.name]));
  const assignments = pairing.pairs.flatMap((pair) =>
    (["industry", "government"] as const).map((sector) => ({
      teamId: teamId.get(pair.team)!,
      personId: Number(pair[sector]),
      sector,
      overrideReason: pair.conflicts.includes(pair[sector]) ? form.data.reason : null,
    })),
  );
  const saved = await context.db.transaction().execute(async (tx) => {
    if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
    await replaceMentors(tx, cohort.id, assignments);
    for (const pair of pairing.pairs) {
      await recordAudit(tx, {
        actorId: user.personId,
        action: "team.mentors_paired",
        subjectType: "team",
        subjectId: teamId.get(pair.team)!,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          team: pair.team,
          industry: names.get(pair.industry),
          government: names.get(pair.government),
          conflicts: pair.conflicts.map((id) => names.get(id)),
          overrideReason: pair.conflicts.length ? form.data.reason : null,
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
          pairing:
            "Someone else changed the teams while you were looking at them. Check the pairing as it is now and try again.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/teams/mentors`,
    override
      ? `Mentors paired with ${pairing.conflicts} conflict${pairing.conflicts === 1 ? "" : "s"} you accepted`
      : "Mentors paired with every team, with no conflicts",
  );
}

export default function PairMentors() {
  const { cohort, version, formed, teams, mentorCount, pairing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  const paired = teams.some((t) => t.mentors.length > 0);
  return (
    <>
      <BackLink href={`/cohorts/${cohort.id}/teams`}>Back to teams</BackLink>
      <FormErrorSummary errors={errors} ids={{ pairing: "pairing" }} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Pair mentors with teams
      </h1>
      <p className="govuk-body">
        Each team gets one industry mentor and one government mentor. A mentor is in conflict with a team when
        someone in the team is from the mentor's organisation: Tandem never pairs with a conflict when a
        pairing without one exists. {mentorCount} mentors are in this cohort.
      </p>
      {formed ? (
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
            const of = (sector: string) => team.mentors.find((m) => m.sector === sector);
            const reasons = team.mentors.filter((m) => m.override_reason);
            return [
              { text: `Team ${team.number}${team.name ? `: ${team.name}` : ""}` },
              {
                text: of("industry")
                  ? `${of("industry")!.name} (${of("industry")!.organisation_name ?? "no organisation"})`
                  : "None",
              },
              {
                text: of("government")
                  ? `${of("government")!.name} (${of("government")!.organisation_name ?? "no organisation"})`
                  : "None",
              },
              {
                text: reasons.length
                  ? reasons.map((m) => `${m.name}: ${m.override_reason}`).join("; ")
                  : "No",
              },
            ];
          })}
        />
      ) : (
        <InsetText>Form the teams before pairing mentors.</InsetText>
      )}
      <div id="pairing" tabIndex={-1}>
        {pairing.problems.map((problem) => (
          <WarningText key={problem.sector}>{problem.message}</WarningText>
        ))}
      </div>
      {formed && pairing.complete ? (
        <Form method="post" noValidate key={version}>
          <input type="hidden" name="version" value={version} />
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
              <Textarea
                id="reason"
                name="reason"
                label="Why you accept these conflicts"
                defaultValue={fieldValue(values, "reason") ?? ""}
                error={errors?.reason}
              />
              <Button name="intent" value="override" variant="warning">
                Pair with conflicts
              </Button>
            </>
          )}
        </Form>
      ) : null}
    </>
  );
}
