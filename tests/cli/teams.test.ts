import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliWorkspace } from "../setup/cli";

const { dir, file, tandem } = cliWorkspace("teams-cli", (folder) => ({
  DATABASE_URL: `file:${join(folder, "unused.sqlite")}`,
}));

const departments = ["HMRC", "DWP", "Home Office"];
const companies = ["Kestrel", "Meridian", "Oakfield"];
const professions = ["Data", "Software", "Design"];
const rows = Array.from({ length: 18 }, (_, i) => {
  const government = i < 9;
  const org = (government ? departments : companies)[i % 3];
  return `p${i + 1},${government ? "government" : "industry"},${org},${professions[Math.floor(i / 3) % 3]},${i % 2 ? "F" : "M"}`;
});
const people = file("people.csv", `id,sector,organisation,profession,gender\n${rows.join("\n")}\n`);

describe("npm run tandem -- form-teams", () => {
  it("prints balanced teams as JSON with the cost, the lower bound and whether it is proven optimal", () => {
    const { status, out, err } = tandem(
      "form-teams",
      "--teams",
      "3",
      "--input",
      people,
      "--balance",
      "profession",
      "--not-alone",
      "gender",
      "--seed",
      "4",
    );
    expect(err).toBe("");
    expect(status).toBe(0);
    const result = JSON.parse(out);
    expect(result.teams.map((t: { number: number }) => t.number)).toEqual([1, 2, 3]);
    expect(result.teams.flatMap((t: { members: string[] }) => t.members).sort()).toEqual(
      Array.from({ length: 18 }, (_, i) => `p${i + 1}`).sort(),
    );
    for (const team of result.teams) {
      expect(team.members).toHaveLength(6);
      expect(team.members.filter((id: string) => Number(id.slice(1)) <= 9)).toHaveLength(3);
    }
    expect(Object.keys(result.cost).sort()).toEqual(["balance", "colleagues", "notAlone", "total"]);
    expect(result.cost.total).toBe(0);
    expect(result.lowerBound).toBe(0);
    expect(result.optimal).toBe(true);
    expect(typeof result.elapsedMs).toBe("number");
    writeFileSync(join(dir, "teams.json"), out);
  });

  it("exits 2 saying why when there are fewer people than teams, or no teams", () => {
    const few = tandem("form-teams", "--teams", "20", "--input", people);
    expect(few.status).toBe(2);
    expect(few.err).toContain("There are 18 people to put into 20 teams");
    const none = tandem("form-teams", "--teams", "0", "--input", people);
    expect(none.status).toBe(2);
    expect(none.err).toContain("There must be at least one team");
  });

  it("exits 2 naming H2 when the CSV has no sector column or an unknown sector", () => {
    const noSector = file("no-sector.csv", "id,organisation\na,HMRC\nb,DWP\n");
    const missing = tandem("form-teams", "--teams", "1", "--input", noSector);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain("people.csv has no sector column: H2 sector needs each person's sector");
    const odd = file("odd-sector.csv", "id,sector,organisation\na,government,HMRC\nb,charity,Oxfam\n");
    const unknown = tandem("form-teams", "--teams", "1", "--input", odd);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('H2 sector: people.csv row 3 (b) has sector "charity"');
  });
});

describe("npm run tandem -- pair-mentors", () => {
  it("pairs each team with an industry and a government mentor and no conflicts", () => {
    const mentors = file(
      "mentors.csv",
      "id,sector,organisation\ng1,government,DfE\ng2,government,Cabinet Office\ng3,government,MoJ\ni1,industry,Thistle\ni2,industry,Pennine\ni3,industry,Lagan\n",
    );
    const { status, out, err } = tandem(
      "pair-mentors",
      "--teams",
      join(dir, "teams.json"),
      "--people",
      people,
      "--mentors",
      mentors,
    );
    expect(err).toBe("");
    expect(status).toBe(0);
    const result = JSON.parse(out);
    expect(result.conflicts).toBe(0);
    expect(result.pairs).toHaveLength(3);
    for (const pair of result.pairs) {
      expect(pair.industry).toMatch(/^i/);
      expect(pair.government).toMatch(/^g/);
    }
  });

  it("exits 2 with the explanation when conflicts cannot be avoided, or there are no industry mentors", () => {
    // Every team has an HMRC participant, and two of the three government mentors are from HMRC.
    const mentors = file(
      "hmrc-mentors.csv",
      "id,sector,organisation,capacity\ng1,government,HMRC,1\ng2,government,HMRC,1\ng3,government,MoJ,1\ni1,industry,Pennine,3\n",
    );
    const conflicted = tandem(
      "pair-mentors",
      "--teams",
      join(dir, "teams.json"),
      "--people",
      people,
      "--mentors",
      mentors,
    );
    expect(conflicted.status).toBe(2);
    expect(conflicted.err).toContain("need a government mentor with no colleague in the team");
    expect(conflicted.err).toContain("g1 and g2 are from HMRC");
    const allowed = tandem(
      "pair-mentors",
      "--teams",
      join(dir, "teams.json"),
      "--people",
      people,
      "--mentors",
      mentors,
      "--allow-conflicts",
    );
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.out).conflicts).toBe(2);
    const noIndustry = file(
      "gov-only.csv",
      "id,sector,organisation\ng3,government,MoJ\ng4,government,DfE\ng5,government,CO\n",
    );
    const none = tandem(
      "pair-mentors",
      "--teams",
      join(dir, "teams.json"),
      "--people",
      people,
      "--mentors",
      noIndustry,
    );
    expect(none.status).toBe(2);
    expect(none.err).toContain("There are no industry mentors: each team needs one.");
  });
});
