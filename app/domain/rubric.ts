// The pitch-day rubric: what senior leaders score each team on, and the defaults a coordinator starts from.

export type RubricCriterion = {
  /** Stable key, used by scoring sheets and the scoring command line. */
  id: string;
  name: string;
  description: string;
  /** Relative importance: only the ratios between weights matter. */
  weight: number;
  /** The scale runs from 1 to `max`; `levels[i]` describes level i + 1. */
  max: number;
  levels: string[];
};

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  {
    id: "problem",
    name: "Understanding of the problem",
    description:
      "How well the team understands the public-sector problem, the people it affects and its causes.",
    weight: 20,
    max: 5,
    levels: [
      "The problem is unclear",
      "The problem is stated but not explored",
      "A sound grasp of the problem and who it affects",
      "A thorough understanding, backed by evidence",
      "An insightful understanding that changes how we see the problem",
    ],
  },
  {
    id: "solution",
    name: "Quality of the solution",
    description:
      "Whether the solution answers the problem, is well designed and makes good use of technology.",
    weight: 25,
    max: 5,
    levels: [
      "The solution does not answer the problem",
      "A partial answer with significant gaps",
      "A reasonable answer to the problem",
      "A strong, well-designed answer",
      "An outstanding answer, clearly better than the alternatives",
    ],
  },
  {
    id: "feasibility",
    name: "Feasibility and value to the public sector",
    description:
      "Whether government could deliver it with realistic cost, time and risk, and the good it would do.",
    weight: 25,
    max: 5,
    levels: [
      "Not feasible, or of little value",
      "Feasible only with major changes",
      "Feasible, with a clear benefit",
      "Readily deliverable, with a significant benefit",
      "Ready to take forward, with a large and well-evidenced benefit",
    ],
  },
  {
    id: "collaboration",
    name: "Collaboration across sectors",
    description: "How well the team combined government and industry knowledge, skills and perspectives.",
    weight: 15,
    max: 5,
    levels: [
      "Little sign of working together",
      "Worked together, mostly within each sector",
      "Drew on both sectors' perspectives",
      "Combined both sectors' strengths well",
      "An exemplary cross-sector partnership",
    ],
  },
  {
    id: "pitch",
    name: "The pitch itself",
    description:
      "How clear, engaging and well-timed the presentation was, and how well the team answered questions.",
    weight: 15,
    max: 5,
    levels: [
      "Hard to follow",
      "Understandable but unclear in places",
      "Clear and well organised",
      "Compelling, with confident answers to questions",
      "Outstanding: memorable, persuasive and precise",
    ],
  },
];
