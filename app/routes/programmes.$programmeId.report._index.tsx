import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProgrammeReader } from "~/auth/programme-access.server";
import { BarChart, GroupedBarChart } from "~/components/Charts";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { ReportTableView } from "~/components/ReportTableView";
import { round2 } from "~/domain/pitch-scoring";
import {
  formatPercent,
  OUTCOME_LABELS,
  OUTCOME_STATUSES,
  programmeFigures,
  programmeTables,
} from "~/domain/report";
import { programmeCohortRows } from "~/models/report.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Programme report: ${data?.programme.name ?? "programme"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, programme } = await requireProgrammeReader(context, request, params.programmeId);
  const figures = programmeFigures(await programmeCohortRows(context.db, programme.id));
  return { programme, isAdmin: user.isAdmin, figures, tables: programmeTables(figures) };
}

const score = (value: number | null) => (value === null ? "–" : round2(value).toFixed(2));

export default function ProgrammeReport() {
  const { programme, isAdmin, figures, tables } = useLoaderData<typeof loader>();
  const programmePaths = paths.programme(programme.id);
  return (
    <>
      <BackLink href={isAdmin ? programmePaths.home() : paths.home()}>
        {isAdmin ? `Back to ${programme.name}` : "Back to home"}
      </BackLink>
      <PageHeading caption={programme.name}>Programme report</PageHeading>
      {figures.length === 0 ? (
        <p className="govuk-body">This programme has no cohorts yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            Cohort by cohort: how many took part, how many completed (not withdrawn by the cohort's end),
            attendance at company visits, how the pitches went and what became of the teams' solutions.
          </p>
          <h2 className="govuk-heading-m">Participants and completion</h2>
          <GroupedBarChart
            title="Participants and completions by cohort"
            series={["Participants", "Completed"]}
            unit="People"
            groups={figures.map((f) => ({
              label: f.name,
              values: [f.participants, f.completed],
              valueTexts: [String(f.participants), `${f.completed} (${formatPercent(f.completionRate)})`],
            }))}
          />
          <h2 className="govuk-heading-m">Attendance at company visits</h2>
          <BarChart
            title="Attendance at company visits by cohort"
            max={100}
            unit="Attendance (%)"
            bars={figures.map((f) => ({
              label: f.name,
              value: f.attendanceRate,
              valueText: f.recorded ? formatPercent(f.attendanceRate) : "Not recorded",
            }))}
          />
          <ReportTableView table={tables[0]!} csvHref={programmePaths.reportCsv("cohorts")} />
          <h2 className="govuk-heading-m">Outcomes</h2>
          {figures.every((f) => f.outcomesRecorded === 0) ? (
            <p className="govuk-body">No outcomes have been recorded yet.</p>
          ) : (
            <GroupedBarChart
              title="Teams' solutions by outcome and cohort (each team at its latest follow-up)"
              series={OUTCOME_STATUSES.map((s) => OUTCOME_LABELS[s])}
              unit="Teams"
              groups={figures.map((f) => ({
                label: f.name,
                values: OUTCOME_STATUSES.map((s) => f.outcomeCounts[s]),
                valueTexts: OUTCOME_STATUSES.map((s) => String(f.outcomeCounts[s])),
              }))}
            />
          )}
          <ReportTableView table={tables[1]!} csvHref={programmePaths.reportCsv("outcomes")} />
          <h2 className="govuk-heading-m">Pitch results</h2>
          {figures.some((f) => f.pitch.top !== null) ? (
            <GroupedBarChart
              title="Adjusted pitch scores by cohort: the top team and the mean of the teams scored"
              series={["Top team", "Mean of teams scored"]}
              max={100}
              unit="Adjusted score (out of 100)"
              groups={figures
                .filter((f) => f.pitch.top !== null)
                .map((f) => ({
                  label: f.name,
                  values: [f.pitch.top?.adjusted ?? null, f.pitch.meanAdjusted],
                  valueTexts: [score(f.pitch.top?.adjusted ?? null), score(f.pitch.meanAdjusted)],
                }))}
            />
          ) : (
            <p className="govuk-body">No cohort's pitch results have been released yet.</p>
          )}
          <ReportTableView table={tables[2]!} csvHref={programmePaths.reportCsv("pitch-results")} />
          <h2 className="govuk-heading-m">Each cohort's report</h2>
          <ul className="govuk-list">
            {figures.map((f) => (
              <li key={f.cohortId}>
                <Link className="govuk-link" to={paths.cohort(f.cohortId).report()}>
                  {f.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
