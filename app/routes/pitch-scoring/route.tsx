// "How scores are calculated": the published pitch-day method, with a worked example run through the same code.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Details, InsetText, Table } from "~/components/govuk";
import { RubricCriterion } from "~/components/RubricCriterion";
import { round2 } from "~/domain/pitch-scoring";
import {
  EXAMPLE_ABSENCES,
  EXAMPLE_CONFLICTS,
  EXAMPLE_LEADERS,
  EXAMPLE_TEAMS,
  workedExample,
} from "~/domain/pitch-scoring-example";
import { DEFAULT_RUBRIC } from "~/domain/rubric";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("How scores are calculated");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const { sheet, result } = workedExample();
  const totals = Object.fromEntries(result.sheets.map((s) => [`${s.judge}|${s.team}`, s.total]));
  const offsets = result.judgeOffsets;
  const harshest = EXAMPLE_LEADERS.reduce((a, b) => (offsets[a]! <= offsets[b]! ? a : b));
  const byRaw = [...result.results].sort((x, y) => y.raw! - x.raw!);
  const winner = result.results[0]!;
  const rawWinner = byRaw[0]!;
  const shownTeam = result.results.find((r) => r.team === sheet.team)!;
  return {
    rubric: DEFAULT_RUBRIC,
    sheet,
    leaders: EXAMPLE_LEADERS,
    teams: EXAMPLE_TEAMS,
    grid: EXAMPLE_LEADERS.map((leader) => ({
      leader,
      cells: EXAMPLE_TEAMS.map((team) => {
        if (EXAMPLE_CONFLICTS.some((c) => c.judge === leader && c.team === team)) return "Conflict";
        if (EXAMPLE_ABSENCES.some((c) => c.judge === leader && c.team === team)) return "Missed the pitch";
        return round2(totals[`${leader}|${team}`]!).toFixed(2);
      }),
    })),
    sheetTotal: totals[`${sheet.judge}|${sheet.team}`]!,
    shownTeam: {
      team: shownTeam.team,
      parts: result.sheets
        .filter((s) => s.team === shownTeam.team)
        .map((s) => ({ judge: s.judge, total: s.total, offset: offsets[s.judge]! })),
      adjusted: shownTeam.adjusted!,
    },
    results: result.results.map((r) => ({
      team: r.team,
      rank: r.rank!,
      adjusted: r.adjusted!,
      raw: r.raw!,
      judges: r.judges,
    })),
    offsets: EXAMPLE_LEADERS.map((leader) => ({ leader, offset: offsets[leader]! })),
    harshest,
    winner: winner.team,
    rawWinner: rawWinner.team,
    rawWinnerSkipped: !result.sheets.some((s) => s.judge === harshest && s.team === rawWinner.team),
  };
}

const two = (value: number) => round2(value).toFixed(2);
/** "+16.95", "−18.05" (a true minus sign, which screen readers say as "minus"). */
const signed = (value: number) => {
  const rounded = round2(value);
  return `${rounded < 0 ? "−" : "+"}${Math.abs(rounded).toFixed(2)}`;
};

type Loaded = Awaited<ReturnType<typeof loader>>;

export default function PitchScoring() {
  const data = useLoaderData<typeof loader>();
  const weightSum = data.rubric.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">How scores are calculated</h1>
        <p className="govuk-body">
          At the end of a cohort each team pitches to a panel of senior leaders, who score it against a
          rubric. Tandem turns their scoring sheets into results in the same way every time. This page sets
          out the method, and works through an example using the same code that produces real results.
        </p>

        <h2 className="govuk-heading-m">The rubric</h2>
        <p className="govuk-body">
          Each team is scored on each criterion from 1 to the top of the criterion's scale (normally 5), and
          each criterion has a weight: the higher the weight, the more it counts. Only the ratios between
          weights matter. The coordinator can change the criteria until scoring opens; these are the defaults.
        </p>
        <Table
          caption="Default criteria"
          captionSize="s"
          firstCellIsHeader
          head={[
            { text: "Criterion" },
            { text: "Weight", format: "numeric" },
            { text: "Scale", format: "numeric" },
          ]}
          rows={data.rubric.map((c) => [
            { text: c.name },
            { text: c.weight, format: "numeric" },
            { text: `1 to ${c.max}`, format: "numeric" },
          ])}
        />
        <Details summary="What each level means">
          {data.rubric.map((c) => (
            <RubricCriterion
              key={c.id}
              heading={<h3 className="govuk-heading-s">{c.name}</h3>}
              criterion={c}
            />
          ))}
        </Details>

        <h2 className="govuk-heading-m">1. Each leader's total for a team</h2>
        <p className="govuk-body">
          A sheet counts only when every criterion has a score. An incomplete sheet is left out and reported
          to the coordinator. A leader's total for a team is a percentage: each score is divided by the top of
          its scale, weighted, and the weighted scores are averaged.
        </p>
        <InsetText>
          <p className="govuk-body">
            <code>total = 100 × Σ (weight × score ÷ top of scale) ÷ Σ weight</code>
          </p>
        </InsetText>

        <h2 className="govuk-heading-m">2. Raw score</h2>
        <p className="govuk-body">
          A team's raw score is the average of the totals given by the leaders who scored it.
        </p>

        <h2 className="govuk-heading-m">3. Adjusted score</h2>
        <p className="govuk-body">
          Some leaders mark harder than others. When every leader scores every team that does not matter, but
          leaders with a conflict of interest do not score some teams, and a leader may miss a pitch. A team
          scored by generous leaders would then be ahead through luck. The adjusted score removes that effect.
        </p>
        <p className="govuk-body">
          Tandem describes every counted total as an overall level (μ), plus something for the team (a), plus
          something for the leader (b), and chooses the values that fit all the totals as closely as possible
          (least squares: the smallest sum of squared differences).
        </p>
        <InsetText>
          <p className="govuk-body">
            <code>total[leader, team] ≈ μ + a[team] + b[leader]</code>, with the leaders' b adding up to 0
          </p>
        </InsetText>
        <p className="govuk-body">
          A leader's b is their <strong>offset</strong>: positive for a leader who marks generously, negative
          for one who marks harshly. A team's adjusted score is the average, over the leaders who scored it,
          of their total minus their offset:
        </p>
        <InsetText>
          <p className="govuk-body">
            <code>adjusted[team] = average of (total[leader, team] − b[leader])</code>
          </p>
        </InsetText>
        <p className="govuk-body">
          When every leader scored every team, the adjusted score equals the raw score. If the panel splits
          into separate groups (leaders who scored only some teams, and other leaders who scored only other
          teams), nothing links the groups, so each group is fitted separately and the results say so: scores
          can then be compared only within a group.
        </p>

        <h2 className="govuk-heading-m">4. Ranking</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>Teams are ranked by adjusted score, rounded to 2 decimal places.</li>
          <li>
            A tie is broken by the teams' raw average on the criterion with the highest weight (if several
            share the highest weight, on those criteria combined by weight).
          </li>
          <li>
            Teams still level share a rank, and the next rank is skipped: 1, 2, 2, 4. Joint winners are
            possible.
          </li>
        </ul>

        <h2 className="govuk-heading-m">5. Flags</h2>
        <p className="govuk-body">The coordinator's results show a flag when:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>fewer than two sheets counted for a team</li>
          <li>a sheet was left incomplete</li>
          <li>
            a leader in conflict with a team gave it scores (they are ignored: a leader is in conflict when
            they work for the same organisation as a team member or mentor, or declared a conflict)
          </li>
          <li>the panel fell into separate groups</li>
        </ul>

        <WorkedExample data={data} weightSum={weightSum} />
      </div>
    </div>
  );
}

/** The method run on the example's sheets, step by step. */
function WorkedExample({ data, weightSum }: { data: Loaded; weightSum: number }) {
  return (
    <>
      <h2 className="govuk-heading-l">A worked example</h2>
      <p className="govuk-body">
        Four teams and three leaders, using the default criteria. {EXAMPLE_CONFLICTS[0]!.judge} works with
        someone in {EXAMPLE_CONFLICTS[0]!.team}, so did not score it, and {EXAMPLE_ABSENCES[0]!.judge} missed{" "}
        {EXAMPLE_ABSENCES[0]!.team}'s pitch.
      </p>

      <Table
        caption={`${data.sheet.judge}'s scores for ${data.sheet.team}`}
        captionSize="s"
        firstCellIsHeader
        head={[
          { text: "Criterion" },
          { text: "Weight", format: "numeric" },
          { text: "Score (out of 5)", format: "numeric" },
        ]}
        rows={data.sheet.scores.map((s) => [
          { text: s.name },
          { text: s.weight, format: "numeric" },
          { text: s.score, format: "numeric" },
        ])}
      />
      <p className="govuk-body">
        <code>
          100 × ({data.sheet.scores.map((s) => `${s.weight} × ${s.score} ÷ 5`).join(" + ")}) ÷ {weightSum} ={" "}
          {two(data.sheetTotal)}
        </code>
      </p>

      <Table
        caption="Every leader's total"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: "Leader" }, ...data.teams.map((team) => ({ text: team, format: "numeric" as const }))]}
        rows={data.grid.map((row) => [
          { text: row.leader },
          ...row.cells.map((cell) => ({ text: cell, format: "numeric" as const })),
        ])}
      />

      <Table
        caption="Each leader's offset"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: "Leader" }, { text: "Offset (b)", format: "numeric" }]}
        rows={data.offsets.map((o) => [{ text: o.leader }, { text: signed(o.offset), format: "numeric" }])}
      />
      <p className="govuk-body">
        {data.harshest} marks lowest, so has the most negative offset. The offsets add up to 0.
      </p>
      <p className="govuk-body">
        {data.shownTeam.team}'s adjusted score is the average of{" "}
        {data.shownTeam.parts.map((p) => `${two(p.total)} − (${signed(p.offset)})`).join(" and ")}, which is{" "}
        {two(data.shownTeam.adjusted)}.
      </p>

      <Table
        caption="Results"
        captionSize="s"
        head={[
          { text: "Rank", format: "numeric" },
          { text: "Team" },
          { text: "Adjusted score", format: "numeric" },
          { text: "Raw score", format: "numeric" },
          { text: "Leaders who scored", format: "numeric" },
        ]}
        rows={data.results.map((r) => [
          { text: r.rank, format: "numeric" },
          { text: r.team },
          { text: two(r.adjusted), format: "numeric" },
          { text: two(r.raw), format: "numeric" },
          { text: r.judges, format: "numeric" },
        ])}
      />
      {data.rawWinner !== data.winner ? (
        <p className="govuk-body">
          On raw scores {data.rawWinner} would come first
          {data.rawWinnerSkipped ? `, helped by not being scored by ${data.harshest}` : ""}. Adjusted for how
          each leader marks, {data.winner} comes first.
        </p>
      ) : null}
    </>
  );
}
