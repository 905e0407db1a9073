// A team's own pitch-day feedback and scores, once the coordinator releases that team's. Never another team's.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { TeamComments, TeamScores } from "~/components/TeamFeedbackView";
import { getPitchEvent, releasedTeams, teamFeedbackOf, teamIdsOfPerson } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Your pitch feedback");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(
    context,
    request,
    params.cohortId,
    "pitch-day:read-feedback",
  );
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) return { cohort, released: false, teams: [], rankingPublished: false };
  const [mine, released] = await Promise.all([
    teamIdsOfPerson(db, cohort.id, user.personId),
    releasedTeams(db, event.id),
  ]);
  // Only the person's own teams, and of those only the ones whose results are released.
  const teamIds = mine.filter((id) => released.has(id));
  return {
    cohort,
    // Someone in no team that pitched is told so once every team's results are out.
    released: teamIds.length > 0 || event.results_released_at !== null,
    teams: teamIds.length ? await teamFeedbackOf(db, cohort.id, event, teamIds) : [],
    rankingPublished: event.ranking_published_at !== null,
  };
}

export default function Feedback() {
  const { cohort, released, teams, rankingPublished } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={paths.home()}>Back to your home page</BackLink>
      <PageHeading caption={cohort.name}>Your pitch feedback</PageHeading>
      {!released ? (
        <InsetText>
          The panel's feedback has not been released yet. You will see it here when the coordinator releases
          it.
        </InsetText>
      ) : teams.length === 0 ? (
        <InsetText>You are not in a team that pitched.</InsetText>
      ) : (
        teams.map((team) => (
          <section key={team.id} aria-labelledby={`team-${team.id}`}>
            <h2 className="govuk-heading-m" id={`team-${team.id}`}>
              {team.label}
            </h2>
            <TeamScores team={team} />
            <h3 className="govuk-heading-s">What the panel wrote</h3>
            <TeamComments team={team} headingLevel={4} />
          </section>
        ))
      )}
      {rankingPublished ? (
        <LinkParagraph to={paths.cohort(cohort.id).pitchDay.timetable()}>
          See the overall ranking
        </LinkParagraph>
      ) : null}
    </>
  );
}
