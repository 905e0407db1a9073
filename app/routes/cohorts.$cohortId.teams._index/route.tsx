import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { formCohortTeams, moveTeamMember, publishCohortTeams, setMemberLock } from "~/commands/teams.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, InsetText, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { TeamQualityTable, TeamTotals } from "~/components/TeamReport";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { change, submitForm } from "~/forms/submit.server";
import { getTeamsStatus } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { FormTeamsForm } from "./FormTeamsForm";
import { LeftOut } from "./LeftOut";
import { MoveForm } from "./MoveForm";
import { PublishSection } from "./PublishSection";
import { proposeRegeneration, teamsPage } from "./page.server";
import { TeamsActionSchema, type TeamsIntent } from "./schema";
import { TeamTables } from "./TeamTables";
import { TeamVersions } from "./TeamVersions";

export const meta = pageMeta<typeof loader>(({ data }) => `Teams – ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  return { cohort, ...(await teamsPage(context.db, cohort)) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const to = paths.cohort(cohort.id).teams();
  return submitForm(context, request, user, {
    schema: TeamsActionSchema,
    change: async (form) => {
      const teams = { cohortId: cohort.id, version: form.version };
      if (form.intent === "form" && (await getTeamsStatus(context.db, cohort.id)).teams_published_at) {
        const weights = {
          colleagues: form.weightColleagues,
          notAlone: form.weightNotAlone,
          balance: form.weightBalance,
        };
        return proposeRegeneration(context.db, cohort, form.version, {
          balance: form.balance,
          notAlone: form.notAlone,
          weights,
        });
      }
      if (form.intent === "form")
        return change(
          formCohortTeams,
          {
            ...teams,
            teamCount: cohort.team_count,
            balance: form.balance,
            notAlone: form.notAlone,
            weights: {
              colleagues: form.weightColleagues,
              notAlone: form.weightNotAlone,
              balance: form.weightBalance,
            },
          },
          (outcome) => ({
            to,
            banner: `${plural(outcome.teams, "team")} formed, at a cost of ${outcome.cost} (the lowest possible is ${outcome.lowerBound})${outcome.optimal ? ": the best possible" : ""}`,
          }),
        );
      if (form.intent === "lock" || form.intent === "unlock") {
        const locked = form.intent === "lock";
        return change(setMemberLock, { ...teams, personId: form.personId, locked }, (outcome) => ({
          to,
          banner: locked ? `Locked to team ${outcome.team}` : "Lock removed",
        }));
      }
      if (form.intent === "move")
        return change(moveTeamMember, { ...teams, personId: form.personId, team: form.team }, (outcome) => ({
          to,
          banner: `${outcome.person} moved from team ${outcome.from} to team ${outcome.to}`,
        }));
      return change(
        publishCohortTeams,
        { ...teams, teamCount: cohort.team_count },
        { to, banner: "Teams published: participants and mentors can now see their team" },
      );
    },
  });
}

/** The answer to the last button pressed goes to that button's form only. */
function useTeamsForms() {
  const { settings, version } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent as TeamsIntent | undefined;
  const resultFor = (...intents: Array<TeamsIntent | undefined>) =>
    intents.includes(intent) ? lastResult : undefined;
  const [formTeams, formTeamsFields] = useVersionedForm(version, {
    lastResult: resultFor("form"),
    defaultValue: {
      balance: settings.balance,
      notAlone: settings.notAlone,
      weightColleagues: String(settings.weights.colleagues),
      weightNotAlone: String(settings.weights.notAlone),
      weightBalance: String(settings.weights.balance),
    },
  });
  const [move, moveFields] = useVersionedForm<z.input<typeof TeamsActionSchema>>(version, {
    lastResult: resultFor("move"),
  });
  const [others] = useVersionedForm(version, {
    lastResult: resultFor("lock", "unlock", "publish", undefined),
  });
  const answered = intent === "form" ? formTeams : intent === "move" ? move : others;
  return { formTeams, formTeamsFields, move, moveFields, others, answered };
}

export default function Teams() {
  const {
    cohort,
    settings,
    publishedAt,
    version,
    teams,
    report,
    lowerBound,
    optimal,
    participants,
    keepApartCount,
    leftOut,
    versions,
  } = useLoaderData<typeof loader>();
  const { formTeams, formTeamsFields, move, moveFields, others, answered } = useTeamsForms();
  const teamsPaths = paths.cohort(cohort.id);
  return (
    <>
      <BackLink href={teamsPaths.home()}>Back to {cohort.name}</BackLink>
      <FormErrorSummary form={answered} ids={{ teams: "form-teams", publish: "publish" }} />
      <PageHeading caption={cohort.name}>Teams</PageHeading>
      {publishedAt ? (
        <p className="govuk-body">
          <Tag colour="green">Published</Tag> on {formatUkDateTime(publishedAt)}. Participants and mentors can
          see their team; changes you make now are logged and shown to the people affected.
        </p>
      ) : (
        <p className="govuk-body">
          <Tag colour="grey">Not published</Tag> Participants and mentors cannot see the teams until you
          publish them.
        </p>
      )}
      <p className="govuk-body">
        {plural(participants.length, "released participant")} in {plural(cohort.team_count, "team")}.{" "}
        <Link className="govuk-link" to={paths.howTeamsAreFormed()}>
          How teams are formed
        </Link>
      </p>
      <LeftOut people={leftOut} />
      <FormTeamsForm
        form={formTeams}
        fields={formTeamsFields}
        version={version}
        formed={report !== null}
        published={publishedAt !== null}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={teamsPaths.teamsKeepApart()}>
          People to keep apart ({keepApartCount})
        </Link>
      </p>
      {report ? (
        <>
          <h2 className="govuk-heading-m">How good the teams are</h2>
          <TeamTotals report={report} settings={settings} lowerBound={lowerBound} optimal={optimal} />
          <TeamQualityTable report={report} />
          <TeamTables teams={teams} version={version} />
          <MoveForm
            form={move}
            fields={moveFields}
            version={version}
            participants={participants}
            teams={teams}
          />
          <h2 className="govuk-heading-m">Names and mentors</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={teamsPaths.teamsNames()}>
                Name the teams
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={teamsPaths.teamsMentors()}>
                Pair mentors with teams
              </Link>
            </li>
          </ul>
          <PublishSection
            published={publishedAt !== null}
            version={version}
            refusal={others.allErrors.publish?.[0]}
          />
          <TeamVersions cohortId={cohort.id} versions={versions} />
        </>
      ) : (
        <InsetText>The teams have not been formed yet.</InsetText>
      )}
    </>
  );
}
