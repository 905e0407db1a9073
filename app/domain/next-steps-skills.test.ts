import { describe, expect, it } from "vitest";
import { nextSteps } from "./next-steps";

const facts = {
  cohortId: 4,
  startDate: "2027-01-04",
  weeks: 12,
  timing: { phase: "during", week: 2, weeks: 12 } as const,
};

describe("next steps for reports", () => {
  it("asks a participant to answer an open questionnaire, then lets them change it", () => {
    const open = nextSteps("participant", {
      ...facts,
      openQuestionnaires: [{ phase: "start", deadline: "2027-01-22", answered: false }],
    });
    expect(open).toContainEqual({
      text: "Answer the start-of-programme skills questionnaire by 22 January 2027",
      href: "/cohorts/4/skills/start",
    });
    const answered = nextSteps("participant", {
      ...facts,
      openQuestionnaires: [{ phase: "start", deadline: "2027-01-22", answered: true }],
    });
    expect(answered.at(-1)?.text).toMatch(/^You answered the start-of-programme skills questionnaire/);
  });

  it("points a sponsor at the cohort report", () => {
    expect(nextSteps("sponsor", facts)).toContainEqual({
      text: "See the cohort report",
      href: "/cohorts/4/report",
    });
  });
});
