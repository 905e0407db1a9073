import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { can, type Permission } from "~/auth/permissions";
import { DottedLinks } from "~/components/DottedLinks";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { SummaryCard, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { cohortEndDate, cohortTiming, formatUkDate, todayInLondon } from "~/domain/calendar";
import { type CohortFacts, nextSteps, weekAheadEnd } from "~/domain/next-steps";
import { COHORT_ROLES, type CohortRole } from "~/domain/vocabulary";
import { coordinatorWeeks, homePitchDays, homeVisits } from "~/models/home.server";
import { mentoringHomeFacts, teamLabel } from "~/models/mentoring.server";
import { statementDeadlines } from "~/models/problem-statement.server";
import { countCohortProgress, listCohortsOfPerson } from "~/models/programme.server";
import { questionnairesOfPerson } from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Home");
export const ErrorBoundary = RouteErrorBoundary;

/** What the person's own roles in a cohort let them do there (being an administrator aside). */
const rolesAllow = (roles: readonly CohortRole[], permission: Permission) =>
  can({ roles, user: { isAdmin: false } }, permission);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const db = context.db;
  const cohorts = await listCohortsOfPerson(db, user.personId);
  const coordinated = cohorts.filter((c) => rolesAllow(c.roles, "cohort:manage")).map((c) => c.id);
  const today = todayInLondon();
  const weekEnd = weekAheadEnd(today);
  const inTeams = cohorts.filter((c) => rolesAllow(c.roles, "team:own"));
  // Visits matter to those who go (participants, mentors) and to those who run them (coordinators).
  const visiting = cohorts
    .filter((c) => rolesAllow(c.roles, "team:own") || coordinated.includes(c.id))
    .map((c) => c.id);
  const [progress, mentoring, deadlines, visits, weeks, answered] = await Promise.all([
    countCohortProgress(db, coordinated),
    mentoringHomeFacts(
      db,
      user.personId,
      inTeams.map((c) => c.id),
      today,
      weekEnd,
    ),
    statementDeadlines(db, inTeams),
    homeVisits(db, visiting, today, weekEnd),
    coordinatorWeeks(db, coordinated),
    questionnairesOfPerson(db, user.personId),
  ]);
  const pitchDays = await homePitchDays(
    db,
    user.personId,
    cohorts.map((c) => ({
      id: c.id,
      scores: rolesAllow(c.roles, "pitch-day:score"),
      mentored: mentoring.mentored
        .filter((t) => t.cohort_id === c.id)
        .map((t) => ({ teamId: t.id, label: teamLabel(t) })),
    })),
  );
  const questionnaires = answered.filter((q) => q.deadline >= today);
  return {
    name: user.name,
    isAdmin: user.isAdmin,
    cohorts: cohorts.map((cohort) => {
      const timing = cohortTiming(cohort.start_date, cohort.weeks, today);
      const facts: CohortFacts = {
        cohortId: cohort.id,
        today,
        startDate: cohort.start_date,
        weeks: cohort.weeks,
        timing,
        participantCount: progress.get(cohort.id)?.participants,
        pendingInvitations: progress.get(cohort.id)?.pending,
        teamsPublished: cohort.teams_published_at !== null,
        openQuestionnaires: questionnaires.filter((q) => q.cohortId === cohort.id),
        visits: visits.get(cohort.id) ?? [],
        pitchDay: pitchDays.get(cohort.id) ?? null,
        mentoring: {
          today,
          statementDeadline: deadlines.get(cohort.id) ?? cohort.start_date,
          mentored: mentoring.mentored
            .filter((t) => t.cohort_id === cohort.id)
            .map((t) => ({
              teamId: t.id,
              label: teamLabel(t),
              lastSessionDate: t.last_session_date,
              reviewWaiting: t.statement_status === "submitted" && t.my_reviews === 0,
              nextSession: t.next_session,
              overdueActions: t.overdue_actions,
              actionsDueThisWeek: t.week_actions,
            })),
          memberOf: mentoring.memberOf
            .filter((t) => t.cohort_id === cohort.id)
            .map((t) => ({
              teamId: t.id,
              label: teamLabel(t),
              statementStatus: t.statement_status,
              openActions: t.open_actions.map((a) => ({ id: a.id, text: a.text, dueDate: a.due_date })),
              nextSession: t.next_session,
              changesRequested: t.changes_requested.map((r) => ({ mentor: r.mentor, comment: r.comment })),
            })),
        },
      };
      const coordination = weeks.get(cohort.id);
      if (coordination) facts.coordination = coordination;
      return {
        id: cohort.id,
        name: cohort.name,
        programmeName: cohort.programme_name,
        dates: `${formatUkDate(cohort.start_date)} to ${formatUkDate(cohortEndDate(cohort.start_date, cohort.weeks))}`,
        canManage: rolesAllow(cohort.roles, "cohort:manage"),
        roles: cohort.roles.map((role) => ({
          role,
          label: COHORT_ROLES[role],
          manages: rolesAllow([role], "cohort:manage"),
          steps: nextSteps(role, facts),
        })),
      };
    }),
  };
}

export default function Home() {
  const { name, isAdmin, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption="Tandem">Hello, {name}</PageHeading>
      {isAdmin ? (
        <p className="govuk-body">
          You are a system administrator.{" "}
          <DottedLinks
            links={[
              { to: paths.programmes(), text: "Manage programmes and cohorts" },
              { to: paths.audit(), text: "Audit log" },
              { to: paths.outbox(), text: "Outbox" },
              { to: paths.administrators(), text: "Administrators" },
              { to: paths.identityProviders(), text: "Identity providers" },
            ]}
          />
        </p>
      ) : null}
      {cohorts.length === 0 ? (
        <p className="govuk-body">
          You are not in any cohort yet. When a coordinator adds you to one, it will appear here.
        </p>
      ) : (
        <>
          <h2 className="govuk-heading-m">Your cohorts</h2>
          {cohorts.map((cohort) => (
            <SummaryCard
              key={cohort.id}
              headingLevel={3}
              title={cohort.name}
              actions={
                cohort.canManage
                  ? [
                      { href: paths.cohort(cohort.id).home(), text: "Manage cohort" },
                      { href: paths.cohort(cohort.id).report(), text: "Report" },
                    ]
                  : []
              }
            >
              <p className="govuk-body">
                {cohort.programmeName} · {cohort.dates}
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={paths.cohort(cohort.id).schedule()}>
                  Schedule<span className="govuk-visually-hidden"> for {cohort.name}</span>
                </Link>{" "}
                ·{" "}
                <Link className="govuk-link" to={paths.profile()}>
                  Add the dates to your calendar
                </Link>
              </p>
              {cohort.roles.map(({ role, label, manages, steps }) => (
                <div key={role}>
                  <h4 className="govuk-heading-s">
                    Your role: <Tag colour={manages ? "purple" : "blue"}>{label}</Tag>
                  </h4>
                  <ul className="govuk-list govuk-list--bullet">
                    {steps.map((step) => (
                      <li key={step.text}>
                        {step.href ? (
                          <Link className="govuk-link" to={step.href}>
                            {step.text}
                          </Link>
                        ) : (
                          step.text
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </SummaryCard>
          ))}
        </>
      )}
    </>
  );
}
