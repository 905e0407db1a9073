// The demo's problem statements read as one story: each version's problem, who it affects and how the team would
// tackle it are about the problem its title names, not the same text for every team.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { seedDemo } from "../../scripts/seed-demo";
import { memoryDb } from "../setup/db";

let db: Db;

beforeAll(async () => {
  db = await memoryDb();
  await seedDemo(db);
}, 60_000);

/** A title's key words: five letters or more, not the small words, compared on their first five letters. */
const STOP = new Set(["about", "after", "before", "cannot", "their", "there", "which", "without"]);
const keys = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 5 && !STOP.has(word))
      .map((word) => word.slice(0, 5)),
  );

describe("the demo's problem statements", () => {
  it("have a title and a text about the same problem, different for each team", async () => {
    const versions = await db
      .selectFrom("problem_statement_versions")
      .selectAll()
      .orderBy("statement_id")
      .orderBy("number")
      .execute();
    expect(versions.length).toBeGreaterThanOrEqual(5);
    for (const version of versions) {
      const title = keys(version.title);
      for (const field of ["problem", "affected", "approach"] as const) {
        const shared = [...keys(version[field])].filter((word) => title.has(word));
        expect(shared.length, `"${version.title}": ${field} "${version[field]}"`).toBeGreaterThanOrEqual(
          field === "problem" ? 2 : 1,
        );
      }
    }
    const latest = new Map(versions.map((v) => [v.statement_id, v]));
    const problems = [...latest.values()].map((v) => v.problem);
    expect(new Set(problems).size).toBe(problems.length);
  });
});
