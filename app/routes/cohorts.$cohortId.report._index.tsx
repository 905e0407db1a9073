import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart, GroupedBarChart } from "~/components/Charts";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, SummaryList } from "~/components/govuk";
import { ReportTableView } from "~/components/ReportTableView";
import { cohortEndDate, formatShortUkDate, formatUkDate } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import {
  FOLLOW_UP_LABELS,
  FOLLOW_UPS,
  formatMean,
  formatPercent,
  OUTCOME_LABELS,
  OUTCOME_STATUSES,
  type ReportTable,
} from "~/domain/report";
import { pageMeta } from "~/meta";
import { loadCohortReport } from "~/report.server";

export const meta = pageMeta<typeof loader>(({ data }) => `Report: ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohort, individual, report, tables, roles, user } = await loadCohortReport(
    request,
    params.cohortId,
  );
  return {
    cohort,
    individual,
    canManage: roles.includes("coordinator") || user.isAdmin,
    report,
    tables,
  };
}

function countBars(table: ReportTable | undefined) {
  return (table?.rows ?? []).map((row) => ({
    label: String(row[0]),
    value: Number(row[1]),
    valueText: `${row[1]} (${formatPercent(row[2] as number | null)})`,
  }));
}

export default function CohortReport() {
  const { cohort, individual, canManage, report, tables } = useLoaderData<typeof loader>();
  const base = `/cohorts/${cohort.id}`;
  const table = (key: string) => tables.find((t) => t.key === key);
  const csv = (key: string) => `${base}/report/${key}.csv`;
  const { composition, attendance, skills, outcomes } = report;
  const answered = skills.startRespondents + skills.endRespondents > 0;
  return (
    <>
      <BackLink href={canManage ? base : "/"}>
        {canManage ? `Back to ${cohort.name}` : "Back to home"}
      </BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.programme_name}</span>
        Report: {cohort.name}
      </h1>
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
            key: "Skills questionnaire answered",
            value: `Start: ${formatPercent(skills.startRate)} (${skills.startRespondents} of ${skills.participants}) · End: ${formatPercent(skills.endRate)} (${skills.endRespondents} of ${skills.participants})`,
          },
        ]}
      />
      <ul className="govuk-list tandem-no-print">
        <li>
          <Link className="govuk-link" to={`${base}/report/summary`}>
            Evaluation summary (printable)
          </Link>
        </li>
        {canManage ? (
          <>
            <li>
              <Link className="govuk-link" to={`${base}/skills`}>
                Skills questionnaire and individual answers
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`${base}/outcomes`}>
                Record outcomes after the programme
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/programmes/${cohort.programme_id}/report`}>
                {cohort.programme_name}: every cohort
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/audit?cohort=${cohort.id}`}>
                Audit log
              </Link>
            </li>
          </>
        ) : null}
      </ul>

      <h2 className="govuk-heading-m">Who took part</h2>
      {composition.total === 0 ? (
        <p className="govuk-body">No participants have been added to this cohort yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            {plural(composition.total, "participant")}, including any who withdrew. Shares are of all
            participants.
          </p>
          {(
            [
              ["sector", "Participants by sector"],
              ["organisation", "Participants by organisation"],
              ["department", "Civil servants by department"],
              ["profession", "Participants by profession"],
            ] as const
          ).map(([key, title]) => (
            <section key={key} aria-labelledby={`${key}-heading`}>
              <h3 className="govuk-heading-s" id={`${key}-heading`}>
                {title}
              </h3>
              {(table(key)?.rows.length ?? 0) === 0 ? (
                <p className="govuk-body">None to show.</p>
              ) : (
                <>
                  <BarChart title={title} bars={countBars(table(key))} unit="People" />
                  <ReportTableView table={table(key)!} csvHref={csv(key)} />
                </>
              )}
            </section>
          ))}
        </>
      )}

      <h2 className="govuk-heading-m">Attendance at company visits</h2>
      {attendance.visits.length === 0 ? (
        <p className="govuk-body">No attendance has been recorded for this cohort's visits yet.</p>
      ) : (
        <>
          <BarChart
            title="Attendance by visit"
            max={100}
            unit="Participants who attended (%)"
            bars={attendance.visits.map((v) => ({
              label: `${formatShortUkDate(v.date)} ${v.hostName}`,
              value: v.rate,
              valueText: formatPercent(v.rate),
            }))}
          />
          <ReportTableView table={table("attendance-by-visit")!} csvHref={csv("attendance-by-visit")} />
          {individual ? (
            <ReportTableView table={table("attendance-by-person")!} csvHref={csv("attendance-by-person")} />
          ) : (
            <p className="govuk-body">
              Attendance by participant is shown to the cohort's coordinators only.
            </p>
          )}
        </>
      )}

      <h2 className="govuk-heading-m">Skills and confidence</h2>
      <p className="govuk-body">
        Participants rate their confidence from 1 (not at all confident) to 5 (very confident) at the start
        and at the end of the programme. The change compares each person's own start and end answers, so only
        people who answered both count towards it.
      </p>
      {skills.areas.length === 0 || !answered ? (
        <p className="govuk-body">
          {skills.areas.length === 0
            ? "The skills questionnaire has not opened yet."
            : "Nobody has answered the skills questionnaire yet."}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            {plural(skills.bothRespondents, "participant")} answered at both the start and the end.
          </p>
          {skills.bothRespondents > 0 ? (
            <GroupedBarChart
              title="Confidence by area, start and end (people who answered both)"
              series={["Start", "End"]}
              max={5}
              unit="Average confidence (1 to 5)"
              groups={skills.areas.map((a) => ({
                label: a.text,
                values: [a.pairedStartMean, a.pairedEndMean],
                valueTexts: [formatMean(a.pairedStartMean), formatMean(a.pairedEndMean)],
              }))}
            />
          ) : (
            <GroupedBarChart
              title="Confidence by area at the start"
              series={["Start"]}
              max={5}
              unit="Average confidence (1 to 5)"
              groups={skills.areas.map((a) => ({
                label: a.text,
                values: [a.startMean],
                valueTexts: [formatMean(a.startMean)],
              }))}
            />
          )}
          <ReportTableView table={table("skills-change")!} csvHref={csv("skills-change")} />
          <p className="govuk-body">
            {individual
              ? "Individual answers are on the skills questionnaire page, for coordinators only."
              : "Individual answers are seen only by the person who gave them and the cohort's coordinators."}
          </p>
        </>
      )}

      <h2 className="govuk-heading-m">Outcomes after the programme</h2>
      {outcomes.teams.length === 0 ? (
        <p className="govuk-body">This cohort has no teams yet.</p>
      ) : (
        <>
          <GroupedBarChart
            title="Teams' solutions by outcome, 3 and 6 months after the programme"
            series={FOLLOW_UPS.map((f) => FOLLOW_UP_LABELS[f])}
            unit="Teams"
            groups={[...OUTCOME_STATUSES, "notRecorded" as const].map((status) => ({
              label: status === "notRecorded" ? "Not recorded yet" : OUTCOME_LABELS[status],
              values: FOLLOW_UPS.map((f) => outcomes.counts[f][status]),
              valueTexts: FOLLOW_UPS.map((f) => String(outcomes.counts[f][status])),
            }))}
          />
          <ReportTableView table={table("outcomes")!} csvHref={csv("outcomes")} />
        </>
      )}

      <h2 className="govuk-heading-m">Mentoring, problem statements and pitches</h2>
      <InsetText>
        Mentoring activity per team per week, problem statements by category and status, and pitch results are
        not yet available in Tandem. They will appear here when Tandem records mentoring sessions, problem
        statements and pitch results.
      </InsetText>
    </>
  );
}
