// The teams screen's quality report: totals against the lower bound, and what each team misses.
import type { FormationReport } from "~/domain/team-formation";
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
  lowerBound,
  optimal,
}: {
  report: FormationReport;
  lowerBound: number;
  optimal: boolean;
}) {
  const gap = report.cost.total - lowerBound;
  return (
    <SummaryList
      rows={[
        {
          key: "Hard rules",
          value:
            report.broken.length === 0 ? (
              <Tag colour="green">All hold</Tag>
            ) : (
              <>
                <Tag colour="red">{`${report.broken.length} broken`}</Tag>
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
                  {report.broken.map((b) => (
                    <li key={`${b.rule}-${b.message}`}>
                      {b.rule}: {b.message}
                    </li>
                  ))}
                </ul>
              </>
            ),
        },
        { key: "Total cost", value: number(report.cost.total) },
        { key: "C1 colleagues (pairs from one organisation)", value: number(report.cost.colleagues) },
        { key: "C2 balance", value: number(report.cost.balance) },
        { key: "C3 not alone", value: number(report.cost.notAlone) },
        { key: "Lower bound", value: number(lowerBound) },
        {
          key: "Quality",
          value: optimal
            ? "Proven optimal: no arrangement can cost less"
            : gap <= 1e-9
              ? "Equal to the lower bound: optimal"
              : `At most ${number(gap)} above the best possible (the gap to the lower bound)`,
        },
      ]}
    />
  );
}

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
        { text: "Hard rules" },
        { text: "Colleagues (C1)" },
        { text: "Balance (C2)" },
        { text: "Alone (C3)" },
        { text: "Cost", format: "numeric" },
      ]}
      rows={report.teams.map((team) => [
        { text: `Team ${team.number}` },
        { text: String(team.size), format: "numeric" },
        { text: String(team.government), format: "numeric" },
        {
          text: team.broken.length
            ? team.broken.map((b) => `${b.rule}: ${b.message}`).join("; ")
            : "All hold",
        },
        {
          text: team.colleagues
            ? `${team.colleagues} (${team.colleagueGroups.map((g) => `${g.organisation} ×${g.count}`).join(", ")})`
            : "None",
        },
        {
          text: team.imbalances.length
            ? `${number(team.balance)}: ${team.imbalances
                .map((i) => `${i.value} ${i.count} (ideal ${number(i.ideal)})`)
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
