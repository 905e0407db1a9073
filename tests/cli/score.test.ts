import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliWorkspace } from "../setup/cli";

// The score command never opens the database: point it somewhere that would fail if it did.
const {
  dir,
  file: fileWith,
  tandem,
} = cliWorkspace("score", (folder) => ({
  DATABASE_URL: `file:${join(folder, "missing", "nowhere.sqlite")}`,
}));

const criteria = [
  { id: "solution", weight: 3, max: 5 },
  { id: "pitch", weight: 1, max: 5 },
];
const sheet = (judge: string, team: string, solution: number, pitch: number) => [
  { judge, team, criterion: "solution", score: solution },
  { judge, team, criterion: "pitch", score: pitch },
];

/** The "harsh and lenient leader with missing sheets" example worked by hand in app/domain/pitch-scoring.test.ts. */
const harshAndLenient = {
  criteria,
  scores: [
    ...sheet("H", "A", 3, 3),
    ...sheet("H", "C", 3, 1),
    ...sheet("H", "D", 2, 2),
    ...sheet("N", "A", 4, 2),
    ...sheet("N", "B", 4, 1),
    ...sheet("N", "C", 3, 3),
    ...sheet("N", "D", 3, 1),
    { judge: "G", team: "A", criterion: "solution", score: 4 },
    ...sheet("G", "B", 4, 3),
    ...sheet("G", "C", 4, 2),
    ...sheet("G", "D", 3, 3),
    ...sheet("G", "E", 5, 5),
  ],
  conflicts: [{ judge: "G", team: "E" }],
};

describe("npm run tandem -- score", () => {
  it("is listed in the help", () => {
    const { status, out } = tandem("--help");
    expect(status).toBe(0);
    expect(out).toContain("score --input <sheets.json>");
  });

  it("prints the results best first, rounded to 2 decimals, with offsets, incomplete sheets and groups", () => {
    const { status, out, err } = tandem("score", "--input", fileWith("sheets.json", harshAndLenient));
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({
      results: [
        { team: "A", rank: 1, adjusted: 70, raw: 65, judges: 2, flags: ["incomplete-sheets"] },
        { team: "B", rank: 2, adjusted: 65, raw: 70, judges: 2, flags: [] },
        { team: "C", rank: 3, adjusted: 60, raw: 60, judges: 3, flags: [] },
        { team: "D", rank: 4, adjusted: 50, raw: 50, judges: 3, flags: [] },
        {
          team: "E",
          rank: null,
          adjusted: null,
          raw: null,
          judges: 0,
          flags: ["fewer-than-two-sheets", "conflict-ignored"],
        },
      ],
      judgeOffsets: { G: 10, H: -10, N: 0 },
      incompleteSheets: [{ judge: "G", team: "A" }],
      groups: 1,
    });
    expect(err).toContain("Ignored the scores G gave E: they are in conflict");
  });

  it("rounds to 2 decimals", () => {
    // Complete panel: L1 80, 60, 50; L2 90, 70, 70 → offsets ∓20/3.
    const { status, out } = tandem(
      "score",
      "--input",
      fileWith("thirds.json", {
        criteria,
        scores: [
          ...sheet("L1", "A", 4, 4),
          ...sheet("L1", "B", 3, 3),
          ...sheet("L1", "C", 2, 4),
          ...sheet("L2", "A", 5, 3),
          ...sheet("L2", "B", 4, 2),
          ...sheet("L2", "C", 3, 5),
        ],
        conflicts: [],
      }),
    );
    expect(status).toBe(0);
    expect(JSON.parse(out).judgeOffsets).toEqual({ L1: -6.67, L2: 6.67 });
  });

  it("rejects malformed JSON with where the first problem is, and exit status 2", () => {
    const path = fileWith(
      "broken.json",
      '{\n  "criteria": [{ "id": "pitch", "weight": 1, "max": 5 }],\n  "scores": [{ "judge": "L1",, }]\n}',
    );
    const { status, out, err } = tandem("score", "--input", path);
    expect(status).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(
      `${path} is not valid JSON: line 3, column 30 (in scores[0]): expected a double-quoted string`,
    );
  });

  const wrongShapes: Array<[unknown, string]> = [
    [[], "problem at the top level"],
    [{ criteria, scores: [{ judge: "L1", team: "A", criterion: "pitch" }] }, "problem at scores[0].score"],
    [
      { criteria: [{ id: "pitch", weight: 0, max: 5 }], scores: [] },
      "problem at criteria[0].weight: Weight must be a number greater than 0",
    ],
    [{ criteria: [{ id: "pitch", weight: 1, max: 1 }], scores: [] }, "problem at criteria[0].max"],
    [
      {
        criteria,
        scores: [...sheet("L1", "A", 4, 4), { judge: "L1", team: "B", criterion: "pitch", score: 6 }],
      },
      "problem at scores[2].score: Score must be a whole number from 1 to 5",
    ],
    [
      { criteria, scores: [{ judge: "L1", team: "A", criterion: "charisma", score: 3 }] },
      'problem at scores[0].criterion: There is no criterion "charisma"',
    ],
    [{ criteria, scores: [], conflicts: [{ judge: "L1", team: "" }] }, "problem at conflicts[0].team"],
  ];

  it.each(wrongShapes)(
    "rejects input of the wrong shape with the path of the first problem (%#)",
    (input, message) => {
      const { status, out, err } = tandem("score", "--input", fileWith("shape.json", input));
      expect(status).toBe(2);
      expect(out).toBe("");
      expect(err).toContain(message);
    },
  );

  it("explains a missing --input or a file it cannot read", () => {
    expect(tandem("score").err).toContain("Usage: npm run tandem -- score --input <sheets.json>");
    const missing = tandem("score", "--input", join(dir, "no-such-file.json"));
    expect(missing.status).toBe(2);
    expect(missing.err).toContain("Cannot read");
  });
});
