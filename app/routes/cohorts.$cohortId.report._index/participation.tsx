// The report's sections on who took part: composition, attendance at company visits and mentoring activity.
import { BarChart, HeatmapChart } from "~/components/Charts";
import { Details } from "~/components/govuk";
import { ReportTableView } from "~/components/ReportTableView";
import { formatShortUkDate, formatUkDate } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { formatPercent, type ReportTable } from "~/domain/report";
import { PARTICIPANT, reportTables, type SectionProps } from "./sections";

function countBars(table: ReportTable | undefined) {
  return (table?.rows ?? []).map((row) => ({
    label: String(row[0]),
    value: Number(row[1]),
    valueText: `${row[1]} (${formatPercent(row[2] as number | null)})`,
  }));
}

/** Participants by sector, organisation, department and profession. */
export function WhoTookPart({ cohort, report: { composition }, tables }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
      <h2 className="govuk-heading-m">Who took part</h2>
      {composition.total === 0 ? (
        <p className="govuk-body">No participants have been added to this cohort yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            {plural(composition.total, PARTICIPANT)}, including any who withdrew. Shares are of all
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
    </>
  );
}

/** Attendance at company visits; by participant only for those who may see individuals. */
export function VisitAttendance({ cohort, report: { attendance }, tables, individual }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
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
    </>
  );
}

/** Mentoring sessions per team per programme week. */
export function MentoringActivity({ cohort, report: { mentoring }, tables }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
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
    </>
  );
}
