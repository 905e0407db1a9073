// A team's own pitch-day feedback and scores, once the coordinator releases them. Never another team's.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, SummaryCard, Table } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { round2 } from "~/domain/pitch-scoring";
import { getPitchEvent, listSubmittedSheetsOfTeams, resultsOf, teamIdsOfPerson } from "~/models/pitch.server";
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
  if (!event?.results_released_at)
    return { cohort, released: false as const, teams: [], rankingPublished: false };
  const teamIds = await teamIdsOfPerson(db, cohort.id, user.personId);
  const { panel, rubric, results } = await resultsOf(db, cohort.id, event.id);
  const conflicted = new Set(panel.conflicts.map((c) => `${c.leaderId}|${c.teamId}`));
  const submitted = await listSubmittedSheetsOfTeams(db, event.id, teamIds);
  const teams = panel.teams
    .filter((t) => teamIds.includes(t.id))
    .map((team) => {
      const result = results.results.find((r) => r.team === String(team.id));
      const sheets = submitted.filter(
        (s) => s.team_id === team.id && !conflicted.has(`${s.person_id}|${team.id}`),
      );
      return {
        id: team.id,
        label: team.label,
        sheets: result?.judges ?? 0,
        means: rubric.map((c) => {
          const mean = result?.criterionMeans[String(c.id)];
          return { name: c.name, max: c.max, mean: mean === undefined ? "–" : round2(mean).toFixed(2) };
        }),
        feedback: sheets.map((s, index) => ({
          key: s.id,
          from:
            event.feedback_attribution === "attributed"
              ? `${s.leader_name}${s.leader_organisation ? `, ${s.leader_organisation}` : ""}`
              : `Panel member ${index + 1}`,
          workedWell: s.worked_well,
          couldBeBetter: s.could_be_better,
        })),
      };
    });
  return { cohort, released: true as const, teams, rankingPublished: event.ranking_published_at !== null };
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
            <Table
              caption={`Your scores: the mean of ${team.sheets} leader${team.sheets === 1 ? "" : "s"}' scores on each criterion`}
              captionSize="s"
              firstCellIsHeader
              head={[
                { text: "Criterion" },
                { text: "Mean score", format: "numeric" },
                { text: "Out of", format: "numeric" },
              ]}
              rows={team.means.map((m) => [
                { text: m.name },
                { text: m.mean, format: "numeric" },
                { text: String(m.max), format: "numeric" },
              ])}
            />
            <h3 className="govuk-heading-s">What the panel wrote</h3>
            {team.feedback.length ? (
              team.feedback.map((f) => (
                <SummaryCard key={f.key} headingLevel={4} title={f.from}>
                  <h5 className="govuk-heading-s govuk-!-margin-bottom-1">What worked well</h5>
                  <p className="govuk-body tandem-feedback-text">{f.workedWell || "Nothing written"}</p>
                  <h5 className="govuk-heading-s govuk-!-margin-bottom-1">What could be better</h5>
                  <p className="govuk-body tandem-feedback-text">{f.couldBeBetter || "Nothing written"}</p>
                </SummaryCard>
              ))
            ) : (
              <p className="govuk-body">No written feedback.</p>
            )}
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
