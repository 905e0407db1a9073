// The scoring command line's input and output (`npm run tandem -- score --input sheets.json`).
import { z } from "zod";
import {
  criteriaProblems,
  type JudgeTeam,
  round2,
  type ScoringResult,
  scoresProblems,
} from "./pitch-scoring";

const Name = z.string().trim().min(1, "Must not be empty");

/** The command line's input: shape first, then the scale and the criteria the scores refer to. */
export const ScoringInputSchema = z
  .object({
    criteria: z.array(z.object({ id: Name, weight: z.number(), max: z.number() })),
    scores: z.array(z.object({ judge: Name, team: Name, criterion: z.string(), score: z.number() })),
    conflicts: z.array(z.object({ judge: Name, team: Name })).default([]),
  })
  .superRefine((input, ctx) => {
    const problems = criteriaProblems(input.criteria).map((p) => ({ ...p, path: ["criteria", ...p.path] }));
    if (problems.length === 0)
      problems.push(
        ...scoresProblems(input.criteria, input.scores).map((p) => ({ ...p, path: ["scores", ...p.path] })),
      );
    for (const problem of problems) ctx.addIssue({ code: "custom", ...problem });
  });

/** "scores[3].score" */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

export type ScoringReport = {
  results: Array<{
    team: string;
    rank: number | null;
    adjusted: number | null;
    raw: number | null;
    judges: number;
    flags: string[];
  }>;
  judgeOffsets: Record<string, number>;
  incompleteSheets: JudgeTeam[];
  groups: number;
};

/** The command line's output: scores rounded to 2 decimals, best first. */
export function scoringReport(result: ScoringResult): ScoringReport {
  const rounded = (value: number | null) => (value === null ? null : round2(value));
  return {
    results: result.results.map((r) => ({
      team: r.team,
      rank: r.rank,
      adjusted: rounded(r.adjusted),
      raw: rounded(r.raw),
      judges: r.judges,
      flags: r.flags,
    })),
    judgeOffsets: Object.fromEntries(Object.entries(result.judgeOffsets).map(([j, b]) => [j, round2(b)])),
    incompleteSheets: result.incompleteSheets,
    groups: result.groups,
  };
}
