import { describe, expect, it } from "vitest";
import { cohortTiming } from "./calendar";
import { nextSteps } from "./next-steps";

const facts = (today: string, extra = {}) => ({
  cohortId: 7,
  startDate: "2027-01-04",
  weeks: 12,
  timing: cohortTiming("2027-01-04", 12, today),
  ...extra,
});

describe("next steps on the home page", () => {
  it("tells everyone when the cohort starts", () => {
    expect(nextSteps("participant", facts("2026-12-25"))[0]?.text).toBe(
      "The cohort starts on 4 January 2027, in 10 days.",
    );
    expect(nextSteps("mentor", facts("2027-01-03"))[0]?.text).toBe("The cohort starts tomorrow.");
  });

  it("tells a coordinator to add participants while there are none", () => {
    const steps = nextSteps("coordinator", facts("2027-01-05", { participantCount: 0 }));
    expect(steps[0]?.text).toBe("This is week 1 of 12.");
    expect(steps[1]).toEqual({
      text: "Add the participants nominated for this cohort",
      href: "/cohorts/7/people/invite",
    });
  });

  it("tells a coordinator how many people have not set a password", () => {
    const steps = nextSteps(
      "coordinator",
      facts("2027-01-05", { participantCount: 40, pendingInvitations: 3 }),
    );
    expect(steps.map((s) => s.text)).toEqual([
      "This is week 1 of 12.",
      "40 participants added",
      "3 people have not set their password yet",
    ]);
  });

  it("counts one person as one", () => {
    const steps = nextSteps(
      "coordinator",
      facts("2027-01-05", { participantCount: 1, pendingInvitations: 1 }),
    );
    expect(steps.map((s) => s.text).slice(1)).toEqual([
      "1 participant added",
      "1 person has not set their password yet",
    ]);
  });

  it("reminds a senior leader when the pitches are, until the cohort ends", () => {
    expect(nextSteps("leader", facts("2027-01-05")).at(-1)?.text).toContain("week 12");
    expect(nextSteps("leader", facts("2027-04-01"))).toEqual([
      { text: "The cohort ended on 28 March 2027." },
    ]);
  });
});

describe("next steps once teams are published", () => {
  const timing = { phase: "during", week: 2, weeks: 12 } as const;
  const published = { cohortId: 7, startDate: "2027-01-04", weeks: 12, timing, teamsPublished: true };

  it("links participants and mentors to their team only after publishing", () => {
    expect(nextSteps("participant", published).at(-1)).toEqual({
      text: "See your team and mentors",
      href: "/cohorts/7/team",
    });
    expect(nextSteps("mentor", published).at(-1)?.href).toBe("/cohorts/7/team");
    expect(nextSteps("participant", { ...published, teamsPublished: false }).at(-1)?.href).toBeUndefined();
  });
});
