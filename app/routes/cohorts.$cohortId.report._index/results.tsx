// The report's sections on what the teams achieved: problem statements, pitch results, skills and outcomes.
import { Link } from "@remix-run/react";
import { BarChart, GroupedBarChart, StackedBarChart } from "~/components/Charts";
import { ReportTableView } from "~/components/ReportTableView";
import { formatUkDate } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { round2 } from "~/domain/pitch-scoring";
import {
  FOLLOW_UP_LABELS,
  FOLLOW_UPS,
  formatMean,
  OUTCOME_LABELS,
  OUTCOME_STATUSES,
  STATEMENT_CATEGORIES,
  STATEMENT_CATEGORY_LABELS,
  STATEMENT_STATUS_LABELS,
  STATEMENT_STATUSES,
} from "~/domain/report";
import { paths } from "~/utils/paths";
import { PARTICIPANT, reportTables, type SectionProps } from "./sections";

/** Problem statements by category and status. */
export function ProblemStatements({ cohort, report: { statements }, tables }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
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
    </>
  );
}

/** The pitch day's results, once released. */
export function PitchResults({ cohort, report: { pitch }, tables, canManage }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
      <h2 className="govuk-heading-m">Pitch results</h2>
      {pitch.state === "released" ? (
        <>
          <p className="govuk-body">
            The pitch day on {formatUkDate(pitch.date)}: teams ranked by their adjusted score (out of 100),
            which allows for how generous or strict each senior leader scored; the raw score is the plain
            average of the leaders' totals.{" "}
            <Link className="govuk-link" to={paths.pitchScoring()}>
              How scores are calculated
            </Link>
            .
          </p>
          {canManage && !pitch.rankingPublished ? (
            <p className="govuk-body">
              Sponsors see the ranking once you publish it to the cohort from the pitch day page.
            </p>
          ) : null}
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
            : pitch.state === "not-published"
              ? `The pitch day was on ${formatUkDate(pitch.date)}. Its ranking will appear here once the coordinator publishes it to the cohort.`
              : `The pitch day is on ${formatUkDate(pitch.date)}. Its results will appear here once the coordinator releases them.`}
          {canManage && pitch.state === "not-released" ? (
            <>
              {" "}
              <Link className="govuk-link" to={paths.cohort(cohort.id).pitchDay.home()}>
                Go to the pitch day
              </Link>
            </>
          ) : null}
        </p>
      )}
    </>
  );
}

/** The change in confidence between the start and the end of the programme. */
export function SkillsAndConfidence({ cohort, report: { skills }, tables, individual }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  const answered = skills.startRespondents + skills.endRespondents > 0;
  return (
    <>
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
            {plural(skills.bothRespondents, PARTICIPANT)} answered at both the start and the end.
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
    </>
  );
}

/** What became of the teams' solutions 3 and 6 months on. */
export function OutcomesAfter({ cohort, report: { outcomes }, tables }: SectionProps) {
  const { table, csv } = reportTables(tables, cohort.id);
  return (
    <>
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
