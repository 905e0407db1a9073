import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  type CohortReportRows,
  cohortReport,
  cohortReportTables,
  composition,
  countBy,
  csvCell,
  EMPTY_REPORT_ROWS,
  formatPercent,
  mentoringSummary,
  outcomeSummary,
  type PitchRows,
  type ProgrammeCohortRows,
  pitchSummary,
  programmeFigures,
  programmePitchFigures,
  skillsSummary,
  statementSummary,
} from "./report";

const person = (personId: number, over: Partial<CohortReportRows["participants"][number]> = {}) => ({
  personId,
  name: `Person ${personId}`,
  sector: "government" as const,
  organisation: "HMRC",
  profession: "Data",
  withdrawnAt: null,
  ...over,
});

describe("the cohort report", () => {
  it("shows empty states, not NaN, for a cohort with no data", () => {
    const report = cohortReport(EMPTY_REPORT_ROWS);
    expect(report.composition.total).toBe(0);
    expect(report.attendance.rate).toBeNull();
    expect(report.skills.startRate).toBeNull();
    expect(formatPercent(report.attendance.rate)).toBe("–");
    const cells = cohortReportTables(report).flatMap((t) => t.rows.flat());
    expect(cells).toEqual([]);
  });

  it("counts composition with percentages that add up to 100", () => {
    const c = composition([
      person(1),
      person(2, { organisation: "DWP" }),
      person(3, { sector: "industry", organisation: "Kestrel", profession: null }),
      person(4, { sector: "industry", organisation: "Kestrel" }),
    ]);
    expect(c.sector).toEqual([
      { label: "Government", count: 2, percent: 50 },
      { label: "Industry", count: 2, percent: 50 },
    ]);
    expect(c.department.map((d) => d.label)).toEqual(["DWP", "HMRC"]);
    expect(c.profession).toContainEqual({ label: "Not recorded", count: 1, percent: 25 });
  });

  it("sums shares to 100% for any list of values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom("a", "b", "c"), { nil: null }), { minLength: 1 }),
        (values) => {
          const rows = countBy(values);
          expect(rows.reduce((s, r) => s + r.count, 0)).toBe(values.length);
          expect(rows.reduce((s, r) => s + (r.percent ?? 0), 0)).toBeCloseTo(100);
        },
      ),
    );
  });

  it("leaves cancelled visits and withdrawn people out of attendance", () => {
    const rows: CohortReportRows = {
      ...EMPTY_REPORT_ROWS,
      participants: [person(1), person(2), person(3, { withdrawnAt: "2027-02-01T00:00:00Z" })],
      visits: [
        { id: 10, date: "2027-01-13", hostName: "Kestrel", status: "confirmed" },
        { id: 11, date: "2027-01-20", hostName: "Meridian", status: "cancelled" },
      ],
      attendance: [
        { visitId: 10, personId: 1, status: "attended" },
        { visitId: 10, personId: 2, status: "apologies" },
        { visitId: 10, personId: 3, status: "attended" },
        { visitId: 11, personId: 1, status: "attended" },
      ],
    };
    const a = attendanceSummary(rows);
    expect(a.visits).toHaveLength(1);
    expect(a.visits[0]).toMatchObject({ attended: 1, apologies: 1, recorded: 2 });
    expect(a.people.map((p) => p.personId)).toEqual([1, 2]);
    expect(a.people[0]).toMatchObject({ attended: 1, recorded: 1, rate: 100 });
  });

  it("pairs start and end answers per person, and counts the response rate", () => {
    const rows: CohortReportRows = {
      ...EMPTY_REPORT_ROWS,
      participants: [person(1), person(2), person(3), person(4)],
      questions: [{ id: 7, position: 1, text: "Data" }],
      answers: [
        { personId: 1, questionId: 7, phase: "start", confidence: 2 },
        { personId: 1, questionId: 7, phase: "end", confidence: 4 },
        { personId: 2, questionId: 7, phase: "start", confidence: 3 },
        { personId: 2, questionId: 7, phase: "end", confidence: 3 },
        { personId: 3, questionId: 7, phase: "start", confidence: 1 },
      ],
    };
    const s = skillsSummary(rows);
    expect(s).toMatchObject({ participants: 4, startRespondents: 3, endRespondents: 2, bothRespondents: 2 });
    expect(s.startRate).toBe(75);
    expect(s.areas[0]).toMatchObject({
      pairedN: 2,
      pairedStartMean: 2.5,
      pairedEndMean: 3.5,
      change: 1,
      startN: 3,
    });
    expect(s.areas[0]!.startMean).toBe(2);
  });

  it("tallies outcomes per follow-up, with teams not recorded yet", () => {
    const o = outcomeSummary({
      teams: [
        { id: 1, number: 1, name: "Falcon" },
        { id: 2, number: 2, name: null },
      ],
      outcomes: [{ teamId: 1, followUp: "3-months", status: "piloted", note: "In Leeds", recordedAt: "x" }],
    });
    expect(o.teams[0]!.team).toBe("Team 1: Falcon");
    expect(o.counts["3-months"]).toMatchObject({ piloted: 1, notRecorded: 1 });
    expect(o.counts["6-months"].notRecorded).toBe(2);
  });

  it("marks the table naming individuals", () => {
    const tables = cohortReportTables(cohortReport(EMPTY_REPORT_ROWS));
    expect(tables.filter((t) => t.individual).map((t) => t.key)).toEqual(["attendance-by-person"]);
  });

  it("writes CSV cells unformatted, rounded to one decimal place", () => {
    expect(csvCell("percent", 100 / 3)).toBe(33.3);
    expect(csvCell("percent", null)).toBe("");
    expect(csvCell("date", "2027-01-13")).toBe("2027-01-13");
  });
});

describe("mentoring, problem statements and pitch results", () => {
  const teams = [
    { id: 10, number: 1, name: "Ledger" },
    { id: 20, number: 2, name: null },
  ];
  const calendar = { startDate: "2027-01-04", weeks: 12, today: "2027-01-20" };

  it("counts sessions and minutes per team per week, up to the current week", () => {
    const m = mentoringSummary({
      calendar,
      teams,
      sessions: [
        { teamId: 10, date: "2027-01-04", durationMinutes: 60 },
        { teamId: 10, date: "2027-01-10", durationMinutes: 30 },
        { teamId: 20, date: "2027-01-18", durationMinutes: 45 },
        { teamId: 20, date: "2027-01-03", durationMinutes: 20 },
      ],
    });
    expect(m.weeks.map((w) => w.number)).toEqual([1, 2, 3]);
    expect(m.cells.map((c) => [c.week, c.team, c.sessions, c.minutes])).toEqual([
      [1, "Team 1: Ledger", 2, 90],
      [1, "Team 2", 0, 0],
      [2, "Team 1: Ledger", 0, 0],
      [2, "Team 2", 0, 0],
      [3, "Team 1: Ledger", 0, 0],
      [3, "Team 2", 1, 45],
    ]);
    expect(m.teams).toEqual([
      expect.objectContaining({ sessions: 2, minutes: 90, weeksWithSession: 1, lastSession: "2027-01-10" }),
      expect.objectContaining({ sessions: 2, minutes: 65, weeksWithSession: 1, lastSession: "2027-01-18" }),
    ]);
    expect(m).toMatchObject({ sessions: 4, minutes: 155, outsideWeeks: 1 });
  });

  it("shows weeks as far as the last session even when it is dated after today", () => {
    const m = mentoringSummary({
      calendar: { ...calendar, today: "2026-12-01" },
      teams,
      sessions: [{ teamId: 20, date: "2027-02-01", durationMinutes: 60 }],
    });
    expect(m.weeks).toHaveLength(5);
    expect(mentoringSummary({ calendar, teams, sessions: [] }).cells).toEqual([]);
  });

  it("counts statements by category and status, and the teams yet to start", () => {
    const s = statementSummary({
      teams: [...teams, { id: 30, number: 3, name: null }],
      statements: [
        { teamId: 10, status: "approved", category: "technology" },
        { teamId: 20, status: "draft", category: null },
      ],
    });
    expect(s).toMatchObject({ teams: 3, started: 2, notStarted: 1 });
    expect(s.counts.technology.approved).toBe(1);
    expect(s.counts.uncategorised.draft).toBe(1);
    expect(s.byCategory).toEqual({ technology: 1, operational: 0, policy: 0, uncategorised: 1 });
    expect(s.byStatus).toEqual({ draft: 1, submitted: 0, changes_requested: 0, approved: 1 });
  });

  /** A judge's sheet for a team, with its scores for criterion 1, 2, … in order. */
  const sheet = (personId: number, teamId: number, scores: number[], { submitted = true } = {}) => ({
    personId,
    teamId,
    submitted,
    scores: scores.map((score, i) => ({ criterionId: i + 1, score })),
  });

  const pitch: PitchRows = {
    cohortId: 1,
    date: "2027-03-25",
    releasedAt: "2027-03-26T09:00:00.000Z",
    rankingPublishedAt: null,
    criteria: [
      { id: 1, weight: 2, max: 5 },
      { id: 2, weight: 1, max: 5 },
    ],
    slots: [
      { teamId: 20, position: 1 },
      { teamId: 10, position: 2 },
    ],
    panel: [
      { personId: 7, organisationId: null },
      { personId: 8, organisationId: 99 },
    ],
    teamPeople: [
      { teamId: 10, organisationId: 99, kind: "member" },
      { teamId: 20, organisationId: 5, kind: "member" },
    ],
    declared: [],
    sheets: [
      sheet(7, 10, [5, 4]),
      sheet(7, 20, [3, 3]),
      // In conflict with team 1 (same organisation as a member): ignored.
      sheet(8, 10, [1, 1]),
      sheet(8, 20, [5], { submitted: false }),
    ],
  };

  it("ranks released pitch results by the published method, ignoring conflicted sheets and drafts", () => {
    const p = pitchSummary(pitch, teams);
    expect(p.state).toBe("released");
    if (p.state !== "released") return;
    expect(p.teams.map((t) => [t.rank, t.team, t.sheets])).toEqual([
      [1, "Team 1: Ledger", 1],
      [2, "Team 2", 1],
    ]);
    expect(p.teams[0]!.raw).toBeCloseTo((100 * (2 * 5 + 4)) / 5 / 3);
    expect(p.teams[1]!.raw).toBeCloseTo(60);
    expect(programmePitchFigures(p)).toMatchObject({
      state: "released",
      teamsScored: 2,
      top: { team: "Team 1: Ledger" },
    });
  });

  it("says when there is no pitch day, or its results are not released", () => {
    expect(pitchSummary(null, teams)).toEqual({ state: "none" });
    expect(pitchSummary({ ...pitch, releasedAt: null }, teams)).toEqual({
      state: "not-released",
      date: "2027-03-25",
    });
    expect(programmePitchFigures({ state: "none" })).toEqual({
      state: "none",
      date: null,
      teamsScored: 0,
      top: null,
      meanAdjusted: null,
    });
    const tables = cohortReportTables(
      cohortReport({ ...EMPTY_REPORT_ROWS, teams, pitch: { ...pitch, releasedAt: null } }),
    );
    expect(tables.find((t) => t.key === "pitch-results")!.rows).toEqual([]);
  });
});

describe("the programme view", () => {
  /** A twelve-week cohort starting on 4 January 2027, with nothing recorded but what `over` gives. */
  const cohortRows = (over: Partial<ProgrammeCohortRows>): ProgrammeCohortRows => ({
    cohortId: 1,
    name: "2027",
    startDate: "2027-01-04",
    weeks: 12,
    participants: [],
    attendance: { attended: 0, recorded: 0 },
    teams: [],
    pitch: null,
    outcomes: [],
    ...over,
  });

  it("counts as completed everyone not withdrawn by the cohort's end", () => {
    const [f] = programmeFigures([
      cohortRows({
        participants: [
          { withdrawnAt: null },
          { withdrawnAt: "2027-02-01T10:00:00Z" },
          { withdrawnAt: "2027-06-01T10:00:00Z" },
        ],
        attendance: { attended: 9, recorded: 12 },
        teams: [
          { id: 1, number: 1, name: null },
          { id: 2, number: 2, name: null },
        ],
        outcomes: [
          { teamId: 1, followUp: "3-months", status: "under-consideration" },
          { teamId: 1, followUp: "6-months", status: "taken-forward" },
          { teamId: 2, followUp: "3-months", status: "not-taken-forward" },
        ],
      }),
    ]);
    expect(f).toMatchObject({
      participants: 3,
      completed: 2,
      attendanceRate: 75,
      adopted: 1,
      outcomesRecorded: 2,
    });
    expect(f!.outcomeCounts["under-consideration"]).toBe(0);
  });

  it("has no rates for a cohort without participants", () => {
    const [f] = programmeFigures([cohortRows({ name: "Empty" })]);
    expect(f!.completionRate).toBeNull();
    expect(f!.attendanceRate).toBeNull();
  });
});
