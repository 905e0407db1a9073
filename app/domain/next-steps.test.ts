import { describe, expect, it } from "vitest";
import { cohortTiming } from "./calendar";
import { cohortStage, nextSteps, pitchDaySteps, plural } from "./next-steps";

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
      "Run the pitch day",
    ]);
  });

  it("counts one person as one", () => {
    const steps = nextSteps(
      "coordinator",
      facts("2027-01-05", { participantCount: 1, pendingInvitations: 1 }),
    );
    expect(steps.map((s) => s.text).slice(1, 3)).toEqual([
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

  it("shows a participant their slot before release, and only their feedback once released", () => {
    const slotted = { ...facts, venue: "HMRC, 100 Parliament Street", slot: { position: 2, start: "10:20" } };
    expect(pitchDaySteps("participant", 4, slotted, "2027-03-20")).toEqual([
      {
        text: "Your team pitches at 10:20 on 25 March 2027 (slot 2), at HMRC, 100 Parliament Street",
        href: "/cohorts/4/pitch-day/timetable",
      },
    ]);
    expect(pitchDaySteps("participant", 4, { ...slotted, released: true }, "2027-03-26")).toEqual([
      { text: "Read the panel's feedback on your pitch", href: "/cohorts/4/pitch-day/feedback" },
    ]);
    // After the pitch day and before release: no stale slot.
    expect(pitchDaySteps("participant", 4, slotted, "2027-03-26").map((s) => s.text)).toEqual([
      "The panel's feedback on your pitch will appear here once the coordinator releases it",
    ]);
  });

  it("shows a mentor each of their teams' slots until that team's feedback is released", () => {
    const mentor = {
      ...facts,
      mentoredSlots: [
        { label: "Team 1", position: 1, start: "10:00" },
        { label: "Team 3", position: 3, start: "10:40" },
      ],
    };
    expect(pitchDaySteps("mentor", 4, mentor, "2027-03-20").map((s) => s.text)).toEqual([
      "Team 1 pitches at 10:00 on 25 March 2027 (slot 1)",
      "Team 3 pitches at 10:40 on 25 March 2027 (slot 3)",
    ]);
    expect(pitchDaySteps("mentor", 4, { ...mentor, released: true }, "2027-03-26")).toEqual([
      { text: "Read the panel's feedback on your team's pitch", href: "/cohorts/4/pitch-day/feedback" },
    ]);
  });

  it("gives a leader the pitch day before scoring opens, and only a thank-you once every sheet is in", () => {
    const panel = { ...facts, scoringOpen: false, onPanel: true, startTime: "10:00", venue: "HMRC" };
    expect(pitchDaySteps("leader", 4, panel)).toEqual([
      {
        text: "The pitch day is on Thursday 25 March 2027 at 10:00, at HMRC",
        href: "/cohorts/4/pitch-day/timetable",
      },
    ]);
    const done = { ...panel, scoringOpen: true, sheetsDone: 6, sheetsTotal: 6 };
    expect(pitchDaySteps("leader", 4, done)).toEqual([
      {
        text: "Thank you: you have scored all 6 pitches. The coordinator will release the results to the teams once every leader has scored.",
      },
    ]);
    expect(pitchDaySteps("leader", 4, { ...done, sheetsDone: 1, sheetsTotal: 1 })[0]?.text).toMatch(
      /^Thank you: you have scored the 1 pitch\./,
    );
    expect(
      pitchDaySteps("leader", 4, { ...done, scoringOpen: false, scoringClosed: true, sheetsDone: 5 }),
    ).toEqual([{ text: "Scoring has closed: you scored 5 of 6 pitches." }]);
  });
});

describe("what is next today and this week", () => {
  const timing = { phase: "during", week: 6, weeks: 12 } as const;
  const base = { cohortId: 7, startDate: "2027-01-04", weeks: 12, timing, teamsPublished: true };
  const visits = [
    {
      id: 11,
      date: "2027-02-10",
      startTime: "10:00",
      endTime: "16:00",
      host: "Kestrel Labs",
      address: "1 Dock Road, Bristol",
      status: "confirmed" as const,
    },
    {
      id: 12,
      date: "2027-02-11",
      startTime: "09:30",
      endTime: "15:00",
      host: "Meridian Systems",
      address: null,
      status: "planned" as const,
    },
    {
      id: 13,
      date: "2027-02-13",
      startTime: "10:00",
      endTime: "16:00",
      host: "Oakfield Data",
      address: null,
      status: "cancelled" as const,
    },
  ];

  it("tells a participant on the day of a visit, and the day before, when and where it is", () => {
    const onTheDay = nextSteps("participant", { ...base, today: "2027-02-10", visits });
    expect(onTheDay.slice(1, 3)).toEqual([
      {
        text: "Today: visit to Kestrel Labs, 10am to 4pm, at 1 Dock Road, Bristol",
        href: "/cohorts/7/visits/11",
      },
      { text: "Tomorrow: visit to Meridian Systems, 9:30am to 3pm", href: "/cohorts/7/visits/12" },
    ]);
    const dayBefore = nextSteps("mentor", { ...base, today: "2027-02-09", visits });
    expect(dayBefore[1]?.text).toBe("Tomorrow: visit to Kestrel Labs, 10am to 4pm, at 1 Dock Road, Bristol");
    expect(dayBefore.map((s) => s.text).join()).not.toContain("Meridian");
  });

  it("lists every visit of the week ahead for a coordinator, cancelled ones as cancelled", () => {
    const texts = nextSteps("coordinator", { ...base, today: "2027-02-10", participantCount: 2, visits }).map(
      (s) => s.text,
    );
    expect(texts).toContain("Today: visit to Kestrel Labs, 10am to 4pm, at 1 Dock Road, Bristol");
    expect(texts).toContain("Saturday 13 February 2027: the visit to Oakfield Data is cancelled");
  });

  const member = {
    teamId: 4,
    label: "Team 4",
    statementStatus: "changes_requested" as const,
    openActions: [
      { id: 1, text: "Interview two caseworkers", dueDate: "2027-02-08" },
      { id: 2, text: "Draft the survey", dueDate: "2027-02-10" },
      { id: 3, text: "Share the survey", dueDate: "2027-02-16" },
      { id: 4, text: "Analyse the answers", dueDate: "2027-02-17" },
      { id: 5, text: "Write it up", dueDate: "2027-03-01" },
    ],
    nextSession: "2027-02-12",
    changesRequested: [
      { mentor: "Max Mentor", comment: "Say how you would measure success." },
      { mentor: "Gita Government", comment: null },
    ],
  };
  const mentoring = {
    today: "2027-02-10",
    statementDeadline: "2027-01-29",
    mentored: [],
    memberOf: [member],
  };

  it("gives a participant the next session, the changes asked for with the comments, and this week's actions", () => {
    expect(
      nextSteps("participant", { ...base, mentoring })
        .slice(2)
        .map((s) => s.text),
    ).toEqual([
      "Your team's next session with your mentors: Friday 12 February 2027",
      "Overdue action: Interview two caseworkers (due 8 February 2027)",
      "Your action: Draft the survey (due today)",
      "Your action: Share the survey (due 16 February 2027)",
      "2 more actions due later",
      "Max Mentor asked for changes to your team's problem statement: “Say how you would measure success.”",
      "Gita Government asked for changes to your team's problem statement",
    ]);
  });

  it("says today when the agreed session is today", () => {
    const today = { ...mentoring, memberOf: [{ ...member, nextSession: "2027-02-10", openActions: [] }] };
    expect(nextSteps("participant", { ...base, mentoring: today })[2]?.text).toBe(
      "Your team's next session with your mentors: today",
    );
  });

  it("gives a mentor each team's next session and its actions overdue and due this week, in plurals", () => {
    const mentored = [
      {
        teamId: 1,
        label: "Team 1",
        lastSessionDate: "2027-02-08",
        reviewWaiting: false,
        nextSession: "2027-02-11",
        overdueActions: 1,
        actionsDueThisWeek: 2,
      },
      {
        teamId: 2,
        label: "Team 2",
        lastSessionDate: "2027-02-09",
        reviewWaiting: false,
        nextSession: null,
        overdueActions: 0,
        actionsDueThisWeek: 1,
      },
    ];
    expect(
      nextSteps("mentor", { ...base, mentoring: { ...mentoring, memberOf: [], mentored } })
        .slice(2)
        .map((s) => s.text),
    ).toEqual([
      "Next session with Team 1: Thursday 11 February 2027",
      "Team 1 has 1 overdue action and 2 actions due this week",
      "Team 2 has 1 action due this week",
    ]);
  });

  it("gives a coordinator the week's work as links, in plurals", () => {
    const steps = nextSteps("coordinator", {
      ...base,
      today: "2027-02-10",
      participantCount: 12,
      teamsPublished: false,
      coordination: {
        statementsWaiting: 2,
        pitch: { scoringState: "closed", submitted: 1, expected: 1, teams: 3, released: 1 },
      },
    });
    expect(steps.slice(2)).toEqual([
      { text: "Teams not yet published: participants and mentors cannot see them", href: "/cohorts/7/teams" },
      { text: "2 problem statements are waiting for their mentors' review", href: "/cohorts/7/statements" },
      { text: "Scoring (closed): 1 of 1 sheet submitted", href: "/cohorts/7/pitch-day" },
      { text: "Results not yet released for 2 of 3 teams", href: "/cohorts/7/pitch-day/release" },
      { text: "Run the pitch day", href: "/cohorts/7/pitch-day" },
    ]);
  });

  it("gives a sponsor the report and the cohort's stage", () => {
    const pitchDay = { date: "2027-03-25", scoringOpen: false, released: false };
    expect(nextSteps("sponsor", { ...base, today: "2027-02-10", pitchDay }).slice(1)).toEqual([
      { text: "Teams are working with their mentors towards the pitch day on 25 March 2027." },
      { text: "See the cohort report", href: "/cohorts/7/report" },
    ]);
    expect(cohortStage({ ...base, pitchDay: { ...pitchDay, everyTeamReleased: true } }, "2027-03-26")).toBe(
      "The pitch day is over and every team has its results.",
    );
    expect(cohortStage({ ...base, pitchDay }, "2027-03-25")).toBe("The teams pitch today.");
    expect(cohortStage({ ...base, teamsPublished: false }, "2027-02-10")).toBe(
      "The coordinator is forming the teams.",
    );
  });

  it("counts in plurals", () => {
    expect(plural(1, "pitch", "pitches")).toBe("1 pitch");
    expect(plural(2, "pitch", "pitches")).toBe("2 pitches");
    expect(nextSteps("participant", { ...base, timing: { phase: "before", daysToStart: 2 } })[0]?.text).toBe(
      "The cohort starts on 4 January 2027, in 2 days.",
    );
  });
});
