// Releasing pitch results, confirmed: one team's (?team=<id>) or every team's not yet released. Each team shows what
// its members will read, and by name the sheets that will not count (drafts never submitted, no sheet at all, a
// sheet without every score), so nothing is left out silently.
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { notFound, requireCohortAccess, requireRecentVerification } from "~/auth/guards.server";
import { releaseTeamResults } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, ButtonGroup, Details, InsetText, WarningText } from "~/components/govuk";
import { TeamComments, TeamScores } from "~/components/TeamFeedbackView";
import { count } from "~/domain/audit/define";
import { ReleaseSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent, type ReleasePreview, releasePreview } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Release the pitch results");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  requireRecentVerification(request, user);
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  const teams = await releasePreview(context.db, cohort.id, event);
  const asked = new URL(request.url).searchParams.get("team");
  const one = asked === null ? null : (teams.find((team) => String(team.id) === asked) ?? notFound("Team"));
  return {
    cohort,
    version: event.version,
    closed: event.scoring_state === "closed",
    attributed: event.feedback_attribution === "attributed",
    one: one ? { id: one.id, label: one.label, releasedAt: one.releasedAt } : null,
    chosen: one ? [one] : teams.filter((team) => !team.releasedAt),
    others: teams
      .filter((team) => !team.releasedAt && team.id !== one?.id)
      .map(({ id, label }) => ({ id, label })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  requireRecentVerification(request, user);
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  return submitForm(context, request, user, {
    schema: ReleaseSchema,
    command: releaseTeamResults,
    input: ({ version, team }) => ({ cohortId: cohort.id, eventId: event.id, version, teamId: team }),
    done: ({ teams }) => ({
      to: paths.cohort(cohort.id).pitchDay.home(),
      banner: `Results released to ${teams.join(", ")}: each team can now read its own feedback and scores`,
    }),
  });
}

/** The sheets of a team that will not count, by leader: plain sentences. */
function leftOut(team: ReleasePreview) {
  return [
    ...team.drafts.map(
      (leader) => `${leader}'s sheet is a draft that was never submitted: it will not count`,
    ),
    ...team.missing.map((leader) => `${leader} has no sheet for ${team.label}`),
    ...team.incomplete.map(
      (leader) => `${leader}'s sheet was submitted without every score: its scores will not count`,
    ),
  ];
}

export default function ReleaseResults() {
  const data = useLoaderData<typeof loader>();
  const { cohort, chosen, one } = data;
  const [form] = useForm<z.input<typeof ReleaseSchema>>({ lastResult: useActionData<typeof action>() });
  const pitchDay = paths.cohort(cohort.id).pitchDay;
  const problems = chosen.reduce((n, team) => n + leftOut(team).length, 0);
  const heading = one
    ? `Release ${one.label}'s results?`
    : `Release the results of ${count(chosen.length, "team")}?`;
  const ready = data.closed && chosen.length > 0 && !one?.releasedAt;
  return (
    <>
      <BackLink href={pitchDay.home()}>Back to the pitch day</BackLink>
      <FormErrorSummary form={form} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        {chosen.length || one ? heading : "Release the pitch results"}
      </h1>
      {!data.closed ? (
        <InsetText>Close scoring before releasing the results.</InsetText>
      ) : one?.releasedAt ? (
        <InsetText>{`${one.label}'s results were released ${one.releasedAt}.`}</InsetText>
      ) : chosen.length === 0 ? (
        <InsetText>Every team's results are already released.</InsetText>
      ) : (
        <>
          <p className="govuk-body">
            {chosen.length === 1 ? "Its members" : "Each team's members"} will be emailed that their feedback
            is ready, and will see exactly what is shown below: their own team's scores and what the panel
            wrote
            {data.attributed ? ", with each leader's name" : ", without the leaders' names"}. No team sees
            another team's results. Until you publish the ranking, you can withdraw a team's results again.
          </p>
          {problems ? (
            <WarningText>
              {`${count(problems, "sheet")} will not count towards ${chosen.length === 1 ? "these results" : "these teams' results"}: see the list under each team.`}
            </WarningText>
          ) : null}
          {data.others.length && one ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={pitchDay.release()}>
                Release every team not yet released instead
              </Link>
            </p>
          ) : null}
        </>
      )}
      {ready
        ? chosen.map((team) => (
            <section key={team.id} aria-labelledby={`team-${team.id}`} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-m" id={`team-${team.id}`}>
                {team.label}
              </h2>
              {leftOut(team).length ? (
                <>
                  <h3 className="govuk-heading-s">Sheets that will not count</h3>
                  <ul className="govuk-list govuk-list--bullet">
                    {leftOut(team).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="govuk-body">Every leader on the panel submitted a complete sheet.</p>
              )}
              <h3 className="govuk-heading-s">What its members will see</h3>
              <TeamScores team={team} />
              <Details summary={`What the panel wrote (${count(team.feedback.length, "sheet")})`}>
                <TeamComments team={team} headingLevel={4} />
              </Details>
              {!one && chosen.length > 1 ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={pitchDay.release(team.id)}>
                    Release only {team.label}'s results
                  </Link>
                </p>
              ) : null}
            </section>
          ))
        : null}
      {ready ? (
        <Form method="post" {...formProps(form)}>
          <input type="hidden" name="version" value={data.version} />
          <input type="hidden" name="team" value={one ? String(one.id) : "all"} />
          <ButtonGroup>
            <Button>
              {one
                ? `Release ${one.label}'s results`
                : `Release the results of ${count(chosen.length, "team")}`}
            </Button>
            <Link className="govuk-link" to={pitchDay.home()}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      ) : null}
    </>
  );
}
