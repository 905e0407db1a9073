// The worked example on the "How scores are calculated" page, scored by the same code as a real pitch day.
import { type CriterionScore, type JudgeTeam, type ScoringResult, scorePitches } from "./pitch-scoring";
import { DEFAULT_RUBRIC } from "./rubric";

export const EXAMPLE_LEADERS = ["Leader A", "Leader B", "Leader C"] as const;
export const EXAMPLE_TEAMS = ["Team 1", "Team 2", "Team 3", "Team 4"] as const;

/** Each leader's scores, in the order of DEFAULT_RUBRIC's criteria. Leader A marks low, Leader C high. */
const SHEETS: Record<string, Record<string, number[]>> = {
  "Leader A": { "Team 1": [3, 3, 3, 3, 3], "Team 3": [2, 2, 3, 2, 2], "Team 4": [3, 3, 3, 2, 2] },
  "Leader B": {
    "Team 1": [4, 4, 4, 4, 4],
    "Team 2": [4, 4, 3, 4, 4],
    "Team 3": [3, 3, 3, 3, 4],
    "Team 4": [4, 4, 4, 3, 3],
  },
  "Leader C": { "Team 1": [5, 5, 5, 4, 5], "Team 2": [5, 5, 4, 5, 4], "Team 3": [4, 4, 4, 4, 3] },
};

/** Leader A works with someone in Team 2, so cannot score it; Leader C missed Team 4's pitch. */
export const EXAMPLE_CONFLICTS: JudgeTeam[] = [{ judge: "Leader A", team: "Team 2" }];
export const EXAMPLE_ABSENCES: JudgeTeam[] = [{ judge: "Leader C", team: "Team 4" }];

export type WorkedExample = {
  /** One sheet in full, to show how a total is made. */
  sheet: { judge: string; team: string; scores: Array<{ name: string; weight: number; score: number }> };
  result: ScoringResult;
};

export function workedExample(): WorkedExample {
  const scores: CriterionScore[] = Object.entries(SHEETS).flatMap(([judge, teams]) =>
    Object.entries(teams).flatMap(([team, levels]) =>
      DEFAULT_RUBRIC.map((criterion, index) => ({
        judge,
        team,
        criterion: criterion.id,
        score: levels[index]!,
      })),
    ),
  );
  const shown = SHEETS["Leader B"]!["Team 2"]!;
  return {
    sheet: {
      judge: "Leader B",
      team: "Team 2",
      scores: DEFAULT_RUBRIC.map((c, index) => ({ name: c.name, weight: c.weight, score: shown[index]! })),
    },
    result: scorePitches({
      criteria: DEFAULT_RUBRIC,
      scores,
      conflicts: EXAMPLE_CONFLICTS,
      teams: [...EXAMPLE_TEAMS],
    }),
  };
}
