import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { SummaryCard, Tag } from "~/components/govuk";
import { cohortEndDate, cohortTiming, formatUkDate, todayInLondon } from "~/domain/calendar";
import { nextSteps, type PitchDayFacts, pitchDaySteps, ROLE_LABELS } from "~/domain/next-steps";
import { pitchTimetable } from "~/domain/pitch-day";
import { mentoringHomeFacts, teamLabel } from "~/models/mentoring.server";
import { pitchDayFacts, scorableTeamCounts, slotsOfEvents } from "~/models/pitch.server";
import { statementDeadlines } from "~/models/problem-statement.server";
import { countCohortProgress, listCohortsOfPerson } from "~/models/programme.server";
import { questionnairesOfPerson } from "~/models/skills.server";
import { pageMeta } from "~/utils/meta";
import type { Db } from "../../db/connection";
import type { CohortRole } from "../../db/types";

export const meta = pageMeta("Home");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const db = context.db;
  const cohorts = await listCohortsOfPerson(db, user.personId);
  const coordinated = cohorts.filter((c) => c.roles.includes("coordinator")).map((c) => c.id);
  const progress = await countCohortProgress(db, coordinated);
  const today = todayInLondon();
  const inTeams = cohorts.filter((c) => c.roles.includes("mentor") || c.roles.includes("participant"));
  const mentoring = await mentoringHomeFacts(
    db,
    user.personId,
    inTeams.map((c) => c.id),
  );
  const deadlines = await statementDeadlines(db, inTeams);
  const pitchDays = await homePitchDays(
    db,
    user.personId,
    cohorts.map((c) => ({ id: c.id, roles: c.roles })),
  );
  const questionnaires = (await questionnairesOfPerson(db, user.personId)).filter((q) => q.deadline >= today);
  return {
    name: user.name,
    isAdmin: user.isAdmin,
    cohorts: cohorts.map((cohort) => {
      const timing = cohortTiming(cohort.start_date, cohort.weeks, today);
      const facts = {
        cohortId: cohort.id,
        startDate: cohort.start_date,
        weeks: cohort.weeks,
        timing,
        participantCount: progress.get(cohort.id)?.participants,
        pendingInvitations: progress.get(cohort.id)?.pending,
        teamsPublished: cohort.teams_published_at !== null,
        openQuestionnaires: questionnaires.filter((q) => q.cohortId === cohort.id),
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
            })),
          memberOf: mentoring.memberOf
            .filter((t) => t.cohort_id === cohort.id)
            .map((t) => ({
              teamId: t.id,
              label: teamLabel(t),
              statementStatus: t.statement_status,
              openActions: t.open_actions.map((a) => ({ id: a.id, text: a.text, dueDate: a.due_date })),
            })),
        },
      };
      return {
        id: cohort.id,
        name: cohort.name,
        programmeName: cohort.programme_name,
        dates: `${formatUkDate(cohort.start_date)} to ${formatUkDate(cohortEndDate(cohort.start_date, cohort.weeks))}`,
        canManage: cohort.roles.includes("coordinator"),
        roles: cohort.roles.map((role) => ({
          role,
          label: ROLE_LABELS[role],
          steps: [
            ...nextSteps(role, facts),
            ...pitchDaySteps(role, cohort.id, pitchDays.get(cohort.id) ?? null),
          ],
        })),
      };
    }),
  };
}

/** The pitch day as each cohort's home-page entry needs it: a leader's progress, a participant's slot time. */
async function homePitchDays(db: Db, personId: number, cohorts: Array<{ id: number; roles: CohortRole[] }>) {
  const facts = await pitchDayFacts(
    db,
    personId,
    cohorts.map((c) => c.id),
  );
  const scoring = [];
  const pitching = [];
  for (const cohort of cohorts) {
    const f = facts.get(cohort.id);
    if (f?.onPanel && f.scoringState === "open" && cohort.roles.includes("leader"))
      scoring.push({ cohortId: cohort.id, eventId: f.eventId });
    if (f?.teamSlot) pitching.push(f.eventId);
  }
  const [scorable, slots] = await Promise.all([
    scorableTeamCounts(db, personId, scoring),
    slotsOfEvents(db, pitching),
  ]);
  const result = new Map<number, PitchDayFacts>();
  for (const cohort of cohorts) {
    const f = facts.get(cohort.id);
    if (!f) continue;
    const entry: PitchDayFacts = {
      date: f.date,
      scoringOpen: f.scoringState === "open",
      released: f.released,
      onPanel: f.onPanel,
      sheetsDone: f.sheetsDone,
    };
    const sheetsTotal = scorable.get(f.eventId);
    if (sheetsTotal !== undefined) entry.sheetsTotal = sheetsTotal;
    if (f.teamSlot) {
      const pitch = pitchTimetable(
        f.settings,
        (slots.get(f.eventId) ?? []).map((s) => s.team_id),
      ).find((e) => e.kind === "pitch" && e.teamId === f.teamSlot?.teamId);
      if (pitch) entry.slot = { position: f.teamSlot.position, start: pitch.start };
    }
    result.set(cohort.id, entry);
  }
  return result;
}

export default function Home() {
  const { name, isAdmin, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">Tandem</span>
        Hello, {name}
      </h1>
      {isAdmin ? (
        <p className="govuk-body">
          You are a system administrator.{" "}
          <Link className="govuk-link" to="/programmes">
            Manage programmes and cohorts
          </Link>{" "}
          ·{" "}
          <Link className="govuk-link" to="/audit">
            Audit log
          </Link>
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
                      { href: `/cohorts/${cohort.id}`, text: "Manage cohort" },
                      { href: `/cohorts/${cohort.id}/report`, text: "Report" },
                    ]
                  : []
              }
            >
              <p className="govuk-body">
                {cohort.programmeName} · {cohort.dates}
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`/cohorts/${cohort.id}/schedule`}>
                  Schedule<span className="govuk-visually-hidden"> for {cohort.name}</span>
                </Link>{" "}
                ·{" "}
                <Link className="govuk-link" to="/profile">
                  Add the dates to your calendar
                </Link>
              </p>
              {cohort.roles.map(({ role, label, steps }) => (
                <div key={role}>
                  <h4 className="govuk-heading-s">
                    Your role: <Tag colour={role === "coordinator" ? "purple" : "blue"}>{label}</Tag>
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
