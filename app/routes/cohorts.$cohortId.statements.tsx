import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { actorOf, requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { redirectWithBanner } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { publishCohortStatements } from "~/commands/statements.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, InsetText } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { StatementView } from "~/components/StatementView";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { deadlineState, statementDeadline } from "~/domain/problem-statement";
import { getHealthSettings, teamLabel } from "~/models/mentoring.server";
import { listCohortStatements } from "~/models/problem-statement.server";
import { findMembership } from "~/models/team.server";
import { listMilestones } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Problem statements: ${data?.cohort.name ?? "cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  const { user, cohort } = access;
  const db = context.db;
  const coordinates = can(access, "statements:manage");
  const settings = await getHealthSettings(db, cohort.id);
  const published = settings.statements_published_at;
  const base = {
    cohort: { id: cohort.id, name: cohort.name },
    coordinates,
    publishedAt: published ? formatUkDateTime(published) : null,
  };
  // Before publishing, a team's statement is for the team, its mentors and the coordinators only.
  if (!coordinates && !published) {
    const membership = settings.teams_published_at
      ? await findMembership(db, cohort.id, user.personId)
      : undefined;
    return { ...base, ownTeamId: membership?.team_id ?? null, deadline: null, statements: [] };
  }
  const [rows, milestones] = await Promise.all([
    listCohortStatements(db, cohort.id),
    listMilestones(db, cohort),
  ]);
  const deadline = statementDeadline(cohort.start_date, cohort.weeks, milestones);
  const today = todayInLondon();
  return {
    ...base,
    ownTeamId: null,
    deadline,
    statements: rows.map((row) => ({
      teamId: row.team_id,
      label: teamLabel(row),
      status: row.status,
      deadlineState: deadlineState(row.first_submitted_at, deadline, today),
      text: row.text,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "statements:manage");
  // Publishing is never refused: publishing again keeps the first date.
  await run(context.db, actorOf(context, user), publishCohortStatements, { cohortId: cohort.id });
  return redirectWithBanner(
    context,
    request,
    paths.cohort(cohort.id).statements(),
    "Problem statements published: everyone in the cohort can now read them",
  );
}

export default function Statements() {
  const d = useLoaderData<typeof loader>();
  const cohort = paths.cohort(d.cohort.id);
  return (
    <>
      <BackLink href={d.coordinates ? cohort.health() : paths.home()}>
        {d.coordinates ? "Back to team health" : "Back to your home page"}
      </BackLink>
      <PageHeading caption={d.cohort.name}>Problem statements</PageHeading>
      {d.publishedAt ? (
        <p className="govuk-body">Published to the whole cohort on {d.publishedAt}.</p>
      ) : d.coordinates ? (
        <>
          <InsetText>
            Only the coordinators see every team's statement. Each team sees its own until you publish them to
            the cohort.
          </InsetText>
          <Form method="post">
            <Button variant="secondary">Publish the statements to the cohort</Button>
          </Form>
        </>
      ) : (
        <InsetText>
          The coordinator has not published the teams' problem statements yet.{" "}
          {d.ownTeamId ? (
            <Link className="govuk-link" to={cohort.teamOf(d.ownTeamId).statement()}>
              See your team's statement
            </Link>
          ) : null}
        </InsetText>
      )}
      {d.deadline ? <p className="govuk-body">Statements were due on {formatUkDate(d.deadline)}.</p> : null}
      {d.statements.map((s) => (
        <section key={s.teamId} aria-labelledby={`statement-${s.teamId}`} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id={`statement-${s.teamId}`}>
            {s.label}
          </h2>
          <p className="govuk-body">
            <StatementStatusTag status={s.status} deadlineState={s.deadlineState} />
          </p>
          {s.text ? (
            <StatementView text={s.text} headingLevel={3} />
          ) : (
            <p className="govuk-body">Not started.</p>
          )}
        </section>
      ))}
    </>
  );
}
