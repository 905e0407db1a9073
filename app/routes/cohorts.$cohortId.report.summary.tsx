import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadCohortReport } from "~/auth/report-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, SummaryList } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { ReportTableView } from "~/components/ReportTableView";
import { cohortEndDate, formatUkDate, todayInLondon } from "~/domain/calendar";
import { formatDuration } from "~/domain/mentoring";
import { plural } from "~/domain/next-steps";
import { round2 } from "~/domain/pitch-scoring";
import {
  FOLLOW_UP_LABELS,
  FOLLOW_UPS,
  formatMean,
  formatPercent,
  OUTCOME_LABELS,
  OUTCOME_STATUSES,
  STATEMENT_CATEGORIES,
  STATEMENT_CATEGORY_LABELS,
  STATEMENT_STATUS_LABELS,
  STATEMENT_STATUSES,
} from "~/domain/report";
import { getProgramme } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Evaluation summary: ${data?.cohort.name ?? "cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, report, tables } = await loadCohortReport(context, request, params.cohortId);
  const programme = await getProgramme(context.db, cohort.programme_id);
  return {
    cohort,
    programme: { description: programme?.description ?? null, sponsor: programme?.sponsor_name ?? null },
    report,
    tables: tables.filter(
      (t) =>
        !t.individual &&
        [
          "sector",
          "department",
          "mentoring-by-team",
          "statements",
          "pitch-results",
          "skills-change",
          "outcomes",
        ].includes(t.key),
    ),
    today: todayInLondon(),
  };
}

/** How each figure is arrived at, for an evaluation register entry. */
function EvaluationMethod() {
  return (
    <>
      <h2 className="govuk-heading-m">Method</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          Who took part: every participant added to the cohort, including any who withdrew, by sector,
          organisation and profession as recorded by the nominating organisation.
        </li>
        <li>
          Attendance: recorded by the coordinator at each company visit that was not cancelled; the rate is
          the share of recorded places where the participant attended.
        </li>
        <li>
          Mentoring: every session a team's mentors logged (date and length), counted by programme week from
          the cohort's start date.
        </li>
        <li>
          Problem statements: each team's statement by the category of its latest version (uncategorised until
          the team chooses one) and its status in the mentors' review.
        </li>
        <li>
          Pitch results: senior leaders score each pitch against a weighted rubric; each team's adjusted score
          (out of 100) allows for how generous or strict each leader was, by the published method. Shown once
          the coordinator releases the results.
        </li>
        <li>
          Skills and confidence: a self-assessment (1 to 5) in each area at the start and at the end. The
          change is the average of each person's own end answer minus their start answer, over people who
          answered both; the response rates are of the participants still in the cohort.
        </li>
        <li>
          Outcomes: for each team's solution, the coordinator records 3 and 6 months after the programme
          whether it was taken forward, piloted, is under consideration or was not taken forward.
        </li>
      </ul>
    </>
  );
}

export default function EvaluationSummary() {
  const { cohort, programme, report, tables, today } = useLoaderData<typeof loader>();
  const { composition, attendance, mentoring, statements, pitch, skills, outcomes } = report;
  const end = cohortEndDate(cohort.start_date, cohort.weeks);
  const improved = skills.areas.filter((a) => (a.change ?? 0) > 0).length;
  const latest = FOLLOW_UPS.findLast((f) => outcomes.teams.some((t) => t.followUps[f] !== null));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <div className="tandem-no-print">
          <BackLink href={paths.cohort(cohort.id).report()}>Back to the report</BackLink>
        </div>
        <PageHeading caption={cohort.programme_name}>Evaluation summary: {cohort.name}</PageHeading>
        <p className="govuk-body tandem-no-print">
          This page is laid out for printing: use your browser's Print command (or save it as a PDF) for an
          evaluation register entry.
        </p>
        <h2 className="govuk-heading-m">The programme</h2>
        <SummaryList
          rows={[
            { key: "Programme", value: cohort.programme_name },
            { key: "Cohort", value: cohort.name },
            {
              key: "Dates",
              value: `${formatUkDate(cohort.start_date)} to ${formatUkDate(end)} (${plural(cohort.weeks, "week")})`,
            },
            { key: "Sponsor", value: programme.sponsor ?? "Not recorded" },
            { key: "Aims", value: programme.description ?? "Not recorded" },
            { key: "Figures as at", value: formatUkDate(today) },
          ]}
        />
        <EvaluationMethod />
        <h2 className="govuk-heading-m">Findings</h2>
        <SummaryList
          rows={[
            { key: "Participants", value: String(composition.total) },
            {
              key: "By sector",
              value: composition.sector.length
                ? composition.sector
                    .map((s) => `${s.label} ${s.count} (${formatPercent(s.percent)})`)
                    .join(", ")
                : "None yet",
            },
            {
              key: "Attendance at visits",
              value: attendance.recorded
                ? `${formatPercent(attendance.rate)} over ${plural(attendance.visits.length, "visit")}`
                : "Not recorded yet",
            },
            {
              key: "Mentoring",
              value: mentoring.sessions
                ? `${plural(mentoring.sessions, "session")} (${formatDuration(mentoring.minutes)}) across ${plural(mentoring.teams.length, "team")}, in ${mentoring.weeks.length} programme ${mentoring.weeks.length === 1 ? "week" : "weeks"}`
                : "No sessions logged yet",
            },
            {
              key: "Problem statements",
              value: statements.started
                ? `${statements.byStatus.approved} of ${plural(statements.teams, "team")} approved; ${STATEMENT_STATUSES.filter(
                    (s) => s !== "approved" && statements.byStatus[s] > 0,
                  )
                    .map((s) => `${STATEMENT_STATUS_LABELS[s].toLowerCase()} ${statements.byStatus[s]}`)
                    .concat(statements.notStarted ? [`not started ${statements.notStarted}`] : [])
                    .join(", ")}. By category: ${STATEMENT_CATEGORIES.filter(
                    (c) => statements.byCategory[c] > 0,
                  )
                    .map((c) => `${STATEMENT_CATEGORY_LABELS[c].toLowerCase()} ${statements.byCategory[c]}`)
                    .join(", ")}`
                : "None started yet",
            },
            {
              key: "Pitch results",
              value:
                pitch.state === "released"
                  ? pitch.teams[0]?.adjusted != null
                    ? `${formatUkDate(pitch.date)}: ${plural(pitch.teams.filter((t) => t.adjusted !== null).length, "team")} scored; ranked first ${pitch.teams
                        .filter((t) => t.rank === 1)
                        .map((t) => t.team)
                        .join(" and ")} (adjusted score ${round2(pitch.teams[0].adjusted).toFixed(2)})`
                    : `${formatUkDate(pitch.date)}: no team was scored`
                  : pitch.state === "not-released"
                    ? `Pitch day on ${formatUkDate(pitch.date)}: results not released yet`
                    : pitch.state === "not-published"
                      ? `Pitch day on ${formatUkDate(pitch.date)}: ranking not published yet`
                      : "No pitch day yet",
            },
            {
              key: "Questionnaire response",
              value: `Start ${formatPercent(skills.startRate)}, end ${formatPercent(skills.endRate)}; ${skills.bothRespondents} answered both`,
            },
            {
              key: "Confidence",
              value: skills.bothRespondents
                ? `Rose in ${improved} of ${skills.areas.length} areas (average change ${formatMean(
                    skills.areas.length
                      ? skills.areas.reduce((sum, a) => sum + (a.change ?? 0), 0) / skills.areas.length
                      : null,
                    true,
                  )} points)`
                : "Not yet measured: the change needs answers at both the start and the end",
            },
            {
              key: "Outcomes",
              value: latest
                ? `${FOLLOW_UP_LABELS[latest]}: ${OUTCOME_STATUSES.map(
                    (s) => `${OUTCOME_LABELS[s].toLowerCase()} ${outcomes.counts[latest][s]}`,
                  ).join(", ")} (of ${plural(outcomes.teams.length, "team")})`
                : "None recorded yet",
            },
          ]}
        />
        {tables.map((table) => (
          <ReportTableView key={table.key} table={table} empty="None to show yet." />
        ))}
        <h2 className="govuk-heading-m">Limitations</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>Confidence is self-reported and there is no comparison group.</li>
          <li>Small numbers: a single person can move a percentage by several points.</li>
          <li>Mentoring is what mentors logged: a session that was not logged is not counted.</li>
        </ul>
        <p className="govuk-body tandem-no-print">
          <Link className="govuk-link" to={paths.cohort(cohort.id).report()}>
            See the full report with charts
          </Link>
        </p>
      </div>
    </div>
  );
}
