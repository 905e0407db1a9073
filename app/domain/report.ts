// The cohort report and the programme view, computed from plain rows: composition, visit attendance, mentoring
// activity per team and week, problem statements, pitch results, the change in skills confidence (paired start and
// end answers) and the outcomes recorded after the programme.

import { cohortEndDate, cohortTiming, type ProgrammeWeek, programmeWeeks, weekOfDate } from "./calendar";
import { panelConflicts, pitchDayResults } from "./pitch-day";
import { round2 } from "./pitch-scoring";
import {
  type AttendanceStatus,
  STATEMENT_CATEGORIES as CATEGORY_TABLE,
  FOLLOW_UPS as FOLLOW_UP_TABLE,
  type FollowUp,
  OUTCOME_STATUSES as OUTCOME_TABLE,
  type OutcomeStatus,
  SECTORS,
  type Sector,
  type SkillsPhase,
  STATEMENT_STATUSES as STATUS_TABLE,
  type StatementCategory,
  type StatementStatus,
  type VisitStatus,
  valuesOf,
} from "./vocabulary";

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

/** The cohort's calendar, and the day the report is for (weeks not begun yet are not shown). */
export type ReportCalendar = { startDate: string; weeks: number; today: string };
export type ReportSession = { teamId: number; date: string; durationMinutes: number };
/** A team's problem statement: its status and the category of its latest saved version. */
export type ReportStatement = { teamId: number; status: StatementStatus; category: StatementCategory | null };

/**
 * What the pitch-day results are computed from, by the published method. Everything but the event is left empty
 * until the results are released, so unreleased scores never reach a report.
 */
export type PitchRows = {
  cohortId: number;
  date: string;
  releasedAt: string | null;
  rankingPublishedAt: string | null;
  /** In rubric order. */
  criteria: Array<{ id: number; weight: number; max: number }>;
  slots: Array<{ teamId: number; position: number }>;
  panel: Array<{ personId: number; organisationId: number | null }>;
  /** Each team's members and mentors, by organisation: a leader from the same organisation is in conflict. */
  teamPeople: Array<{ teamId: number; organisationId: number | null; kind: "member" | "mentor" }>;
  declared: Array<{ personId: number; teamId: number }>;
  sheets: Array<{
    personId: number;
    teamId: number;
    submitted: boolean;
    scores: Array<{ criterionId: number; score: number }>;
  }>;
};

export type CohortReportRows = {
  calendar: ReportCalendar;
  participants: ReportParticipant[];
  visits: ReportVisit[];
  attendance: ReportAttendance[];
  questions: ReportQuestion[];
  answers: ReportAnswer[];
  teams: ReportTeam[];
  outcomes: ReportOutcome[];
  sessions: ReportSession[];
  statements: ReportStatement[];
  pitch: PitchRows | null;
};

export const SECTOR_LABELS: Record<Sector, string> = SECTORS;
export const FOLLOW_UPS: FollowUp[] = valuesOf(FOLLOW_UP_TABLE);
export const FOLLOW_UP_LABELS: Record<FollowUp, string> = FOLLOW_UP_TABLE;
export const OUTCOME_STATUSES: OutcomeStatus[] = valuesOf(OUTCOME_TABLE);
export const OUTCOME_LABELS: Record<OutcomeStatus, string> = OUTCOME_TABLE;
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

/** "Team 2: Blue Sky", or "Team 2" before the team has a name: how every page and email names a team. */
export function teamLabel(team: { number: number; name: string | null }): string {
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

export type MentoringCell = {
  week: number;
  weekStart: string;
  teamId: number;
  team: string;
  sessions: number;
  minutes: number;
};
export type TeamMentoring = {
  teamId: number;
  team: string;
  sessions: number;
  minutes: number;
  /** Programme weeks with at least one session. */
  weeksWithSession: number;
  lastSession: string | null;
};
export type MentoringSummary = {
  /** The weeks shown: week 1 to the current week (or to the last week with a session, if later). */
  weeks: ProgrammeWeek[];
  /** One per team and shown week, teams in number order within each week; empty when no session is logged. */
  cells: MentoringCell[];
  teams: TeamMentoring[];
  sessions: number;
  minutes: number;
  /** Sessions dated outside the programme's weeks: in the teams' totals, not in any week. */
  outsideWeeks: number;
};

/** Sessions and minutes per team per programme week; weeks are counted from the cohort's start date. */
export function mentoringSummary(
  rows: Pick<CohortReportRows, "calendar" | "teams" | "sessions">,
): MentoringSummary {
  const { startDate, weeks, today } = rows.calendar;
  const teams = [...rows.teams].sort((a, b) => a.number - b.number);
  const teamIds = new Set(teams.map((t) => t.id));
  const sessions = rows.sessions
    .filter((s) => teamIds.has(s.teamId))
    .map((s) => ({ ...s, week: weekOfDate(startDate, weeks, s.date) }));
  const timing = cohortTiming(startDate, weeks, today);
  const current = timing.phase === "before" ? 0 : timing.phase === "during" ? timing.week : weeks;
  const lastWeek = Math.max(current, ...sessions.map((s) => s.week ?? 0));
  const shown = sessions.length ? programmeWeeks(startDate, weeks).slice(0, lastWeek) : [];
  const cells = shown.flatMap((week) =>
    teams.map((team) => {
      const inWeek = sessions.filter((s) => s.teamId === team.id && s.week === week.number);
      return {
        week: week.number,
        weekStart: week.start,
        teamId: team.id,
        team: teamLabel(team),
        sessions: inWeek.length,
        minutes: inWeek.reduce((sum, s) => sum + s.durationMinutes, 0),
      };
    }),
  );
  return {
    weeks: shown,
    cells,
    teams: teams.map((team) => {
      const own = sessions.filter((s) => s.teamId === team.id);
      return {
        teamId: team.id,
        team: teamLabel(team),
        sessions: own.length,
        minutes: own.reduce((sum, s) => sum + s.durationMinutes, 0),
        weeksWithSession: new Set(own.flatMap((s) => (s.week === null ? [] : [s.week]))).size,
        lastSession: own.reduce<string | null>(
          (last, s) => (last === null || s.date > last ? s.date : last),
          null,
        ),
      };
    }),
    sessions: sessions.length,
    minutes: sessions.reduce((sum, s) => sum + s.durationMinutes, 0),
    outsideWeeks: sessions.filter((s) => s.week === null).length,
  };
}

export const STATEMENT_STATUSES: StatementStatus[] = valuesOf(STATUS_TABLE);
export type StatementCategoryKey = StatementCategory | "uncategorised";
export const STATEMENT_CATEGORIES: StatementCategoryKey[] = [...valuesOf(CATEGORY_TABLE), "uncategorised"];
export const STATEMENT_CATEGORY_LABELS: Record<StatementCategoryKey, string> = {
  ...CATEGORY_TABLE,
  uncategorised: "Uncategorised",
};
export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = STATUS_TABLE;

export type StatementSummary = {
  teams: number;
  started: number;
  notStarted: number;
  counts: Record<StatementCategoryKey, Record<StatementStatus, number>>;
  byStatus: Record<StatementStatus, number>;
  byCategory: Record<StatementCategoryKey, number>;
};

/** Each team's statement by the category of its latest version (uncategorised until one is chosen) and status. */
export function statementSummary(rows: Pick<CohortReportRows, "teams" | "statements">): StatementSummary {
  const teamIds = new Set(rows.teams.map((t) => t.id));
  const statements = rows.statements.filter((s) => teamIds.has(s.teamId));
  const zeros = () =>
    Object.fromEntries(STATEMENT_STATUSES.map((s) => [s, 0])) as Record<StatementStatus, number>;
  const counts = Object.fromEntries(
    STATEMENT_CATEGORIES.map((c) => [c, zeros()]),
  ) as StatementSummary["counts"];
  for (const s of statements) counts[s.category ?? "uncategorised"][s.status] += 1;
  const byStatus = zeros();
  for (const s of statements) byStatus[s.status] += 1;
  const byCategory = Object.fromEntries(
    STATEMENT_CATEGORIES.map((c) => [c, STATEMENT_STATUSES.reduce((sum, s) => sum + counts[c][s], 0)]),
  ) as StatementSummary["byCategory"];
  return {
    teams: teamIds.size,
    started: statements.length,
    notStarted: teamIds.size - statements.length,
    counts,
    byStatus,
    byCategory,
  };
}

export type PitchTeamResult = {
  teamId: number;
  team: string;
  /** Competition ranking; null when no sheet of the team counted. */
  rank: number | null;
  adjusted: number | null;
  raw: number | null;
  /** Sheets counted. */
  sheets: number;
};
export type PitchSummary =
  | { state: "none" }
  | { state: "not-released"; date: string }
  /** Released to the teams, but the ranking is not published to the cohort: what a sponsor sees until it is. */
  | { state: "not-published"; date: string }
  | {
      state: "released";
      date: string;
      releasedAt: string;
      rankingPublished: boolean;
      /** Separate groups of the panel: scores compare only within a group when more than one. */
      groups: number;
      /** Best first, as the pitch-day results page ranks them. */
      teams: PitchTeamResult[];
    };

/**
 * The released results by the published method, exactly as the pitch-day results page computes them: the teams
 * pitching (the running order, or every team with members before one is set), conflicted sheets ignored, drafts
 * not counted.
 */
export function pitchSummary(pitch: PitchRows | null, teams: ReportTeam[]): PitchSummary {
  if (!pitch) return { state: "none" };
  if (!pitch.releasedAt) return { state: "not-released", date: pitch.date };
  const withMembers = new Set(pitch.teamPeople.filter((p) => p.kind === "member").map((p) => p.teamId));
  const byId = new Map(teams.filter((t) => withMembers.has(t.id)).map((t) => [t.id, t]));
  const ordered = pitch.slots.length
    ? [...pitch.slots]
        .sort((a, b) => a.position - b.position)
        .flatMap((s) => (byId.has(s.teamId) ? [byId.get(s.teamId)!] : []))
    : [...byId.values()].sort((a, b) => a.number - b.number);
  const people = (teamId: number, kind: "member" | "mentor") =>
    pitch.teamPeople
      .filter((p) => p.teamId === teamId && p.kind === kind)
      .map((p) => ({ name: "", organisationId: p.organisationId }));
  const conflicts = panelConflicts(
    pitch.panel.map((p) => ({
      id: p.personId,
      name: "",
      organisationId: p.organisationId,
      organisation: null,
    })),
    ordered.map((t) => ({
      id: t.id,
      label: "",
      members: people(t.id, "member"),
      mentors: people(t.id, "mentor"),
    })),
    pitch.declared.map((d) => ({ ...d, reason: "" })),
  );
  const results = pitchDayResults(
    pitch.criteria.map((c) => ({ id: String(c.id), weight: c.weight, max: c.max })),
    pitch.sheets.map((s) => ({
      judge: String(s.personId),
      team: String(s.teamId),
      submitted: s.submitted,
      scores: s.scores.map((x) => ({ criterion: String(x.criterionId), score: x.score })),
    })),
    conflicts.map((c) => ({ judge: String(c.leaderId), team: String(c.teamId) })),
    ordered.map((t) => String(t.id)),
  );
  const labels = new Map(teams.map((t) => [String(t.id), teamLabel(t)]));
  return {
    state: "released",
    date: pitch.date,
    releasedAt: pitch.releasedAt,
    rankingPublished: pitch.rankingPublishedAt !== null,
    groups: results.groups,
    teams: results.results.map((r) => ({
      teamId: Number(r.team),
      team: labels.get(r.team) ?? r.team,
      rank: r.rank,
      adjusted: r.adjusted,
      raw: r.raw,
      sheets: r.judges,
    })),
  };
}

export type CohortReport = {
  composition: Composition;
  attendance: AttendanceSummary;
  mentoring: MentoringSummary;
  statements: StatementSummary;
  pitch: PitchSummary;
  skills: SkillsSummary;
  outcomes: OutcomeSummary;
};

export function cohortReport(rows: CohortReportRows): CohortReport {
  return {
    composition: composition(rows.participants),
    attendance: attendanceSummary(rows),
    mentoring: mentoringSummary(rows),
    statements: statementSummary(rows),
    pitch: pitchSummary(rows.pitch, rows.teams),
    skills: skillsSummary(rows),
    outcomes: outcomeSummary(rows),
  };
}

/**
 * The report as someone sees it who sees the pitch ranking only once it is published to the cohort (sponsors): the
 * pitch day's results stay with the coordinators until then, as the pitch-day page says.
 */
export function withPublishedRankingOnly(report: CohortReport): CohortReport {
  if (report.pitch.state !== "released" || report.pitch.rankingPublished) return report;
  return { ...report, pitch: { state: "not-published", date: report.pitch.date } };
}

// Tables: the same figures for the page, its accessible tables and the CSV downloads.

/** `score`: a pitch score out of 100, shown and downloaded to two decimal places as the results page shows it. */
export type ColumnKind = "text" | "date" | "count" | "percent" | "mean" | "change" | "score";
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
const date = (title: string): ReportColumn => ({ title, kind: "date" });
const score = (title: string): ReportColumn => ({ title, kind: "score" });

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
  const {
    composition: c,
    attendance: a,
    mentoring: m,
    statements: st,
    pitch,
    skills: s,
    outcomes: o,
  } = report;
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
      key: "mentoring-by-week",
      title: "Mentoring sessions per team per week",
      columns: [text("Week"), date("Week starting"), text("Team"), count("Sessions"), count("Minutes")],
      rows: m.cells.map((cell) => [cell.week, cell.weekStart, cell.team, cell.sessions, cell.minutes]),
      individual: false,
    },
    {
      key: "mentoring-by-team",
      title: "Mentoring sessions per team",
      columns: [
        text("Team"),
        count("Sessions"),
        count("Minutes"),
        count("Weeks with a session"),
        date("Last session"),
      ],
      rows: m.sessions
        ? m.teams.map((t) => [t.team, t.sessions, t.minutes, t.weeksWithSession, t.lastSession])
        : [],
      individual: false,
    },
    {
      key: "statements",
      title: "Problem statements by category and status",
      columns: [
        text("Category"),
        ...STATEMENT_STATUSES.map((status) => count(STATEMENT_STATUS_LABELS[status])),
        count("Total"),
      ],
      rows: st.started
        ? STATEMENT_CATEGORIES.map((category) => [
            STATEMENT_CATEGORY_LABELS[category],
            ...STATEMENT_STATUSES.map((status) => st.counts[category][status]),
            st.byCategory[category],
          ])
        : [],
      individual: false,
    },
    {
      key: "pitch-results",
      title: "Pitch results: ranking, adjusted and raw scores",
      columns: [
        text("Rank"),
        text("Team"),
        score("Adjusted score"),
        score("Raw score"),
        count("Sheets counted"),
      ],
      rows:
        pitch.state === "released"
          ? pitch.teams.map((t) => [t.rank, t.team, t.adjusted, t.raw, t.sheets])
          : [],
      individual: false,
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
        text(FOLLOW_UP_LABELS["3-months"]),
        text("Note (3 months)"),
        text(FOLLOW_UP_LABELS["6-months"]),
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
  if (kind === "score") return round2(value as number).toFixed(2);
  return String(value);
}

/** A cell as the CSV holds it: numbers unformatted (percentages and means to one decimal place), dates ISO. */
export function csvCell(kind: ColumnKind, value: ReportCell): string | number {
  if (value === null) return "";
  if (kind === "score") return round2(value as number);
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
  teams: ReportTeam[];
  outcomes: Array<{ teamId: number; followUp: FollowUp; status: OutcomeStatus }>;
  pitch: PitchRows | null;
};

export type ProgrammePitchFigures = {
  state: PitchSummary["state"];
  date: string | null;
  /** Teams with at least one counted sheet. */
  teamsScored: number;
  /** The team ranked first (several when tied), with its adjusted score. */
  top: { team: string; adjusted: number } | null;
  meanAdjusted: number | null;
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
  pitch: ProgrammePitchFigures;
};

/** A cohort's released pitch results in a line: how many teams were scored, the winner, the mean adjusted score. */
export function programmePitchFigures(summary: PitchSummary): ProgrammePitchFigures {
  if (summary.state !== "released")
    return {
      state: summary.state,
      date: summary.state === "none" ? null : summary.date,
      teamsScored: 0,
      top: null,
      meanAdjusted: null,
    };
  const scored = summary.teams.filter((t) => t.adjusted !== null);
  const winners = scored.filter((t) => t.rank === 1);
  return {
    state: summary.state,
    date: summary.date,
    teamsScored: scored.length,
    top: winners.length
      ? { team: winners.map((t) => t.team).join(" and "), adjusted: winners[0]!.adjusted! }
      : null,
    meanAdjusted: mean(scored.map((t) => t.adjusted!)),
  };
}

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
      teams: c.teams.length,
      adopted: outcomeCounts["taken-forward"] + outcomeCounts.piloted,
      outcomeCounts,
      outcomesRecorded,
      pitch: programmePitchFigures(pitchSummary(c.pitch, c.teams)),
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
    {
      key: "pitch-results",
      title: "Pitch results by cohort",
      columns: [
        text("Cohort"),
        date("Pitch day"),
        text("Results"),
        count("Teams scored"),
        text("Top team"),
        score("Top adjusted score"),
        score("Mean adjusted score"),
      ],
      rows: figures.map((f) => [
        f.name,
        f.pitch.date,
        PITCH_STATE_LABELS[f.pitch.state],
        f.pitch.state === "released" ? f.pitch.teamsScored : null,
        f.pitch.top?.team ?? null,
        f.pitch.top?.adjusted ?? null,
        f.pitch.meanAdjusted,
      ]),
      individual: false,
    },
  ];
}

export const PITCH_STATE_LABELS: Record<PitchSummary["state"], string> = {
  none: "No pitch day yet",
  "not-released": "Not released yet",
  "not-published": "Ranking not published yet",
  released: "Released",
};

export const EMPTY_REPORT_ROWS: CohortReportRows = {
  calendar: { startDate: "2027-01-04", weeks: 12, today: "2027-01-04" },
  participants: [],
  visits: [],
  attendance: [],
  questions: [],
  answers: [],
  teams: [],
  outcomes: [],
  sessions: [],
  statements: [],
  pitch: null,
};

/** Every table the cohort report has, whoever reads it. */
export const COHORT_REPORT_TABLE_KEYS = cohortReportTables(cohortReport(EMPTY_REPORT_ROWS)).map((t) => t.key);
