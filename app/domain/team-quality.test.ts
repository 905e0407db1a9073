import { describe, expect, it } from "vitest";
import { evaluateTeams, type TeamPerson } from "./team-formation";
import { qualityChecks } from "./team-quality";

const person = (
  id: string,
  sector: TeamPerson["sector"],
  organisation: string,
  profession: string,
): TeamPerson => ({
  id,
  sector,
  organisation,
  attributes: { profession },
});

const people = [
  person("a", "government", "HMRC", "Data"),
  person("b", "industry", "Kestrel", "Data"),
  person("c", "government", "DWP", "Design"),
  person("d", "industry", "Kestrel", "Design"),
];
const settings = { balance: ["profession"], notAlone: ["profession"] };
const input = { people, teamCount: 2, ...settings };

describe("the quality report of proposed teams", () => {
  it("explains each rule in a sentence and says that it holds", () => {
    const checks = qualityChecks(
      evaluateTeams(input, [
        ["a", "b"],
        ["c", "d"],
      ]),
      settings,
    );
    expect(checks.map((c) => [c.name, c.sentence, c.holds])).toEqual([
      ["Team sizes", "Every team has 2 members, and everyone is in a team.", true],
      ["Government and industry", "Every team has 1 person from government.", true],
      [
        "Your choices",
        "Everyone locked to a team is in it, and people kept apart are in different teams.",
        true,
      ],
      ["Colleagues apart", "Nobody is in a team with a colleague from their own organisation.", true],
      ["Balance", "Each team has its fair share of each profession.", false],
      [
        "Nobody alone",
        "Everyone is in a team with someone of their own profession, when others in the cohort share it.",
        true,
      ],
    ]);
    expect(checks.find((c) => c.key === "balance")!.misses).toEqual([
      "Team 1 has 2 in Data (a fair share is 1), 0 in Design (a fair share is 1).",
      "Team 2 has 0 in Data (a fair share is 1), 2 in Design (a fair share is 1).",
    ]);
  });

  it("says where a rule does not hold, in words, and marks aims nobody asked for", () => {
    const checks = qualityChecks(
      evaluateTeams({ ...input, balance: [], notAlone: [] }, [["a", "c", "b"], ["d"]]),
      { balance: [], notAlone: [] },
    );
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(byKey.sizes!.holds).toBe(false);
    expect(byKey.sizes!.misses).toEqual([
      "Team 1 has 3 members; every team needs 2.",
      "Team 2 has 1 member; every team needs 2.",
    ]);
    expect(byKey.sector!.misses).toContain("Team 1 has 2 from government; every team needs 1.");
    expect(byKey.colleagues!.holds).toBe(true);
    expect(byKey.balance!.holds).toBeNull();
    expect(byKey.notAlone!.holds).toBeNull();
    const alone = qualityChecks(
      evaluateTeams(input, [
        ["a", "d"],
        ["b", "c"],
      ]),
      settings,
    ).find((c) => c.key === "notAlone")!;
    expect(alone.holds).toBe(false);
    expect(alone.misses[0]).toBe(
      "In team 1, nobody else has the profession Data, and nobody else has the profession Design.",
    );
    expect(checks.map((c) => `${c.name} ${c.sentence} ${c.misses.join(" ")}`).join(" ")).not.toMatch(
      /\b[HC][1-3]\b/,
    );
  });
});
