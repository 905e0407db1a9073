// The quality report of proposed teams in plain English: one sentence per rule of team formation, whether it holds,
// and where it does not, which teams miss it. Pure: read from the scorer's report (team-formation.ts).
import { type FormationReport, type HardRule, teamShape } from "./team-formation";
import { TEAM_ATTRIBUTES } from "./team-settings";

export type RuleCheck = {
  /** A stable key for the rule (for React keys and tests), never shown. */
  key: "sizes" | "sector" | "choices" | "colleagues" | "balance" | "notAlone";
  /** The rule's name in words, as the help page names it. */
  name: string;
  /** What the rule asks, as a sentence about these teams. */
  sentence: string;
  /** Holds, is broken, or was not asked for (nothing chosen to balance or to keep from being alone). */
  holds: boolean | null;
  /** Where it does not hold: which teams and why, one sentence each. */
  misses: string[];
};

/** The rule's name in words: "Team sizes". */
export const RULE_NAMES = {
  sizes: "Team sizes",
  sector: "Government and industry",
  choices: "Your choices",
  colleagues: "Colleagues apart",
  balance: "Balance",
  notAlone: "Nobody alone",
} as const satisfies Record<RuleCheck["key"], string>;

/** "profession", "organisation or department"; several joined with "or". */
export function attributeWords(attributes: string[]): string {
  const words = attributes.map((a) =>
    Object.hasOwn(TEAM_ATTRIBUTES, a) ? TEAM_ATTRIBUTES[a as keyof typeof TEAM_ATTRIBUTES].toLowerCase() : a,
  );
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** A fair share as people read it: "1", "about 0.7". */
function shareText(ideal: number): string {
  return Number.isInteger(ideal) ? String(ideal) : `about ${ideal.toFixed(1)}`;
}

function range(min: number, max: number): string {
  return min === max ? `${min}` : `${min} or ${max}`;
}

function hardMisses(report: FormationReport, rule: HardRule): string[] {
  return report.broken.filter((b) => b.rule === rule).map((b) => `${b.message}.`);
}

/** One check per rule, in the order the help page explains them. */
export function qualityChecks(
  report: FormationReport,
  settings: { balance: string[]; notAlone: string[] },
): RuleCheck[] {
  const people = report.teams.reduce((sum, t) => sum + t.size, 0);
  const government = report.teams.reduce((sum, t) => sum + t.government, 0);
  const shape = teamShape(people, government, Math.max(report.teams.length, 1));
  const sizes = hardMisses(report, "H1");
  const sector = hardMisses(report, "H2");
  const choices = hardMisses(report, "H3");
  const colleagues = report.teams
    .filter((t) => t.colleagueGroups.length)
    .map(
      (t) =>
        `Team ${t.number} has ${t.colleagueGroups
          .map((g) => `${g.count} people from ${g.organisation}`)
          .join(" and ")}.`,
    );
  const balance = report.teams
    .filter((t) => t.imbalances.length)
    .map(
      (t) =>
        `Team ${t.number} has ${t.imbalances
          .map((i) => `${i.count} in ${i.value} (a fair share is ${shareText(i.ideal)})`)
          .join(", ")}.`,
    );
  const alone = report.teams
    .filter((t) => t.alone.length)
    .map(
      (t) =>
        `In team ${t.number}, ${t.alone
          .map((a) => `nobody else has the ${attributeWords([a.attribute])} ${a.value}`)
          .join(", and ")}.`,
    );
  return [
    {
      key: "sizes",
      name: RULE_NAMES.sizes,
      sentence: `Every team has ${range(shape.sizeMin, shape.sizeMax)} ${shape.sizeMax === 1 ? "member" : "members"}, and everyone is in a team.`,
      holds: sizes.length === 0,
      misses: sizes,
    },
    {
      key: "sector",
      name: RULE_NAMES.sector,
      sentence: `Every team has ${range(shape.governmentMin, shape.governmentMax)} ${shape.governmentMax === 1 ? "person" : "people"} from government.`,
      holds: sector.length === 0,
      misses: sector,
    },
    {
      key: "choices",
      name: RULE_NAMES.choices,
      sentence: "Everyone locked to a team is in it, and people kept apart are in different teams.",
      holds: choices.length === 0,
      misses: choices,
    },
    {
      key: "colleagues",
      name: RULE_NAMES.colleagues,
      sentence: "Nobody is in a team with a colleague from their own organisation.",
      holds: colleagues.length === 0,
      misses: colleagues,
    },
    {
      key: "balance",
      name: RULE_NAMES.balance,
      sentence: settings.balance.length
        ? `Each team has its fair share of each ${attributeWords(settings.balance)}.`
        : "Nothing was chosen to balance across the teams.",
      holds: settings.balance.length ? balance.length === 0 : null,
      misses: balance,
    },
    {
      key: "notAlone",
      name: RULE_NAMES.notAlone,
      sentence: settings.notAlone.length
        ? `Everyone is in a team with someone of their own ${attributeWords(settings.notAlone)}, when others in the cohort share it.`
        : "Nothing was chosen to keep people from being the only one of their kind in a team.",
      holds: settings.notAlone.length ? alone.length === 0 : null,
      misses: alone,
    },
  ];
}
