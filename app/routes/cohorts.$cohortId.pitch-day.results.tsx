// The coordinator's results: ranking, adjusted and raw scores, per-criterion means, leaders' offsets and flags.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, Table, Tag, WarningText } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateTime } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { flagText } from "~/domain/pitch-day";
import { round2 } from "~/domain/pitch-scoring";
import { getPitchEvent, releasedTeams, resultsOf } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Pitch day results");
export const ErrorBoundary = RouteErrorBoundary;

const two = (value: number | null) => (value === null ? "–" : round2(value).toFixed(2));
/** "+3.20", "−1.05" (a true minus sign, which screen readers say as "minus"). */
const signed = (value: number) => {
  const rounded = round2(value);
  return `${rounded < 0 ? "−" : "+"}${Math.abs(rounded).toFixed(2)}`;
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) notFound("Pitch day");
  const [{ panel, rubric, results, leaderNames }, releasedTo] = await Promise.all([
    resultsOf(db, cohort.id, event.id),
    releasedTeams(db, event.id),
  ]);
  const teamLabel = new Map(panel.teams.map((t) => [String(t.id), t.label]));
  const conflictsOf = (teamId: string) => panel.conflicts.filter((c) => String(c.teamId) === teamId).length;
  return {
    cohort,
    state: event.scoring_state,
    released: event.results_released_at ? formatUkDateTime(event.results_released_at) : null,
    /** How many of the pitching teams can see their own results. */
    releasedTeams: panel.teams.filter((t) => releasedTo.has(t.id)).length,
    teams: panel.teams.length,
    groups: results.groups,
    criteria: rubric.map((c) => ({ id: String(c.id), name: c.name, weight: c.weight, max: c.max })),
    ranking: results.results.map((r) => ({
      team: teamLabel.get(r.team) ?? r.team,
      rank: r.rank,
      adjusted: two(r.adjusted),
      raw: two(r.raw),
      judges: r.judges,
      means: Object.fromEntries(Object.entries(r.criterionMeans).map(([id, mean]) => [id, two(mean)])),
      flags: [
        ...r.flags.map(flagText),
        ...(conflictsOf(r.team)
          ? [`${conflictsOf(r.team)} conflicted leader${conflictsOf(r.team) === 1 ? "" : "s"}`]
          : []),
      ],
    })),
    offsets: Object.entries(results.judgeOffsets).map(([judge, b]) => ({
      leader: leaderNames.get(judge) ?? judge,
      offset: signed(b),
      sheets: results.sheets.filter((s) => s.judge === judge).length,
    })),
    incomplete: [
      ...results.incompleteSheets.map((s) => ({ ...s, why: "Submitted without every score" })),
      ...results.drafts.map((s) => ({ ...s, why: "Draft, not submitted" })),
    ].map((s) => ({
      leader: leaderNames.get(s.judge) ?? s.judge,
      team: teamLabel.get(s.team) ?? s.team,
      why: s.why,
    })),
    ignored: results.ignoredConflicts.map((s) => ({
      leader: leaderNames.get(s.judge) ?? s.judge,
      team: teamLabel.get(s.team) ?? s.team,
    })),
    conflicts: panel.conflicts.map((c) => ({
      key: `${c.leaderId}-${c.teamId}`,
      leader: leaderNames.get(String(c.leaderId)) ?? "",
      team: teamLabel.get(String(c.teamId)) ?? "",
      reasons: c.reasons.join("; "),
    })),
  };
}

export default function Results() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = data;
  const pitchDay = paths.cohort(cohort.id).pitchDay;
  return (
    <>
      <BackLink href={pitchDay.home()}>Back to the pitch day</BackLink>
      <PageHeading caption={cohort.name}>Pitch day results</PageHeading>
      <p className="govuk-body">
        {data.state === "open" ? (
          <Tag colour="green">Scoring open</Tag>
        ) : data.state === "closed" ? (
          <Tag colour="red">Scoring closed</Tag>
        ) : (
          <Tag colour="grey">Scoring not open yet</Tag>
        )}{" "}
        {data.releasedTeams === 0
          ? "Only coordinators can see these results until you release them."
          : data.releasedTeams < data.teams
            ? `Released to ${data.releasedTeams} of ${plural(data.teams, "team")}: each of them can see its own results, and the others will once you release them.`
            : `Released to every team${data.released ? ` on ${data.released}` : ""}: each team can see its own results.`}
      </p>
      <p className="govuk-body tandem-no-print">
        Scores follow the published method:{" "}
        <Link className="govuk-link" to={paths.pitchScoring()}>
          how scores are calculated
        </Link>
        .{" "}
        <a className="govuk-link" href={pitchDay.sheetsCsv()} download>
          Download every sheet (CSV)
        </a>
        . To print these results, use your browser's print command: the page prints without the navigation.
      </p>
      {data.groups > 1 ? (
        <WarningText>
          {`The panel fell into ${data.groups} separate groups (no leader scored teams in more than one group). Scores are comparable only within each group.`}
        </WarningText>
      ) : null}
      <Table
        caption="Ranking"
        captionSize="m"
        head={[
          { text: "Rank", format: "numeric" },
          { text: "Team" },
          { text: "Adjusted", format: "numeric" },
          { text: "Raw", format: "numeric" },
          { text: "Sheets", format: "numeric" },
          { text: "Flags" },
        ]}
        rows={data.ranking.map((r) => [
          { text: r.rank === null ? "–" : String(r.rank), format: "numeric" },
          { text: r.team },
          { text: r.adjusted, format: "numeric" },
          { text: r.raw, format: "numeric" },
          { text: String(r.judges), format: "numeric" },
          {
            text: r.flags.length ? (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {r.flags.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : (
              "None"
            ),
          },
        ])}
      />
      <Table
        caption="Mean score on each criterion"
        captionSize="m"
        head={[
          { text: "Team" },
          ...data.criteria.map((c) => ({
            text: `${c.name} (1 to ${c.max}, weight ${c.weight})`,
            format: "numeric" as const,
          })),
        ]}
        firstCellIsHeader
        rows={data.ranking.map((r) => [
          { text: r.team },
          ...data.criteria.map((c) => ({ text: r.means[c.id] ?? "–", format: "numeric" as const })),
        ])}
      />
      {data.offsets.length ? (
        <Table
          caption="Each leader's offset b (positive: marks generously)"
          captionSize="m"
          firstCellIsHeader
          head={[
            { text: "Leader" },
            { text: "Offset b", format: "numeric" },
            { text: "Sheets counted", format: "numeric" },
          ]}
          rows={data.offsets.map((o) => [
            { text: o.leader },
            { text: o.offset, format: "numeric" },
            { text: String(o.sheets), format: "numeric" },
          ])}
        />
      ) : (
        <InsetText>No sheet has been submitted yet.</InsetText>
      )}
      <h2 className="govuk-heading-m">Sheets not counted</h2>
      {data.incomplete.length ? (
        <Table
          caption="Incomplete sheets"
          captionSize="s"
          head={[{ text: "Leader" }, { text: "Team" }, { text: "Why" }]}
          rows={data.incomplete.map((s) => [{ text: s.leader }, { text: s.team }, { text: s.why }])}
        />
      ) : (
        <p className="govuk-body">Every sheet started was submitted complete.</p>
      )}
      {data.ignored.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {data.ignored.map((s) => (
            <li
              key={`${s.leader}-${s.team}`}
            >{`${s.leader}'s sheet for ${s.team} was ignored: they are in conflict with it`}</li>
          ))}
        </ul>
      ) : null}
      <h2 className="govuk-heading-m">Conflicts</h2>
      {data.conflicts.length ? (
        <Table
          caption="Leaders who did not score a team because of a conflict"
          captionSize="s"
          head={[{ text: "Leader" }, { text: "Team" }, { text: "Why" }]}
          rows={data.conflicts.map((c) => [{ text: c.leader }, { text: c.team }, { text: c.reasons }])}
        />
      ) : (
        <p className="govuk-body">No conflicts.</p>
      )}
    </>
  );
}
