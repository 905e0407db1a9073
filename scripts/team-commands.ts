// `form-teams` and `pair-mentors`: team formation and mentor pairing on CSV files, printing JSON.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { pairMentors } from "../app/domain/mentor-pairing";
import { readMentors, readPeople, readTeams } from "../app/domain/team-csv";
import { formTeams } from "../app/domain/team-formation";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

const FORM_USAGE =
  "form-teams --teams T --input people.csv [--balance profession,department] [--not-alone gender] [--seed S]";
const PAIR_USAGE =
  "pair-mentors --teams teams.json --people people.csv --mentors mentors.csv [--allow-conflicts]";

export const teamCommands: Record<string, Command> = {
  "form-teams": {
    summary: "Form balanced mixed teams from a CSV of people and print them as JSON",
    usage: FORM_USAGE,
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          teams: { type: "string" },
          input: { type: "string" },
          balance: { type: "string" },
          "not-alone": { type: "string" },
          seed: { type: "string" },
          "time-budget": { type: "string" },
        },
      });
      if (!values.input || values.teams === undefined) return fail(`Usage: npm run tandem -- ${FORM_USAGE}`);
      if (!/^\d+$/.test(values.teams)) return fail("H1 sizes: --teams must be a whole number of teams");
      let records: Record<string, string>[];
      try {
        records = readCsv(values.input);
      } catch (error) {
        return fail(`Cannot read ${values.input}: ${(error as Error).message}`);
      }
      const people = readPeople(records);
      if (!people.ok) return fail(people.message);
      const result = formTeams(
        {
          people: people.value,
          teamCount: Number(values.teams),
          balance:
            values.balance === undefined
              ? ["profession"].filter((a) => a in (records[0] ?? {}))
              : list(values.balance),
          notAlone: list(values["not-alone"]),
        },
        {
          seed: values.seed ? Number(values.seed) : 1,
          timeBudgetMs: values["time-budget"] ? Number(values["time-budget"]) : undefined,
        },
      );
      if (!result.ok) return fail(result.message);
      console.log(
        JSON.stringify(
          {
            teams: result.teams.map((members, i) => ({ number: i + 1, members })),
            cost: result.cost,
            optimal: result.optimal,
            lowerBound: result.lowerBound,
            elapsedMs: result.elapsedMs,
          },
          null,
          2,
        ),
      );
      return 0;
    },
  },
  "pair-mentors": {
    summary: "Pair each team with an industry and a government mentor, without conflicts; print JSON",
    usage: PAIR_USAGE,
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          teams: { type: "string" },
          people: { type: "string" },
          mentors: { type: "string" },
          "allow-conflicts": { type: "boolean" },
        },
      });
      if (!values.teams || !values.people || !values.mentors)
        return fail(`Usage: npm run tandem -- ${PAIR_USAGE}`);
      let teamsJson: unknown;
      let peopleRecords: Record<string, string>[];
      let mentorRecords: Record<string, string>[];
      try {
        teamsJson = JSON.parse(readFileSync(values.teams, "utf8"));
        peopleRecords = readCsv(values.people);
        mentorRecords = readCsv(values.mentors);
      } catch (error) {
        return fail(`Cannot read the input: ${(error as Error).message}`);
      }
      const teams = readTeams(teamsJson);
      if (!teams.ok) return fail(teams.message);
      const people = readPeople(peopleRecords);
      if (!people.ok) return fail(people.message);
      const mentors = readMentors(mentorRecords);
      if (!mentors.ok) return fail(mentors.message);
      const organisation = new Map(people.value.map((p) => [p.id, p.organisation]));
      const unknown = teams.value.flatMap((t) => t.members).find((id) => !organisation.has(id));
      if (unknown) return fail(`teams.json names ${unknown}, who is not in people.csv`);
      const pairing = pairMentors(
        teams.value.map((t) => ({
          number: t.number,
          memberOrganisations: t.members.map((id) => organisation.get(id) ?? ""),
        })),
        mentors.value,
      );
      if (!pairing.complete || (pairing.conflicts > 0 && !values["allow-conflicts"]))
        return fail(pairing.problems.map((p) => p.message).join("\n"));
      console.log(
        JSON.stringify(
          {
            pairs: pairing.pairs.map((p) => ({
              team: p.team,
              industry: p.industry,
              government: p.government,
            })),
            conflicts: pairing.conflicts,
          },
          null,
          2,
        ),
      );
      return 0;
    },
  },
};
