import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadCohortReport } from "~/auth/report-access.server";
import { BarChart, GroupedBarChart, HeatmapChart, StackedBarChart } from "~/components/Charts";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Details, SummaryList } from "~/components/govuk";
import { ReportTableView } from "~/components/ReportTableView";
import { cohortEndDate, formatShortUkDate, formatUkDate } from "~/domain/calendar";
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
  type ReportTable,
  STATEMENT_CATEGORIES,
  STATEMENT_CATEGORY_LABELS,
  STATEMENT_STATUS_LABELS,
  STATEMENT_STATUSES,
} from "~/domain/report";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `Report: ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, individual, report, tables, roles, user } = await loadCohortReport(
    context,
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
  const { composition, attendance, mentoring, statements, pitch, skills, outcomes } = report;
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

      <h2 className="govuk-heading-m">Mentoring activity</h2>
      {mentoring.sessions === 0 ? (
        <p className="govuk-body">
          {mentoring.teams.length === 0
            ? "This cohort has no teams yet, so no mentoring sessions have been logged."
            : "No mentoring sessions have been logged for this cohort's teams yet."}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Sessions the mentors logged with each team, by programme week (weeks start on{" "}
            {formatUkDate(cohort.start_date)}), from week 1 to{" "}
            {mentoring.weeks.length === 1 ? "week 1" : `week ${mentoring.weeks.length}`}.
            {mentoring.outsideWeeks
              ? ` ${plural(mentoring.outsideWeeks, "session")} dated outside the programme's weeks ${mentoring.outsideWeeks === 1 ? "is" : "are"} counted in the teams' totals only.`
              : ""}
          </p>
          <HeatmapChart
            title="Mentoring sessions per team per week"
            columnTitle="Programme week"
            columns={mentoring.weeks.map((w) => String(w.number))}
            rows={mentoring.teams.map((team) => ({
              label: team.team,
              cells: mentoring.cells
                .filter((c) => c.teamId === team.teamId)
                .map((c) => ({ value: c.minutes, text: c.sessions ? String(c.sessions) : "" })),
            }))}
            textMeaning="sessions"
            shadeUnit="minutes"
          />
          <Details summary="Sessions and minutes per team per week, as a table">
            <ReportTableView table={table("mentoring-by-week")!} />
          </Details>
          <p className="govuk-body tandem-no-print">
            <a className="govuk-link" href={csv("mentoring-by-week")} download>
              Download “{table("mentoring-by-week")!.title}” (CSV)
            </a>
          </p>
          <ReportTableView table={table("mentoring-by-team")!} csvHref={csv("mentoring-by-team")} />
        </>
      )}

      <h2 className="govuk-heading-m">Problem statements</h2>
      {statements.started === 0 ? (
        <p className="govuk-body">
          {statements.teams === 0
            ? "This cohort has no teams yet, so there are no problem statements."
            : "No team has started its problem statement yet."}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Each team's statement by the category of its latest version and where it is in review.{" "}
            {statements.notStarted
              ? `${plural(statements.notStarted, "team")} ${statements.notStarted === 1 ? "has" : "have"} not started one yet.`
              : "Every team has started one."}
          </p>
          <StackedBarChart
            title="Problem statements by category and status"
            series={STATEMENT_STATUSES.map((s) => STATEMENT_STATUS_LABELS[s])}
            unit="Teams"
            bars={STATEMENT_CATEGORIES.map((category) => ({
              label: STATEMENT_CATEGORY_LABELS[category],
              values: STATEMENT_STATUSES.map((s) => statements.counts[category][s]),
              totalText: String(statements.byCategory[category]),
            }))}
          />
          <ReportTableView table={table("statements")!} csvHref={csv("statements")} />
        </>
      )}

      <h2 className="govuk-heading-m">Pitch results</h2>
      {pitch.state === "released" ? (
        <>
          <p className="govuk-body">
            The pitch day on {formatUkDate(pitch.date)}: teams ranked by their adjusted score (out of 100),
            which allows for how generous or strict each senior leader scored; the raw score is the plain
            average of the leaders' totals.{" "}
            <Link className="govuk-link" to="/pitch-scoring">
              How scores are calculated
            </Link>
            .
          </p>
          {pitch.groups > 1 ? (
            <p className="govuk-body">
              The panel fell into {pitch.groups} separate groups: scores compare only within each group.
            </p>
          ) : null}
          <BarChart
            title="Pitch results: adjusted score by team"
            max={Math.max(100, ...pitch.teams.map((t) => t.adjusted ?? 0))}
            unit="Adjusted score (out of 100)"
            bars={pitch.teams.map((t) => ({
              label: t.rank === null ? t.team : `${t.rank}. ${t.team}`,
              value: t.adjusted,
              valueText: t.adjusted === null ? "Not scored" : round2(t.adjusted).toFixed(2),
            }))}
          />
          <ReportTableView table={table("pitch-results")!} csvHref={csv("pitch-results")} />
        </>
      ) : (
        <p className="govuk-body">
          {pitch.state === "none"
            ? "This cohort has no pitch day yet. Results will appear here once the pitch day has been held and its results released."
            : `The pitch day is on ${formatUkDate(pitch.date)}. Its results will appear here once the coordinator releases them.`}
          {canManage && pitch.state === "not-released" ? (
            <>
              {" "}
              <Link className="govuk-link" to={`${base}/pitch-day`}>
                Go to the pitch day
              </Link>
            </>
          ) : null}
        </p>
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
    </>
  );
}
