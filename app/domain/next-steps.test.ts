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

describe("mentoring tasks on the home page", () => {
  const timing = { phase: "during", week: 5, weeks: 12 } as const;
  const base = { cohortId: 7, startDate: "2027-01-04", weeks: 12, timing, teamsPublished: true };
  const mentoring = {
    today: "2027-02-03",
    statementDeadline: "2027-01-29",
    mentored: [
      { teamId: 1, label: "Team 1", lastSessionDate: "2027-01-20", reviewWaiting: true },
      { teamId: 2, label: "Team 2", lastSessionDate: "2027-02-01", reviewWaiting: false },
      { teamId: 3, label: "Team 3", lastSessionDate: null, reviewWaiting: false },
    ],
    memberOf: [],
  };

  it("asks a mentor to log a session for a team without one for a week, and to review a submitted statement", () => {
    expect(nextSteps("mentor", { ...base, mentoring }).slice(2)).toEqual([
      {
        text: "Log a session with Team 1: the last one was on 20 January 2027",
        href: "/cohorts/7/teams/1/sessions/new",
      },
      { text: "Review Team 1's problem statement", href: "/cohorts/7/teams/1/statement" },
      { text: "Log a session with Team 3: none logged yet", href: "/cohorts/7/teams/3/sessions/new" },
    ]);
  });

  it("lists a participant's open actions and asks for the statement until it is submitted", () => {
    const facts = {
      ...base,
      mentoring: {
        ...mentoring,
        today: "2027-01-25",
        mentored: [],
        memberOf: [
          {
            teamId: 4,
            label: "Team 4",
            statementStatus: "draft" as const,
            openActions: [
              { id: 1, text: "Interview two caseworkers", dueDate: "2027-01-22" },
              { id: 2, text: "Draft the survey", dueDate: "2027-01-30" },
            ],
          },
        ],
      },
    };
    expect(
      nextSteps("participant", facts)
        .slice(2)
        .map((s) => s.text),
    ).toEqual([
      "Overdue action: Interview two caseworkers (due 22 January 2027)",
      "Your action: Draft the survey (due 30 January 2027)",
      "Submit your team's problem statement by 29 January 2027",
    ]);
    const late = { ...facts, mentoring: { ...facts.mentoring, today: "2027-02-02" } };
    expect(nextSteps("participant", late).at(-1)?.text).toBe(
      "Submit your team's problem statement: it was due on 29 January 2027",
    );
    const submitted = {
      ...facts,
      mentoring: {
        ...facts.mentoring,
        memberOf: [
          { ...facts.mentoring.memberOf[0]!, statementStatus: "submitted" as const, openActions: [] },
        ],
      },
    };
    expect(nextSteps("participant", submitted)).toHaveLength(2);
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
