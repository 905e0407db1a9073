// The teams screen's quality report: each rule in a sentence and whether it holds, the totals against the lowest
// cost possible, and what each team misses.
import type { FormationReport } from "~/domain/team-formation";
import { qualityChecks } from "~/domain/team-quality";
import { SummaryList, Table, Tag } from "./govuk";

const ATTRIBUTE_NAMES: Record<string, string> = {
  profession: "profession",
  organisation: "organisation",
  job_title: "job title",
};

function number(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function TeamTotals({
  report,
  settings,
  lowerBound,
  optimal,
}: {
  report: FormationReport;
  settings: { balance: string[]; notAlone: string[] };
  lowerBound: number;
  optimal: boolean;
}) {
  const gap = report.cost.total - lowerBound;
  const checks = qualityChecks(report, settings);
  return (
    <>
      <Table
        caption="The rules, and whether these teams keep them"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: "Rule" }, { text: "What it asks" }, { text: "These teams" }]}
        rows={checks.map((check) => [
          { text: check.name },
          {
            text: (
              <>
                {check.sentence}
                {check.misses.length ? (
                  <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    {check.misses.map((miss) => (
                      <li key={miss}>{miss}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
          {
            text:
              check.holds === null ? (
                <Tag colour="grey">Not asked for</Tag>
              ) : check.holds ? (
                <Tag colour="green">Holds</Tag>
              ) : (
                <Tag colour={HARD.has(check.key) ? "red" : "yellow"}>
                  {HARD.has(check.key) ? "Broken" : "Not everywhere"}
                </Tag>
              ),
          },
        ])}
      />
      <SummaryList
        rows={[
          { key: "Total cost (lower is better)", value: number(report.cost.total) },
          { key: "Pairs of colleagues in the same team", value: number(report.cost.colleagues) },
          { key: "Distance from a fair share", value: number(report.cost.balance) },
          { key: "People who are the only one of their kind", value: number(report.cost.notAlone) },
          { key: "Lowest cost possible", value: number(lowerBound) },
          {
            key: "How good these teams are",
            value: optimal
              ? "The best possible: no arrangement can cost less"
              : gap <= 1e-9
                ? "Equal to the lowest cost possible: the best possible"
                : `At most ${number(gap)} above the best possible`,
          },
        ]}
      />
    </>
  );
}

/** The rules that must always hold: the teams cannot be published while one is broken. */
const HARD = new Set(["sizes", "sector", "choices"]);

export function TeamQualityTable({ report }: { report: FormationReport }) {
  return (
    <Table
      caption="Quality of each team"
      captionSize="m"
      firstCellIsHeader
      head={[
        { text: "Team" },
        { text: "Members", format: "numeric" },
        { text: "Government", format: "numeric" },
        { text: "Rules broken" },
        { text: "Colleagues together" },
        { text: "Distance from a fair share" },
        { text: "Only one of their kind" },
        { text: "Cost", format: "numeric" },
      ]}
      rows={report.teams.map((team) => [
        { text: `Team ${team.number}` },
        { text: String(team.size), format: "numeric" },
        { text: String(team.government), format: "numeric" },
        {
          text: team.broken.length ? team.broken.map((b) => `This team ${b.message}`).join(". ") : "None",
        },
        {
          text: team.colleagues
            ? `${team.colleagues} ${team.colleagues === 1 ? "pair" : "pairs"} (${team.colleagueGroups.map((g) => `${g.count} from ${g.organisation}`).join(", ")})`
            : "None",
        },
        {
          text: team.imbalances.length
            ? `${number(team.balance)}: ${team.imbalances
                .map((i) => `${i.count} in ${i.value} (fair share ${number(i.ideal)})`)
                .join(", ")}`
            : number(team.balance),
        },
        {
          text: team.alone.length
            ? team.alone.map((a) => `${a.value} (${ATTRIBUTE_NAMES[a.attribute] ?? a.attribute})`).join(", ")
            : "None",
        },
        { text: number(team.cost), format: "numeric" },
      ])}
    />
  );
}
