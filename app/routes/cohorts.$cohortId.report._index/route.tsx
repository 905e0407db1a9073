import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { loadCohortReport } from "~/auth/report-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, SummaryList } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { cohortEndDate, formatUkDate } from "~/domain/calendar";
import { formatDuration } from "~/domain/mentoring";
import { plural } from "~/domain/next-steps";
import { formatPercent } from "~/domain/report";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { MentoringActivity, VisitAttendance, WhoTookPart } from "./participation";
import { OutcomesAfter, PitchResults, ProblemStatements, SkillsAndConfidence } from "./results";

export const meta = pageMeta<typeof loader>(({ data }) => `Report: ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await loadCohortReport(context, request, params.cohortId);
  const { cohort, individual, report, tables } = access;
  return { cohort, individual, canManage: can(access, "cohort:manage"), report, tables };
}

export default function CohortReport() {
  const sections = useLoaderData<typeof loader>();
  const { cohort, canManage, report } = sections;
  const { composition, attendance, mentoring, skills } = report;
  const cohortPaths = paths.cohort(cohort.id);
  return (
    <>
      <BackLink href={canManage ? cohortPaths.home() : paths.home()}>
        {canManage ? `Back to ${cohort.name}` : "Back to home"}
      </BackLink>
      <PageHeading caption={cohort.programme_name}>Report: {cohort.name}</PageHeading>
      <SummaryList
        rows={[
          {
            key: "Dates",
            value: `${formatUkDate(cohort.start_date)} to ${formatUkDate(cohortEndDate(cohort.start_date, cohort.weeks))}`,
          },
          { key: "Participants", value: String(composition.total) },
          {
            key: "Attendance at visits",
            value: attendance.recorded
              ? `${formatPercent(attendance.rate)} (${attendance.attended} of ${attendance.recorded} places recorded)`
              : "No attendance recorded yet",
          },
          {
            key: "Mentoring sessions",
            value: mentoring.sessions
              ? `${plural(mentoring.sessions, "session")} (${formatDuration(mentoring.minutes)}) across ${plural(mentoring.teams.length, "team")}`
              : "No sessions logged yet",
          },
          {
            key: "Skills questionnaire answered",
            value: `Start: ${formatPercent(skills.startRate)} (${skills.startRespondents} of ${skills.participants}) · End: ${formatPercent(skills.endRate)} (${skills.endRespondents} of ${skills.participants})`,
          },
        ]}
      />
      <ul className="govuk-list tandem-no-print">
        <li>
          <Link className="govuk-link" to={cohortPaths.reportSummary()}>
            Evaluation summary (printable)
          </Link>
        </li>
        {canManage ? (
          <>
            <li>
              <Link className="govuk-link" to={cohortPaths.skills()}>
                Skills questionnaire and individual answers
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={cohortPaths.outcomes()}>
                Record outcomes after the programme
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={paths.programme(cohort.programme_id).report()}>
                {cohort.programme_name}: every cohort
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={paths.audit({ cohort: cohort.id })}>
                Audit log
              </Link>
            </li>
          </>
        ) : null}
      </ul>

      <WhoTookPart {...sections} />
      <VisitAttendance {...sections} />
      <MentoringActivity {...sections} />
      <ProblemStatements {...sections} />
      <PitchResults {...sections} />
      <SkillsAndConfidence {...sections} />
      <OutcomesAfter {...sections} />
    </>
  );
}
