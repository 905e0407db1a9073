import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  drawRunningOrder,
  earlyScoringWarning,
  flagText,
  panelConflicts,
  pitchCalendarEvents,
  pitchDayResults,
  pitchTimetable,
  scoringOpensEarly,
  sheetProgress,
} from "./pitch-day";

const SETTINGS = {
  date: "2027-03-25",
  startTime: "10:00",
  pitchMinutes: 10,
  questionsMinutes: 5,
  changeoverMinutes: 5,
  breakAfter: null,
  breakMinutes: 0,
};

describe("pitchTimetable", () => {
  it("gives each team its pitch, questions and changeover in London time", () => {
    const entries = pitchTimetable(SETTINGS, [7, 3, 9]);
    expect(
      entries.map((e) => (e.kind === "pitch" ? [e.teamId, e.start, e.questionsStart, e.end] : e.kind)),
    ).toEqual([
      [7, "10:00", "10:10", "10:15"],
      [3, "10:20", "10:30", "10:35"],
      [9, "10:40", "10:50", "10:55"],
    ]);
    // Greenwich Mean Time in March before the clocks change: London = UTC.
    expect(entries[0]!.startsAt).toBe("2027-03-25T10:00:00.000Z");
  });

  it("puts the break after the changeover that follows its slot, and none after the last", () => {
    const entries = pitchTimetable({ ...SETTINGS, breakAfter: 1, breakMinutes: 30 }, [1, 2]);
    expect(entries.map((e) => `${e.kind} ${e.start}-${e.end}`)).toEqual([
      "pitch 10:00-10:15",
      "break 10:20-10:50",
      "pitch 10:50-11:05",
    ]);
    expect(
      pitchTimetable({ ...SETTINGS, breakAfter: 2, breakMinutes: 30 }, [1, 2]).map((e) => e.kind),
    ).toEqual(["pitch", "pitch"]);
  });

  it("keeps London wall-clock times across the change to summer time", () => {
    // The clocks go forward at 01:00 UTC on Sunday 28 March 2027: 10:00 in London is then 09:00 UTC.
    const [first] = pitchTimetable({ ...SETTINGS, date: "2027-03-28" }, [1]);
    expect(first!.start).toBe("10:00");
    expect(first!.startsAt).toBe("2027-03-28T09:00:00.000Z");
  });

  it("refuses a start time that is not HH:MM", () => {
    expect(() => pitchTimetable({ ...SETTINGS, startTime: "25:00" }, [1])).toThrow();
  });
});

describe("scoringOpensEarly", () => {
  it("says how far off the pitch day is when scoring would open more than a day before it", () => {
    expect(scoringOpensEarly("2027-01-14", "2026-12-02")).toBe("in 6 weeks");
    expect(scoringOpensEarly("2027-01-14", "2027-01-01")).toBe("in 13 days");
    expect(scoringOpensEarly("2027-01-14", "2027-01-12")).toBe("in 2 days");
    expect(scoringOpensEarly("2027-03-25", "2026-12-02")).toBe("in 4 months");
    expect(scoringOpensEarly("2099-03-25", "2026-12-02")).toBe("in 72 years");
  });

  it("asks nothing from the day before the pitch day on, or after it", () => {
    expect(scoringOpensEarly("2027-01-14", "2027-01-13")).toBeNull();
    expect(scoringOpensEarly("2027-01-14", "2027-01-14")).toBeNull();
    expect(scoringOpensEarly("2027-01-14", "2027-02-01")).toBeNull();
  });

  it("says when the pitch day is, in words", () => {
    expect(earlyScoringWarning("2027-01-14", "2026-12-02")).toBe(
      "The pitch day is on 14 January 2027, in 6 weeks",
    );
    expect(earlyScoringWarning("2027-01-14", "2027-01-13")).toBeNull();
  });
});

describe("drawRunningOrder", () => {
  it("gives the same order for the same seed", () => {
    expect(drawRunningOrder([1, 2, 3, 4, 5, 6], 42)).toEqual(drawRunningOrder([1, 2, 3, 4, 5, 6], 42));
  });

  it("is always a permutation of the teams", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 20 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (items, seed) => {
          expect([...drawRunningOrder(items, seed)].sort()).toEqual([...items].sort());
        },
      ),
    );
  });

  it("puts every team first about equally often over many seeds", () => {
    const firsts = new Map<number, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const first = drawRunningOrder([1, 2, 3, 4, 5, 6], seed)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const team of [1, 2, 3, 4, 5, 6]) expect(firsts.get(team)).toBeGreaterThan(850);
  });
});

describe("panelConflicts", () => {
  const teams = [
    {
      id: 1,
      label: "Team 1",
      members: [{ name: "Ann", organisationId: 10 }],
      mentors: [{ name: "Mo", organisationId: 20 }],
    },
    {
      id: 2,
      label: "Team 2",
      members: [{ name: "Bea", organisationId: 11 }],
      mentors: [{ name: "Max", organisationId: 21 }],
    },
  ];
  const leader = (id: number, organisationId: number | null) => ({
    id,
    name: `L${id}`,
    organisationId,
    organisation: organisationId ? `Org ${organisationId}` : null,
  });

  it("finds a conflict with a team member's or a mentor's organisation, and declared conflicts", () => {
    const conflicts = panelConflicts([leader(1, 10), leader(2, 21), leader(3, null)], teams, [
      { personId: 3, teamId: 1, reason: "My niece is in it" },
    ]);
    expect(conflicts).toEqual([
      { leaderId: 1, teamId: 1, reasons: ["Org 10: team member Ann"] },
      { leaderId: 2, teamId: 2, reasons: ["Org 21: mentor Max"] },
      { leaderId: 3, teamId: 1, reasons: ["Declared: My niece is in it"] },
    ]);
  });

  it("finds no conflict for a leader without an organisation", () => {
    expect(panelConflicts([leader(4, null)], teams, [])).toEqual([]);
  });
});

describe("pitchDayResults", () => {
  const criteria = [{ id: "a", weight: 1, max: 5 }];
  const sheet = (judge: string, team: string, score: number, submitted = true) => ({
    judge,
    team,
    submitted,
    scores: [{ criterion: "a", score }],
  });

  it("counts only submitted sheets and flags the teams with drafts", () => {
    const results = pitchDayResults(
      criteria,
      [sheet("j1", "t1", 5), sheet("j2", "t1", 4), sheet("j1", "t2", 3), sheet("j2", "t2", 5, false)],
      [],
      ["t1", "t2"],
    );
    expect(results.drafts).toEqual([{ judge: "j2", team: "t2" }]);
    const t2 = results.results.find((r) => r.team === "t2")!;
    expect(t2.judges).toBe(1);
    expect(t2.raw).toBe(60);
    expect(t2.flags).toEqual(["fewer-than-two-sheets", "incomplete-sheets"]);
    expect(results.results[0]!.team).toBe("t1");
  });

  it("ignores a conflicted leader's sheet and reports it", () => {
    const results = pitchDayResults(
      criteria,
      [sheet("j1", "t1", 5), sheet("j2", "t1", 1)],
      [{ judge: "j2", team: "t1" }],
      ["t1"],
    );
    expect(results.ignoredConflicts).toEqual([{ judge: "j2", team: "t1" }]);
    expect(results.results[0]!.raw).toBe(100);
    expect(results.results[0]!.flags).toContain("conflict-ignored");
  });

  it("reports a team nobody scored", () => {
    const results = pitchDayResults(criteria, [], [], ["t1"]);
    expect(results.results).toMatchObject([{ team: "t1", rank: null, judges: 0 }]);
  });
});

describe("flagText", () => {
  it("says what each flag means", () => {
    expect(flagText("fewer-than-two-sheets")).toBe("Fewer than two counted sheets");
    expect(flagText("group-2")).toBe("Group 2: compare only within this group");
  });
});

describe("pitchCalendarEvents", () => {
  it("gives everyone the whole day and a team's members their own slot, with stable UIDs", () => {
    const events = pitchCalendarEvents({
      eventId: 9,
      version: 4,
      cohortName: "Tech Connect 2027",
      settings: SETTINGS,
      teamIds: [5, 6],
      labels: new Map([
        [5, "Team 1"],
        [6, "Team 2"],
      ]),
      myTeamIds: [6],
      location: "HMRC",
    });
    expect(events.map((e) => [e.uid, e.title, e.startTime, e.endTime, e.sequence])).toEqual([
      ["pitch-day-9@tandem", "Tech Connect 2027: pitch day", "10:00", "10:35", 4],
      ["pitch-slot-9-6@tandem", "Tech Connect 2027: Team 2 pitches (slot 2)", "10:20", "10:35", 4],
    ]);
  });

  it("gives nothing before the running order is set", () => {
    const input = {
      eventId: 1,
      version: 1,
      cohortName: "C",
      settings: SETTINGS,
      labels: new Map(),
      myTeamIds: [],
      location: null,
    };
    expect(pitchCalendarEvents({ ...input, teamIds: [] })).toEqual([]);
  });
});

describe("sheetProgress", () => {
  const panel = {
    panel: [{ id: 1 }, { id: 2 }],
    teams: [{ id: 10 }, { id: 20 }],
    conflicts: [{ leaderId: 2, teamId: 20 }],
  };
  it("expects a sheet per leader and team less conflicts, and counts only submitted sheets that are expected", () => {
    expect(
      sheetProgress(panel, [
        { person_id: 1, team_id: 10, status: "submitted" },
        { person_id: 1, team_id: 20, status: "draft" },
        { person_id: 2, team_id: 20, status: "submitted" }, // a conflict
        { person_id: 3, team_id: 10, status: "submitted" }, // no longer on the panel
        { person_id: 2, team_id: 30, status: "submitted" }, // a team that no longer pitches
      ]),
    ).toEqual({ expected: 3, submitted: 1, drafts: 1 });
  });
});
