import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTeam } from "~/auth/team-access.server";
import { ActionList, actionItemOf } from "~/components/ActionList";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, SummaryList } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { formatTime, formatUkDate, formatUkDateWithDay, todayInLondon } from "~/domain/calendar";
import { formatDuration, orderActions, SESSION_FORMATS } from "~/domain/mentoring";
import { deadlineState, statementDeadline } from "~/domain/problem-statement";
import { listTeamSessions, teamLabel } from "~/models/mentoring.server";
import { getStatement } from "~/models/problem-statement.server";
import { listMilestones, listVisits } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => data?.teamName ?? "Team");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort, team, coordinates, isMentor } = await requireTeam(context, request, params);
  const db = context.db;
  const today = todayInLondon();
  const [sessions, statement, milestones, visits] = await Promise.all([
    listTeamSessions(db, team.id),
    getStatement(db, team.id),
    listMilestones(db, cohort),
    listVisits(db, cohort.id),
  ]);
  const deadline = statementDeadline(cohort.start_date, cohort.weeks, milestones);
  const nextVisit = visits.find((v) => v.status !== "cancelled" && v.date >= today);
  const nextMilestone = milestones.find((m) => m.date >= today);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    teamId: team.id,
    teamName: teamLabel(team),
    personId: user.personId,
    isMentor,
    coordinates,
    mayTickAll: coordinates || isMentor,
    members: team.members,
    mentors: team.mentors,
    nextVisit: nextVisit
      ? `${formatUkDateWithDay(nextVisit.date)}, ${formatTime(nextVisit.start_time)}: ${nextVisit.host_name}`
      : null,
    nextMilestone: nextMilestone ? `${nextMilestone.title}, ${formatUkDate(nextMilestone.date)}` : null,
    statement: {
      status: statement?.status ?? null,
      title: statement?.current?.title ?? null,
      deadline,
      deadlineState: deadlineState(statement?.first_submitted_at ?? null, deadline, today),
    },
    actions: orderActions(
      sessions.flatMap((s) => s.actions.map((a) => actionItemOf(a, s.id))),
      today,
    ),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      how: `${SESSION_FORMATS[s.format]}, ${formatDuration(s.duration_minutes)}`,
      attended: s.attendees.length,
      summary: s.summary.length > 240 ? `${s.summary.slice(0, 240)}…` : s.summary,
      actions: s.actions.length,
    })),
  };
}

export default function TeamPage() {
  const data = useLoaderData<typeof loader>();
  const team = paths.cohort(data.cohort.id).teamOf(data.teamId);
  const { statement } = data;
  return (
    <>
      {data.coordinates ? (
        <BackLink href={paths.cohort(data.cohort.id).health()}>Back to team health</BackLink>
      ) : (
        <BackLink href={paths.home()}>Back to your home page</BackLink>
      )}
      <PageHeading caption={data.cohort.name}>{data.teamName}</PageHeading>
      {data.isMentor ? <Button href={team.sessions.new()}>Log a session</Button> : null}
      <SummaryList
        rows={[
          {
            key: "Members",
            value: (
              <ul className="govuk-list">
                {data.members.map((m) => (
                  <li key={m.id}>
                    {m.name}
                    {m.id === data.personId ? " (you)" : ""}, {m.organisation_name ?? "no organisation"}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: "Mentors",
            value: data.mentors.length ? (
              <ul className="govuk-list">
                {data.mentors.map((m) => (
                  <li key={m.id}>
                    {m.name}
                    {m.id === data.personId ? " (you)" : ""}, {m.organisation_name ?? "no organisation"}
                  </li>
                ))}
              </ul>
            ) : (
              "Not paired yet"
            ),
          },
          { key: "Next company visit", value: data.nextVisit ?? "None planned" },
          { key: "Next milestone", value: data.nextMilestone ?? "None left" },
          {
            key: "Problem statement",
            value: (
              <>
                <StatementStatusTag status={statement.status} deadlineState={statement.deadlineState} />
                {statement.title ? (
                  <p className="govuk-body govuk-!-margin-top-2">{statement.title}</p>
                ) : null}
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  Due {formatUkDate(statement.deadline)}
                </p>
              </>
            ),
            actions: [{ href: team.statement(), text: "See", visuallyHiddenText: "the problem statement" }],
          },
        ]}
      />
      <h2 className="govuk-heading-m">Actions</h2>
      <ActionList
        actions={data.actions}
        personId={data.personId}
        mayTickAll={data.mayTickAll}
        sessionPath={(sessionId) => team.sessions.session(sessionId)}
        returnTo={team.home()}
      />
      <h2 className="govuk-heading-m">Sessions</h2>
      {data.sessions.length === 0 ? (
        <p className="govuk-body">No sessions logged yet.</p>
      ) : (
        <ol className="govuk-list tandem-timeline">
          {data.sessions.map((s) => (
            <li key={s.id} className="tandem-actions__item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={team.sessions.session(s.id)}>
                  {formatUkDateWithDay(s.date)}
                </Link>
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {s.how}; {s.attended} attended; {s.actions} action{s.actions === 1 ? "" : "s"}
              </p>
              <p className="govuk-body tandem-pre-line">{s.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
