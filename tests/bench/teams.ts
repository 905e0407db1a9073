// `npm run bench:teams`: the team-formation solver on seeded synthetic cohorts. Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import {
  type FormationInput,
  formTeams,
  seededRandom,
  type TeamPerson,
} from "../../app/domain/team-formation";

/**
 * A Tech Connect-like cohort: half civil servants from a handful of departments, half industry people two or
 * three to a company, professions drawn unevenly.
 */
function realisticCohort(seed: number, people: number, teams: number): FormationInput {
  const random = seededRandom(seed);
  const professions = [
    "Software",
    "Data",
    "Product",
    "Design",
    "Architecture",
    "Operations",
    "Security",
    "Data science",
  ];
  const departments = Math.max(2, Math.round(people / 5));
  const list: TeamPerson[] = [];
  for (let i = 0; i < people; i++) {
    const government = i < people / 2;
    const organisation = government
      ? `Department ${Math.floor(random() * departments)}`
      : `Company ${Math.floor((i - people / 2) / (2 + Math.floor(random() * 2)))}`;
    // Professions weighted towards the first few, as in a real intake.
    const profession =
      professions[
        Math.min(professions.length - 1, Math.floor(random() * random() * professions.length * 1.5))
      ]!;
    list.push({
      id: `p${i + 1}`,
      sector: government ? "government" : "industry",
      organisation,
      attributes: { profession },
    });
  }
  return { people: list, teamCount: teams, balance: ["profession"], notAlone: [] };
}

/**
 * A large cohort with a planted zero-cost answer: people are dealt into teams first, so each organisation has
 * at most one person per team and each "group" value comes at least twice in any team that has it.
 */
function plantedCohort(seed: number, people: number, teams: number): FormationInput {
  const random = seededRandom(seed);
  const list: TeamPerson[] = [];
  const base = Math.floor(people / teams);
  const extra = people % teams;
  let id = 0;
  const orgSize = teams; // an organisation spans at most one person per team
  for (let t = 0; t < teams; t++) {
    const size = base + (t < extra ? 1 : 0);
    const government = Math.round(size / 2);
    // Values in pairs (and a triple when odd) so nobody is alone in the planted answer.
    const values: string[] = [];
    for (let k = 0; k + 1 < size; k += 2) {
      const v = `Group ${Math.floor(random() * 12)}`;
      values.push(v, v);
    }
    if (values.length < size) values.push(values[values.length - 1]!);
    for (let k = 0; k < size; k++) {
      const slot = id++;
      list.push({
        id: `p${slot + 1}`,
        sector: k < government ? "government" : "industry",
        organisation: `${k < government ? "Department" : "Company"} ${Math.floor(slot / orgSize)}-${t % 3}`,
        attributes: { group: values[k]! },
      });
    }
  }
  // Shuffle so the planted order gives nothing away.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return { people: list, teamCount: teams, balance: [], notAlone: ["group"] };
}

type Row = { size: string; cost: number; reference: string; gap: string; optimal: boolean; ms: number };

function run(size: string, input: FormationInput, seed: number, known?: number): Row {
  const started = performance.now();
  const result = formTeams(input, { seed });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${size}: ${result.message}`);
  const reference = known ?? result.lowerBound;
  const gap =
    reference === 0
      ? result.cost.total === 0
        ? "0%"
        : `+${result.cost.total}`
      : `${(((result.cost.total - reference) / reference) * 100).toFixed(1)}%`;
  return {
    size,
    cost: result.cost.total,
    reference: known !== undefined ? `${known} (known optimum)` : `${result.lowerBound} (lower bound)`,
    gap,
    optimal: result.optimal,
    ms: Math.round(ms),
  };
}

const rows: Row[] = [];
for (let i = 0; i < 10; i++) rows.push(run(`40/6 #${i + 1}`, realisticCohort(100 + i, 40, 6), i + 1));
rows.push(run("400/60", realisticCohort(400, 400, 60), 1));
rows.push(run("4,000/600", plantedCohort(4000, 4000, 600), 1, 0));

const head = ["cohort", "cost found", "reference", "gap", "proven optimal", "time (ms)"];
const table = rows.map((r) => [
  r.size,
  String(r.cost),
  r.reference,
  r.gap,
  r.optimal ? "yes" : "no",
  String(r.ms),
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(line(head));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table) console.log(line(row));
