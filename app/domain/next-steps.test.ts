import { describe, expect, it } from "vitest";
import { cohortTiming } from "./calendar";
import { nextSteps, pitchDaySteps } from "./next-steps";

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

describe("pitchDaySteps", () => {
  const facts = { date: "2027-03-25", scoringOpen: true, released: false };

  it("sends coordinators to run the pitch day", () => {
    expect(pitchDaySteps("coordinator", 4, null)).toEqual([
      { text: "Run the pitch day", href: "/cohorts/4/pitch-day" },
    ]);
  });

  it("shows a leader on the panel their progress while scoring is open", () => {
    expect(pitchDaySteps("leader", 4, { ...facts, onPanel: true, sheetsDone: 4, sheetsTotal: 6 })).toEqual([
      { text: "Score the pitches (4 of 6 done)", href: "/cohorts/4/pitch-day/scoring" },
    ]);
    expect(pitchDaySteps("leader", 4, { ...facts, onPanel: false })).toEqual([]);
  });

  it("shows a participant their slot, and their feedback once released", () => {
    expect(
      pitchDaySteps("participant", 4, {
        ...facts,
        released: true,
        slot: { position: 2, start: "10:20" },
      }).map((s) => s.text),
    ).toEqual([
      "Your team pitches at 10:20 on 25 March 2027 (slot 2)",
      "Read the panel's feedback on your pitch",
    ]);
  });
});
