// Pitch day, apart from the scoring method itself: the timetable, the random running order, who is in conflict
// with which team, reading a scoring sheet's scores, and the results a coordinator sees (by scorePitches).
import { TZDate } from "@date-fns/tz";
import { addMinutes, differenceInCalendarDays, format } from "date-fns";
import { formatUkDate, PROGRAMME_TIME_ZONE, parseCalendarDate } from "./calendar";
import type { CalendarVisit } from "./icalendar";
import {
  type CriterionScore,
  type JudgeTeam,
  type ScoringCriterion,
  type ScoringResult,
  scorePitches,
} from "./pitch-scoring";
import { seededRandom } from "./team-formation";
import type { FeedbackAttribution } from "./vocabulary";

/**
 * How far off the pitch day is ("in 6 weeks", "in 3 days") when opening scoring today would open it more than a day
 * before the day, so the coordinator is asked to confirm; null from the day before the pitch day on.
 */
export function scoringOpensEarly(pitchDate: string, today: string): string | null {
  const day = parseCalendarDate(pitchDate);
  const now = parseCalendarDate(today);
  if (!day || !now) return null;
  const days = differenceInCalendarDays(day, now);
  if (days <= 1) return null;
  if (days < 14) return `in ${days} days`;
  if (days < 70) return `in ${Math.round(days / 7)} weeks`;
  const months = Math.round(days / 30.44);
  if (months < 24) return `in ${months} months`;
  return `in ${Math.round(days / 365.25)} years`;
}

/** "The pitch day is on 14 January 2027, in 6 weeks" when scoring would open early (see scoringOpensEarly). */
export function earlyScoringWarning(pitchDate: string, today: string): string | null {
  const early = scoringOpensEarly(pitchDate, today);
  return early ? `The pitch day is on ${formatUkDate(pitchDate)}, ${early}` : null;
}

/** A pitch day's details as a coordinator sets them: when and where, the timetable's lengths, how feedback is shown. */
export type PitchDayDetails = {
  date: string;
  startTime: string;
  venue: string | null;
  onlineLink: string | null;
  pitchMinutes: number;
  questionsMinutes: number;
  changeoverMinutes: number;
  breakAfter: number | null;
  breakMinutes: number;
  feedbackAttribution: FeedbackAttribution;
};

// ---------------------------------------------------------------------------------------------------------
// Timetable

export type TimetableSettings = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, London time */
  startTime: string;
  pitchMinutes: number;
  questionsMinutes: number;
  changeoverMinutes: number;
  /** A break follows this slot (1-based); null for none. */
  breakAfter: number | null;
  breakMinutes: number;
};

export type TimetableEntry =
  | {
      kind: "pitch";
      position: number;
      teamId: number;
      /** "10:40", London time */
      start: string;
      questionsStart: string;
      end: string;
      /** ISO-8601 UTC instants, for calendars */
      startsAt: string;
      endsAt: string;
    }
  | { kind: "break"; start: string; end: string; startsAt: string; endsAt: string };

/** "HH:MM" from 00:00 to 23:59, or null. */
export function parseClockTime(value: string): { hours: number; minutes: number } | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? { hours: Number(match[1]), minutes: Number(match[2]) } : null;
}

/**
 * The day's timetable in London time: each team pitches then takes questions, a changeover follows each slot,
 * and a break (if any) follows the changeover after slot `breakAfter`. Clock changes are handled by the time zone.
 */
export function pitchTimetable(settings: TimetableSettings, teamIds: readonly number[]): TimetableEntry[] {
  const day = parseCalendarDate(settings.date);
  const clock = parseClockTime(settings.startTime);
  if (!day || !clock) throw new Error("pitchTimetable needs a calendar date and an HH:MM start time");
  const london = (d: Date) => new TZDate(d, PROGRAMME_TIME_ZONE);
  const hhmm = (d: Date) => format(london(d), "HH:mm");
  // TZDate's own toISOString carries the zone's offset: instants are stored in UTC.
  const utc = (d: Date) => new Date(d.getTime()).toISOString();
  let at: Date = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    clock.hours,
    clock.minutes,
    PROGRAMME_TIME_ZONE,
  );
  const entries: TimetableEntry[] = [];
  teamIds.forEach((teamId, index) => {
    const position = index + 1;
    const questions = addMinutes(at, settings.pitchMinutes);
    const end = addMinutes(questions, settings.questionsMinutes);
    entries.push({
      kind: "pitch",
      position,
      teamId,
      start: hhmm(at),
      questionsStart: hhmm(questions),
      end: hhmm(end),
      startsAt: utc(at),
      endsAt: utc(end),
    });
    at = addMinutes(end, settings.changeoverMinutes);
    if (settings.breakAfter === position && settings.breakMinutes > 0 && position < teamIds.length) {
      const breakEnd = addMinutes(at, settings.breakMinutes);
      entries.push({
        kind: "break",
        start: hhmm(at),
        end: hhmm(breakEnd),
        startsAt: utc(at),
        endsAt: utc(breakEnd),
      });
      at = breakEnd;
    }
  });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// Running order

/** The running order drawn at random by a Fisher–Yates shuffle from `seed`: reproducible from the stored seed. */
export function drawRunningOrder<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------------
// Conflicts

export type PanelLeader = {
  id: number;
  name: string;
  organisationId: number | null;
  organisation: string | null;
};
export type PitchTeam = {
  id: number;
  label: string;
  members: Array<{ name: string; organisationId: number | null }>;
  mentors: Array<{ name: string; organisationId: number | null }>;
};
export type DeclaredConflict = { personId: number; teamId: number; reason: string };
export type Conflict = { leaderId: number; teamId: number; reasons: string[] };

/**
 * A leader is in conflict with a team when the leader's organisation is that of any member or either mentor,
 * and wherever the leader declared a conflict. One entry per conflicted pair, with every reason.
 */
export function panelConflicts(
  leaders: readonly PanelLeader[],
  teams: readonly PitchTeam[],
  declared: readonly DeclaredConflict[],
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const leader of leaders) {
    for (const team of teams) {
      const reasons: string[] = [];
      if (leader.organisationId !== null) {
        const sameOrg = (p: { organisationId: number | null }) => p.organisationId === leader.organisationId;
        const members = team.members.filter(sameOrg).map((m) => m.name);
        const mentors = team.mentors.filter(sameOrg).map((m) => m.name);
        if (members.length)
          reasons.push(`${leader.organisation ?? "Same organisation"}: team member ${members.join(", ")}`);
        if (mentors.length)
          reasons.push(`${leader.organisation ?? "Same organisation"}: mentor ${mentors.join(", ")}`);
      }
      for (const d of declared)
        if (d.personId === leader.id && d.teamId === team.id) reasons.push(`Declared: ${d.reason}`);
      if (reasons.length) conflicts.push({ leaderId: leader.id, teamId: team.id, reasons });
    }
  }
  return conflicts;
}

// ---------------------------------------------------------------------------------------------------------
// Results

export type SheetForResults = {
  judge: string;
  team: string;
  submitted: boolean;
  scores: ReadonlyArray<{ criterion: string; score: number }>;
};

export type PitchDayResults = ScoringResult & {
  /** Drafts never submitted: not counted, reported with the incomplete sheets. */
  drafts: JudgeTeam[];
};

/**
 * The published method (scorePitches) over the submitted sheets. Drafts do not count: they are reported, and
 * their teams flagged, like sheets with a missing score.
 */
export function pitchDayResults(
  criteria: readonly ScoringCriterion[],
  sheets: readonly SheetForResults[],
  conflicts: readonly JudgeTeam[],
  teams: readonly string[],
): PitchDayResults {
  const scores: CriterionScore[] = sheets
    .filter((s) => s.submitted)
    .flatMap((s) => s.scores.map((x) => ({ judge: s.judge, team: s.team, ...x })));
  const result = scorePitches({ criteria, scores, conflicts, teams });
  const conflicted = new Set(conflicts.map((c) => JSON.stringify([c.judge, c.team])));
  const drafts = sheets
    .filter((s) => !s.submitted && !conflicted.has(JSON.stringify([s.judge, s.team])))
    .map((s) => ({ judge: s.judge, team: s.team }));
  const draftTeams = new Set(drafts.map((d) => d.team));
  return {
    ...result,
    results: result.results.map((r) =>
      draftTeams.has(r.team) && !r.flags.includes("incomplete-sheets")
        ? { ...r, flags: [...r.flags, "incomplete-sheets"] }
        : r,
    ),
    drafts,
  };
}

/** What a result flag means, in words. */
export function flagText(flag: string): string {
  if (flag === "fewer-than-two-sheets") return "Fewer than two counted sheets";
  if (flag === "incomplete-sheets") return "Has incomplete or unsubmitted sheets";
  if (flag === "conflict-ignored") return "A sheet from a conflicted leader was ignored";
  const group = /^group-(\d+)$/.exec(flag);
  if (group) return `Group ${group[1]}: compare only within this group`;
  return flag;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar feeds

/**
 * The pitch day in a person's calendar: the whole day (first pitch to last), and their own team's slot. UIDs
 * follow the event and the team, and SEQUENCE follows the event's version, so a changed running order
 * updates the slot rather than adding another.
 */
export function pitchCalendarEvents(input: {
  eventId: number;
  version: number;
  cohortName: string;
  settings: TimetableSettings;
  teamIds: readonly number[];
  labels: ReadonlyMap<number, string>;
  myTeamIds: readonly number[];
  location: string | null;
}): Array<Required<CalendarVisit>> {
  const entries = pitchTimetable(input.settings, input.teamIds);
  const pitches = entries.filter((e) => e.kind === "pitch");
  if (pitches.length === 0) return [];
  const order = pitches.map((p) => `${p.start} ${input.labels.get(p.teamId) ?? ""}`).join("\n");
  const common = {
    date: input.settings.date,
    sequence: input.version,
    cancelled: false,
    location: input.location,
  };
  const events = [
    {
      ...common,
      uid: `pitch-day-${input.eventId}@tandem`,
      title: `${input.cohortName}: pitch day`,
      startTime: pitches[0]!.start,
      endTime: pitches[pitches.length - 1]!.end,
      description: `Running order:\n${order}`,
    },
  ];
  for (const pitch of pitches)
    if (input.myTeamIds.includes(pitch.teamId))
      events.push({
        ...common,
        uid: `pitch-slot-${input.eventId}-${pitch.teamId}@tandem`,
        title: `${input.cohortName}: ${input.labels.get(pitch.teamId) ?? "your team"} pitches (slot ${pitch.position})`,
        startTime: pitch.start,
        endTime: pitch.end,
        description: `Pitch from ${pitch.start}, questions from ${pitch.questionsStart}.`,
      });
  return events;
}

/**
 * How far scoring has gone: the sheets expected (every leader on the panel for every pitching team, less declared
 * conflicts), those submitted that count (by a leader on the panel, for a pitching team, without a conflict), and
 * drafts. One rule for the pitch-day page, its release check and the coordinator's home page.
 */
export function sheetProgress(
  panel: {
    panel: ReadonlyArray<{ id: number }>;
    teams: ReadonlyArray<{ id: number }>;
    conflicts: ReadonlyArray<{ leaderId: number; teamId: number }>;
  },
  sheets: ReadonlyArray<{ person_id: number; team_id: number; status: string }>,
): { expected: number; submitted: number; drafts: number } {
  const onPanel = new Set(panel.panel.map((l) => l.id));
  const teams = new Set(panel.teams.map((t) => t.id));
  const conflicted = new Set(panel.conflicts.map((c) => `${c.leaderId}|${c.teamId}`));
  const counts = (s: { person_id: number; team_id: number }) =>
    onPanel.has(s.person_id) && teams.has(s.team_id) && !conflicted.has(`${s.person_id}|${s.team_id}`);
  return {
    expected: panel.panel.length * panel.teams.length - panel.conflicts.length,
    submitted: sheets.filter((s) => s.status === "submitted" && counts(s)).length,
    drafts: sheets.filter((s) => s.status === "draft").length,
  };
}
