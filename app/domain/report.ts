// The cohort report and the programme view, computed from plain rows: composition, visit attendance, the change
// in skills confidence (paired start and end answers) and the outcomes recorded after the programme.
import type {
  AttendanceStatus,
  FollowUp,
  OutcomeStatus,
  Sector,
  SkillsPhase,
  VisitStatus,
} from "../../db/types";
import { cohortEndDate } from "./calendar";

export type ReportParticipant = {
  personId: number;
  name: string;
  sector: Sector | null;
  organisation: string | null;
  profession: string | null;
  withdrawnAt: string | null;
};
export type ReportVisit = { id: number; date: string; hostName: string; status: VisitStatus };
export type ReportAttendance = { visitId: number; personId: number; status: AttendanceStatus };
export type ReportQuestion = { id: number; position: number; text: string };
export type ReportAnswer = { personId: number; questionId: number; phase: SkillsPhase; confidence: number };
export type ReportTeam = { id: number; number: number; name: string | null };
export type ReportOutcome = {
  teamId: number;
  followUp: FollowUp;
  status: OutcomeStatus;
  note: string | null;
  recordedAt: string;
};

export type CohortReportRows = {
  participants: ReportParticipant[];
  visits: ReportVisit[];
  attendance: ReportAttendance[];
  questions: ReportQuestion[];
  answers: ReportAnswer[];
  teams: ReportTeam[];
  outcomes: ReportOutcome[];
};

export const SECTOR_LABELS: Record<Sector, string> = { government: "Government", industry: "Industry" };
export const FOLLOW_UPS: FollowUp[] = ["3-months", "6-months"];
export const FOLLOW_UP_LABELS: Record<FollowUp, string> = {
  "3-months": "3 months after",
  "6-months": "6 months after",
};
export const OUTCOME_STATUSES: OutcomeStatus[] = [
  "taken-forward",
  "piloted",
  "under-consideration",
  "not-taken-forward",
];
export const OUTCOME_LABELS: Record<OutcomeStatus, string> = {
  "taken-forward": "Taken forward",
  piloted: "Piloted",
  "under-consideration": "Under consideration",
  "not-taken-forward": "Not taken forward",
};
export const NOT_RECORDED = "Not recorded";

/** A share as a percentage, or null when there is nothing to divide by (shown as "–", never NaN%). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)}%`;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

export function formatMean(value: number | null, signed = false): string {
  if (value === null) return "–";
  const text = value.toFixed(1);
  return signed && value > 0 ? `+${text}` : text === "-0.0" ? "0.0" : text;
}

export type CountRow = { label: string; count: number; percent: number | null };

/** How many of each value, most first (then by name); missing values are counted as "Not recorded". */
export function countBy(values: Array<string | null>): CountRow[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    const label = value?.trim() || NOT_RECORDED;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count, percent: percent(count, values.length) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export type Composition = {
  total: number;
  sector: CountRow[];
  organisation: CountRow[];
  department: CountRow[];
  profession: CountRow[];
};

/** Who took part: every participant, including any who withdrew. Departments are the government organisations. */
export function composition(participants: ReportParticipant[]): Composition {
  const government = participants.filter((p) => p.sector === "government");
  return {
    total: participants.length,
    sector: countBy(participants.map((p) => (p.sector ? SECTOR_LABELS[p.sector] : null))),
    organisation: countBy(participants.map((p) => p.organisation)),
    department: countBy(government.map((p) => p.organisation)),
    profession: countBy(participants.map((p) => p.profession)),
  };
}

export type VisitAttendance = {
  visitId: number;
  date: string;
  hostName: string;
  attended: number;
  apologies: number;
  absent: number;
  recorded: number;
  rate: number | null;
};
export type PersonAttendance = {
  personId: number;
  name: string;
  attended: number;
  apologies: number;
  absent: number;
  recorded: number;
  rate: number | null;
};
export type AttendanceSummary = {
  visits: VisitAttendance[];
  people: PersonAttendance[];
  attended: number;
  recorded: number;
  rate: number | null;
};

function tally(rows: ReportAttendance[]) {
  const attended = rows.filter((r) => r.status === "attended").length;
  const apologies = rows.filter((r) => r.status === "apologies").length;
  const absent = rows.filter((r) => r.status === "absent").length;
  return { attended, apologies, absent, recorded: rows.length, rate: percent(attended, rows.length) };
}

/**
 * Attendance at the visits that were not cancelled and have attendance recorded, by visit and by participant,
 * counting participants still in the cohort (as the programme view does). The rate is attended ÷ recorded.
 */
export function attendanceSummary(rows: CohortReportRows): AttendanceSummary {
  const held = rows.visits.filter((v) => v.status !== "cancelled");
  const heldIds = new Set(held.map((v) => v.id));
  const participantIds = new Set(
    rows.participants.filter((p) => p.withdrawnAt === null).map((p) => p.personId),
  );
  const records = rows.attendance.filter((a) => heldIds.has(a.visitId) && participantIds.has(a.personId));
  const visits = held
    .map((v) => ({
      visitId: v.id,
      date: v.date,
      hostName: v.hostName,
      ...tally(records.filter((a) => a.visitId === v.id)),
    }))
    .filter((v) => v.recorded > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.hostName.localeCompare(b.hostName));
  const people = rows.participants
    .filter((p) => p.withdrawnAt === null)
    .map((p) => ({
      personId: p.personId,
      name: p.name,
      ...tally(records.filter((a) => a.personId === p.personId)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const overall = tally(records);
  return { visits, people, attended: overall.attended, recorded: overall.recorded, rate: overall.rate };
}

export type SkillsArea = {
  questionId: number;
  text: string;
  startN: number;
  startMean: number | null;
  endN: number;
  endMean: number | null;
  /** People who answered this question at both the start and the end. */
  pairedN: number;
  pairedStartMean: number | null;
  pairedEndMean: number | null;
  /** Mean of (end − start) over the paired answers. */
  change: number | null;
};
export type SkillsSummary = {
  participants: number;
  startRespondents: number;
  endRespondents: number;
  bothRespondents: number;
  startRate: number | null;
  endRate: number | null;
  areas: SkillsArea[];
};

/** The change in confidence per area: only active participants' answers count; the change uses paired answers. */
export function skillsSummary(rows: CohortReportRows): SkillsSummary {
  const active = new Set(rows.participants.filter((p) => p.withdrawnAt === null).map((p) => p.personId));
  const answers = rows.answers.filter((a) => active.has(a.personId));
  const respondents = (phase: SkillsPhase) =>
    new Set(answers.filter((a) => a.phase === phase).map((a) => a.personId));
  const start = respondents("start");
  const end = respondents("end");
  const both = [...start].filter((id) => end.has(id)).length;
  const areas = [...rows.questions]
    .sort((a, b) => a.position - b.position)
    .map((q) => {
      const byPhase = (phase: SkillsPhase) =>
        new Map(
          answers
            .filter((a) => a.questionId === q.id && a.phase === phase)
            .map((a) => [a.personId, a.confidence]),
        );
      const s = byPhase("start");
      const e = byPhase("end");
      const pairs = [...s.entries()].flatMap(([personId, value]) =>
        e.has(personId) ? [[value, e.get(personId)!] as const] : [],
      );
      return {
        questionId: q.id,
        text: q.text,
        startN: s.size,
        startMean: mean([...s.values()]),
        endN: e.size,
        endMean: mean([...e.values()]),
        pairedN: pairs.length,
        pairedStartMean: mean(pairs.map(([a]) => a)),
        pairedEndMean: mean(pairs.map(([, b]) => b)),
        change: mean(pairs.map(([a, b]) => b - a)),
      };
    });
  return {
    participants: active.size,
    startRespondents: start.size,
    endRespondents: end.size,
    bothRespondents: both,
    startRate: percent(start.size, active.size),
    endRate: percent(end.size, active.size),
    areas,
  };
}

export type TeamOutcomes = {
  teamId: number;
  team: string;
  followUps: Record<FollowUp, { status: OutcomeStatus; note: string | null; recordedAt: string } | null>;
};
export type OutcomeSummary = {
  teams: TeamOutcomes[];
  /** Per follow-up: how many teams in each status, and how many have nothing recorded yet. */
  counts: Record<FollowUp, Record<OutcomeStatus, number> & { notRecorded: number }>;
};

export function teamLabel(team: ReportTeam): string {
  return team.name ? `Team ${team.number}: ${team.name}` : `Team ${team.number}`;
}

export function outcomeSummary(rows: Pick<CohortReportRows, "teams" | "outcomes">): OutcomeSummary {
  const teams = [...rows.teams]
    .sort((a, b) => a.number - b.number)
    .map((team) => {
      const followUps = Object.fromEntries(
        FOLLOW_UPS.map((followUp) => {
          const found = rows.outcomes.find((o) => o.teamId === team.id && o.followUp === followUp);
          return [
            followUp,
            found ? { status: found.status, note: found.note, recordedAt: found.recordedAt } : null,
          ];
        }),
      ) as TeamOutcomes["followUps"];
      return { teamId: team.id, team: teamLabel(team), followUps };
    });
  const counts = Object.fromEntries(
    FOLLOW_UPS.map((followUp) => {
      const tallies = Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, 0])) as Record<
        OutcomeStatus,
        number
      >;
      let notRecorded = 0;
      for (const team of teams) {
        const entry = team.followUps[followUp];
        if (entry) tallies[entry.status] += 1;
        else notRecorded += 1;
      }
      return [followUp, { ...tallies, notRecorded }];
    }),
  ) as OutcomeSummary["counts"];
  return { teams, counts };
}

export type CohortReport = {
  composition: Composition;
  attendance: AttendanceSummary;
  skills: SkillsSummary;
  outcomes: OutcomeSummary;
};

export function cohortReport(rows: CohortReportRows): CohortReport {
  return {
    composition: composition(rows.participants),
    attendance: attendanceSummary(rows),
    skills: skillsSummary(rows),
    outcomes: outcomeSummary(rows),
  };
}

// Tables: the same figures for the page, its accessible tables and the CSV downloads.

export type ColumnKind = "text" | "date" | "count" | "percent" | "mean" | "change";
export type ReportColumn = { title: string; kind: ColumnKind };
export type ReportCell = string | number | null;
export type ReportTable = {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Names individuals: shown to coordinators and administrators only, never to sponsors. */
  individual: boolean;
};

const text = (title: string): ReportColumn => ({ title, kind: "text" });
const count = (title: string): ReportColumn => ({ title, kind: "count" });
const pct = (title: string): ReportColumn => ({ title, kind: "percent" });

function countTable(key: string, title: string, label: string, rows: CountRow[]): ReportTable {
  return {
    key,
    title,
    columns: [text(label), count("People"), pct("Share")],
    rows: rows.map((r) => [r.label, r.count, r.percent]),
    individual: false,
  };
}

export function cohortReportTables(report: CohortReport): ReportTable[] {
  const { composition: c, attendance: a, skills: s, outcomes: o } = report;
  return [
    countTable("sector", "Participants by sector", "Sector", c.sector),
    countTable("organisation", "Participants by organisation", "Organisation", c.organisation),
    countTable("department", "Civil servants by department", "Department", c.department),
    countTable("profession", "Participants by profession", "Profession", c.profession),
    {
      key: "attendance-by-visit",
      title: "Attendance by visit",
      columns: [
        { title: "Date", kind: "date" },
        text("Host"),
        count("Attended"),
        count("Apologies"),
        count("Absent"),
        pct("Attendance"),
      ],
      rows: a.visits.map((v) => [v.date, v.hostName, v.attended, v.apologies, v.absent, v.rate]),
      individual: false,
    },
    {
      key: "attendance-by-person",
      title: "Attendance by participant",
      columns: [
        text("Participant"),
        count("Attended"),
        count("Apologies"),
        count("Absent"),
        count("Visits recorded"),
        pct("Attendance"),
      ],
      rows: a.people.map((p) => [p.name, p.attended, p.apologies, p.absent, p.recorded, p.rate]),
      individual: true,
    },
    {
      key: "skills-change",
      title: "Confidence by area, start and end (1 to 5)",
      columns: [
        text("Area"),
        count("Answered both"),
        { title: "Start (paired)", kind: "mean" },
        { title: "End (paired)", kind: "mean" },
        { title: "Change", kind: "change" },
        count("Answered at start"),
        count("Answered at end"),
      ],
      rows: s.areas.map((q) => [
        q.text,
        q.pairedN,
        q.pairedStartMean,
        q.pairedEndMean,
        q.change,
        q.startN,
        q.endN,
      ]),
      individual: false,
    },
    {
      key: "outcomes",
      title: "Outcomes after the programme",
      columns: [
        text("Team"),
        text("3 months after"),
        text("Note (3 months)"),
        text("6 months after"),
        text("Note (6 months)"),
      ],
      rows: o.teams.map((t) => [
        t.team,
        t.followUps["3-months"] ? OUTCOME_LABELS[t.followUps["3-months"].status] : NOT_RECORDED,
        t.followUps["3-months"]?.note ?? "",
        t.followUps["6-months"] ? OUTCOME_LABELS[t.followUps["6-months"].status] : NOT_RECORDED,
        t.followUps["6-months"]?.note ?? "",
      ]),
      individual: false,
    },
  ];
}

/** A cell as the page shows it. */
export function displayCell(kind: ColumnKind, value: ReportCell, formatDate: (d: string) => string): string {
  if (value === null) return "–";
  if (kind === "percent") return formatPercent(value as number);
  if (kind === "mean") return formatMean(value as number);
  if (kind === "change") return formatMean(value as number, true);
  if (kind === "date") return formatDate(String(value));
  return String(value);
}

/** A cell as the CSV holds it: numbers unformatted (percentages and means to one decimal place), dates ISO. */
export function csvCell(kind: ColumnKind, value: ReportCell): string | number {
  if (value === null) return "";
  if (kind === "percent" || kind === "mean" || kind === "change")
    return Math.round((value as number) * 10) / 10;
  return value;
}

// The programme view: cohort by cohort.

export type ProgrammeCohortRows = {
  cohortId: number;
  name: string;
  startDate: string;
  weeks: number;
  participants: Array<{ withdrawnAt: string | null }>;
  attendance: { attended: number; recorded: number };
  teams: number;
  outcomes: Array<{ teamId: number; followUp: FollowUp; status: OutcomeStatus }>;
};

export type ProgrammeCohortFigures = {
  cohortId: number;
  name: string;
  startDate: string;
  endDate: string;
  participants: number;
  completed: number;
  completionRate: number | null;
  attended: number;
  recorded: number;
  attendanceRate: number | null;
  teams: number;
  /** Latest follow-up per team: taken forward or piloted. */
  adopted: number;
  outcomeCounts: Record<OutcomeStatus, number>;
  outcomesRecorded: number;
};

/**
 * A participant completed when not withdrawn by the cohort's end (a withdrawal recorded after the end does not
 * count). Outcomes count each team once, at its latest follow-up.
 */
export function programmeFigures(cohorts: ProgrammeCohortRows[]): ProgrammeCohortFigures[] {
  return cohorts.map((c) => {
    const endDate = cohortEndDate(c.startDate, c.weeks);
    const completed = c.participants.filter(
      (p) => p.withdrawnAt === null || p.withdrawnAt.slice(0, 10) > endDate,
    ).length;
    const outcomeCounts = Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, 0])) as Record<
      OutcomeStatus,
      number
    >;
    for (const status of latestPerTeam(c.outcomes)) outcomeCounts[status] += 1;
    const outcomesRecorded = Object.values(outcomeCounts).reduce((sum, n) => sum + n, 0);
    return {
      cohortId: c.cohortId,
      name: c.name,
      startDate: c.startDate,
      endDate,
      participants: c.participants.length,
      completed,
      completionRate: percent(completed, c.participants.length),
      attended: c.attendance.attended,
      recorded: c.attendance.recorded,
      attendanceRate: percent(c.attendance.attended, c.attendance.recorded),
      teams: c.teams,
      adopted: outcomeCounts["taken-forward"] + outcomeCounts.piloted,
      outcomeCounts,
      outcomesRecorded,
    };
  });
}

function latestPerTeam(outcomes: ProgrammeCohortRows["outcomes"]): OutcomeStatus[] {
  const byTeam = new Map<number, { followUp: FollowUp; status: OutcomeStatus }>();
  for (const o of outcomes) {
    const seen = byTeam.get(o.teamId);
    if (!seen || (seen.followUp === "3-months" && o.followUp === "6-months")) byTeam.set(o.teamId, o);
  }
  return [...byTeam.values()].map((o) => o.status);
}

export function programmeTables(figures: ProgrammeCohortFigures[]): ReportTable[] {
  return [
    {
      key: "cohorts",
      title: "Cohort by cohort",
      columns: [
        text("Cohort"),
        { title: "Started", kind: "date" },
        count("Participants"),
        count("Completed"),
        pct("Completion"),
        pct("Attendance at visits"),
        count("Teams"),
        count("Solutions taken forward or piloted"),
      ],
      rows: figures.map((f) => [
        f.name,
        f.startDate,
        f.participants,
        f.completed,
        f.completionRate,
        f.attendanceRate,
        f.teams,
        f.adopted,
      ]),
      individual: false,
    },
    {
      key: "outcomes",
      title: "Outcomes by cohort (each team at its latest follow-up)",
      columns: [text("Cohort"), ...OUTCOME_STATUSES.map((s) => count(OUTCOME_LABELS[s])), count("Teams")],
      rows: figures.map((f) => [f.name, ...OUTCOME_STATUSES.map((s) => f.outcomeCounts[s]), f.teams]),
      individual: false,
    },
  ];
}

export const EMPTY_REPORT_ROWS: CohortReportRows = {
  participants: [],
  visits: [],
  attendance: [],
  questions: [],
  answers: [],
  teams: [],
  outcomes: [],
};

/** Every table the cohort report has, whoever reads it. */
export const COHORT_REPORT_TABLE_KEYS = cohortReportTables(cohortReport(EMPTY_REPORT_ROWS)).map((t) => t.key);
