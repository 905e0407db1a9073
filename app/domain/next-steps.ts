// What a person should do next in a cohort, given their role and where the cohort is in its calendar.

import { type CohortTiming, formatTime, formatUkDate, formatUkDateWithDay } from "./calendar";
import { sessionDue } from "./mentoring";
import type { CohortRole, StatementStatus } from "./vocabulary";

export const ROLE_LABELS: Record<CohortRole, string> = {
  coordinator: "Coordinator",
  mentor: "Mentor",
  participant: "Participant",
  leader: "Senior leader",
  sponsor: "Sponsor",
};

/** "1 participant", "40 participants"; "1 pitch", "2 pitches" with the plural given. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** The calendar date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of the week ahead: today and the six days after it are "this week" on the home page. */
export function weekAheadEnd(today: string): string {
  return addDays(today, 6);
}

/** "Today", "Tomorrow" or "Monday 7 December 2026". */
function dayName(date: string, today: string): string {
  if (date === today) return "Today";
  if (date === addDays(today, 1)) return "Tomorrow";
  return formatUkDateWithDay(date);
}

/** A company visit from today to the end of the week ahead. */
export type VisitFact = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  host: string;
  address: string | null;
  status: "planned" | "confirmed" | "cancelled";
};

/** A coordinator's week: what waits for mentors, and where the pitch day's scoring and results stand. */
export type CoordinationFacts = {
  /** Teams whose submitted problem statement waits for its mentors' decision. */
  statementsWaiting: number;
  /** The pitch day once scoring has opened: sheets submitted of those expected, teams released of those pitching. */
  pitch?: {
    scoringState: "not_open" | "open" | "closed";
    submitted: number;
    expected: number;
    teams: number;
    released: number;
  };
};

export type NextStep = { text: string; href?: string };

export type CohortFacts = {
  cohortId: number;
  /** Today's date in London (YYYY-MM-DD); without it, the mentoring facts' date, else the start date. */
  today?: string;
  startDate: string;
  weeks: number;
  timing: CohortTiming;
  /** Coordinators only: how many participants have been added and how many have not set a password. */
  participantCount?: number;
  pendingInvitations?: number;
  /** Whether participants and mentors can see their teams yet. */
  teamsPublished?: boolean;
  /** Participants only: skills questionnaires open now, and whether they have answered each. */
  openQuestionnaires?: Array<{ phase: "start" | "end"; deadline: string; answered: boolean }>;
  /** Mentoring in published teams: what is waiting for a mentor or a participant. */
  mentoring?: MentoringFacts;
  /** The cohort's company visits from today to the end of the week ahead, in date order. */
  visits?: VisitFact[];
  /** Coordinators only: this week's work. */
  coordination?: CoordinationFacts;
  /** The cohort's pitch day as this person sees it; null or absent when there is none yet. */
  pitchDay?: PitchDayFacts | null;
};

export type MentoringFacts = {
  today: string;
  statementDeadline: string;
  /**
   * Teams the person mentors; `reviewWaiting` when a submitted statement awaits their decision; the next agreed
   * session (from today on); the team's open actions overdue and due this week.
   */
  mentored: Array<{
    teamId: number;
    label: string;
    lastSessionDate: string | null;
    reviewWaiting: boolean;
    nextSession?: string | null;
    overdueActions?: number;
    actionsDueThisWeek?: number;
  }>;
  /**
   * Teams the person is a member of, with their own open actions, the next agreed session and, when the mentors
   * asked for changes to the statement, who asked and what they said.
   */
  memberOf: Array<{
    teamId: number;
    label: string;
    statementStatus: StatementStatus | null;
    openActions: Array<{ id: number; text: string; dueDate: string }>;
    nextSession?: string | null;
    changesRequested?: Array<{ mentor: string; comment: string | null }>;
  }>;
};

/** A mentor's or participant's team: a link once the teams are published, until then what will happen. */
function yourTeam(facts: CohortFacts, see: string, untilPublished: string): NextStep {
  return facts.teamsPublished
    ? { text: see, href: `/cohorts/${facts.cohortId}/team` }
    : { text: untilPublished };
}

function teamPath(facts: CohortFacts, teamId: number): string {
  return `/cohorts/${facts.cohortId}/teams/${teamId}`;
}

/** A visit as the home page names it: "Today: visit to Kestrel Labs, 10am to 4pm, at 1 Dock Road". */
function visitText(v: VisitFact, today: string): string {
  const day = dayName(v.date, today);
  if (v.status === "cancelled") return `${day}: the visit to ${v.host} is cancelled`;
  return `${day}: visit to ${v.host}, ${formatTime(v.startTime)} to ${formatTime(v.endTime)}${v.address ? `, at ${v.address}` : ""}`;
}

/** Mentors and participants: the visits today and tomorrow. Coordinators: every visit of the week ahead. */
function visitSteps(facts: CohortFacts, today: string, days: number): NextStep[] {
  const last = addDays(today, days - 1);
  return (facts.visits ?? [])
    .filter((v) => v.date >= today && v.date <= last)
    .map((v) => ({ text: visitText(v, today), href: `/cohorts/${facts.cohortId}/visits/${v.id}` }));
}

/** "1 overdue action and 2 actions due this week" */
function actionCounts(overdue: number, thisWeek: number): string {
  return [
    overdue ? plural(overdue, "overdue action") : "",
    thisWeek ? `${plural(thisWeek, "action")} due this week` : "",
  ]
    .filter(Boolean)
    .join(" and ");
}

function mentorTasks(facts: CohortFacts, m: MentoringFacts): NextStep[] {
  return m.mentored.flatMap((t) => {
    const steps: NextStep[] = [];
    if (t.nextSession)
      steps.push({
        text: `Next session with ${t.label}: ${t.nextSession === m.today ? "today" : formatUkDateWithDay(t.nextSession)}`,
        href: teamPath(facts, t.teamId),
      });
    if (sessionDue(t.lastSessionDate, facts.startDate, m.today))
      steps.push({
        text: `Log a session with ${t.label}: ${t.lastSessionDate ? `the last one was on ${formatUkDate(t.lastSessionDate)}` : "none logged yet"}`,
        href: `${teamPath(facts, t.teamId)}/sessions/new`,
      });
    if (t.reviewWaiting)
      steps.push({
        text: `Review ${t.label}'s problem statement`,
        href: `${teamPath(facts, t.teamId)}/statement`,
      });
    const actions = actionCounts(t.overdueActions ?? 0, t.actionsDueThisWeek ?? 0);
    if (actions) steps.push({ text: `${t.label} has ${actions}`, href: teamPath(facts, t.teamId) });
    return steps;
  });
}

function participantTasks(facts: CohortFacts, m: MentoringFacts): NextStep[] {
  const weekEnd = weekAheadEnd(m.today);
  return m.memberOf.flatMap((t) => {
    const steps: NextStep[] = [];
    if (t.nextSession)
      steps.push({
        text: `Your team's next session with your mentors: ${t.nextSession === m.today ? "today" : formatUkDateWithDay(t.nextSession)}`,
        href: teamPath(facts, t.teamId),
      });
    for (const a of t.openActions.filter((a) => a.dueDate <= weekEnd))
      steps.push({
        text:
          a.dueDate < m.today
            ? `Overdue action: ${a.text} (due ${formatUkDate(a.dueDate)})`
            : `Your action: ${a.text} (due ${a.dueDate === m.today ? "today" : formatUkDate(a.dueDate)})`,
        href: teamPath(facts, t.teamId),
      });
    const later = t.openActions.filter((a) => a.dueDate > weekEnd).length;
    if (later)
      steps.push({ text: `${plural(later, "more action")} due later`, href: teamPath(facts, t.teamId) });
    const statement = `${teamPath(facts, t.teamId)}/statement`;
    if (t.statementStatus === "changes_requested") {
      const asks = t.changesRequested ?? [];
      if (asks.length === 0)
        steps.push({
          text: "Your mentors asked for changes to your team's problem statement",
          href: statement,
        });
      for (const ask of asks)
        steps.push({
          text: `${ask.mentor} asked for changes to your team's problem statement${ask.comment ? `: “${ask.comment}”` : ""}`,
          href: statement,
        });
    } else if (t.statementStatus === null || t.statementStatus === "draft") {
      steps.push({
        text:
          m.today > m.statementDeadline
            ? `Submit your team's problem statement: it was due on ${formatUkDate(m.statementDeadline)}`
            : `Submit your team's problem statement by ${formatUkDate(m.statementDeadline)}`,
        href: statement,
      });
    }
    return steps;
  });
}

function timingSentence(facts: CohortFacts): string {
  const { timing } = facts;
  if (timing.phase === "before") {
    return timing.daysToStart === 1
      ? "The cohort starts tomorrow."
      : `The cohort starts on ${formatUkDate(facts.startDate)}, in ${plural(timing.daysToStart, "day")}.`;
  }
  if (timing.phase === "during") return `This is week ${timing.week} of ${timing.weeks}.`;
  return `The cohort ended on ${formatUkDate(timing.endedOn)}.`;
}

/** Where the cohort is, in a sentence for its sponsor. */
export function cohortStage(facts: CohortFacts, today: string): string {
  const { timing } = facts;
  const pitch = facts.pitchDay;
  if (timing.phase === "before")
    return "The cohort is being set up: participants are being nominated and released.";
  if (pitch?.everyTeamReleased) return "The pitch day is over and every team has its results.";
  if (pitch && pitch.date < today)
    return `The teams pitched on ${formatUkDate(pitch.date)}; their results are being prepared.`;
  if (pitch && pitch.date === today) return "The teams pitch today.";
  if (timing.phase === "after") return `The cohort ended on ${formatUkDate(timing.endedOn)}.`;
  if (!facts.teamsPublished) return "The coordinator is forming the teams.";
  return pitch
    ? `Teams are working with their mentors towards the pitch day on ${formatUkDate(pitch.date)}.`
    : `Teams are working with their mentors towards the pitch day in week ${facts.weeks}.`;
}

function coordinatorSteps(facts: CohortFacts, today: string): NextStep[] {
  const base = `/cohorts/${facts.cohortId}`;
  const steps: NextStep[] = [];
  const participants = facts.participantCount ?? 0;
  if (participants === 0)
    steps.push({ text: "Add the participants nominated for this cohort", href: `${base}/people/invite` });
  else steps.push({ text: `${plural(participants, "participant")} added`, href: `${base}/people` });
  if (facts.pendingInvitations) {
    const pending = facts.pendingInvitations;
    steps.push({
      text: `${pending === 1 ? "1 person has" : `${pending} people have`} not set their password yet`,
      href: `${base}/people`,
    });
  }
  steps.push(...visitSteps(facts, today, 7));
  const work = facts.coordination;
  if (!work) return steps;
  if (participants > 0 && !facts.teamsPublished && facts.timing.phase !== "after")
    steps.push({
      text: "Teams not yet published: participants and mentors cannot see them",
      href: `${base}/teams`,
    });
  if (work.statementsWaiting)
    steps.push({
      text: `${plural(work.statementsWaiting, "problem statement")} ${work.statementsWaiting === 1 ? "is" : "are"} waiting for ${work.statementsWaiting === 1 ? "its" : "their"} mentors' review`,
      href: `${base}/statements`,
    });
  const pitch = work.pitch;
  if (pitch && pitch.scoringState !== "not_open")
    steps.push({
      text: `Scoring${pitch.scoringState === "closed" ? " (closed)" : ""}: ${pitch.submitted} of ${plural(pitch.expected, "sheet")} submitted`,
      href: `${base}/pitch-day`,
    });
  if (pitch && pitch.scoringState === "closed" && pitch.released < pitch.teams)
    steps.push({
      text: `Results not yet released for ${pitch.teams - pitch.released} of ${plural(pitch.teams, "team")}`,
      href: `${base}/pitch-day/release`,
    });
  return steps;
}

export function nextSteps(role: CohortRole, facts: CohortFacts): NextStep[] {
  const base = `/cohorts/${facts.cohortId}`;
  const today = facts.today ?? facts.mentoring?.today ?? facts.startDate;
  const steps: NextStep[] = [{ text: timingSentence(facts) }];
  const pitch = facts.pitchDay ?? null;
  switch (role) {
    case "coordinator":
      steps.push(...coordinatorSteps(facts, today));
      break;
    case "mentor":
      steps.push(...visitSteps(facts, today, 2));
      steps.push(
        yourTeam(
          facts,
          "See the team you mentor and your co-mentor",
          "Your coordinator will pair you with a team; you will see it here once teams are published.",
        ),
      );
      if (facts.mentoring) steps.push(...mentorTasks(facts, facts.mentoring));
      break;
    case "participant":
      steps.push(...visitSteps(facts, today, 2));
      steps.push(
        yourTeam(
          facts,
          "See your team and mentors",
          "Your coordinator will put you in a mixed team; you will see it here once teams are published.",
        ),
      );
      if (facts.mentoring) steps.push(...participantTasks(facts, facts.mentoring));
      break;
    case "sponsor":
      steps.push({ text: cohortStage(facts, today) });
      steps.push({ text: "See the cohort report", href: `${base}/report` });
      break;
    case "leader":
      if (facts.timing.phase !== "after" && !pitch)
        steps.push({ text: `The teams pitch in the final week of the programme (week ${facts.weeks}).` });
      break;
  }
  steps.push(...pitchDaySteps(role, facts.cohortId, pitch, today));
  if (role === "participant") {
    for (const q of facts.openQuestionnaires ?? []) {
      const which = q.phase === "start" ? "start-of-programme" : "end-of-programme";
      steps.push({
        text: q.answered
          ? `You answered the ${which} skills questionnaire: you can change your answers until ${formatUkDate(q.deadline)}`
          : `Answer the ${which} skills questionnaire by ${formatUkDate(q.deadline)}`,
        href: `${base}/skills/${q.phase}`,
      });
    }
  }
  return steps;
}

/** What the home page says about the pitch day, for one role. */
export type PitchDayFacts = {
  /** Calendar date of the pitch day, YYYY-MM-DD. */
  date: string;
  /** HH:mm, London time, and the venue (null when not set). */
  startTime?: string;
  venue?: string | null;
  scoringOpen: boolean;
  scoringClosed?: boolean;
  /** A team of the person's (as member or mentor) has its results released. */
  released: boolean;
  /** Every pitching team's results are released. */
  everyTeamReleased?: boolean;
  /** Leaders on the panel: sheets submitted, and teams they may score. */
  onPanel?: boolean;
  sheetsDone?: number;
  sheetsTotal?: number;
  /** Participants: their team's slot, when the running order is set. */
  slot?: { position: number; start: string } | null;
  /** Mentors: the slots of the teams they mentor whose results are not released yet. */
  mentoredSlots?: Array<{ label: string; position: number; start: string }>;
};

export function pitchDaySteps(
  role: CohortRole,
  cohortId: number,
  facts: PitchDayFacts | null,
  today?: string,
): NextStep[] {
  const base = `/cohorts/${cohortId}/pitch-day`;
  if (role === "coordinator") return [{ text: "Run the pitch day", href: base }];
  if (!facts) return [];
  const when = formatUkDate(facts.date);
  const at = facts.venue ? `, at ${facts.venue}` : "";
  switch (role) {
    case "leader": {
      if (!facts.onPanel) return [];
      const done = facts.sheetsDone ?? 0;
      const total = facts.sheetsTotal ?? 0;
      if ((facts.scoringOpen || facts.scoringClosed) && total > 0 && done >= total)
        return [
          {
            text: `Thank you: you have scored ${total === 1 ? "the 1 pitch" : `all ${total} pitches`}. The coordinator will release the results to the teams once every leader has scored.`,
          },
        ];
      if (facts.scoringOpen)
        return [{ text: `Score the pitches (${done} of ${total} done)`, href: `${base}/scoring` }];
      if (facts.scoringClosed)
        return [{ text: `Scoring has closed: you scored ${done} of ${plural(total, "pitch", "pitches")}.` }];
      return [
        {
          text: `The pitch day is on ${formatUkDateWithDay(facts.date)}${facts.startTime ? ` at ${facts.startTime}` : ""}${at}`,
          href: `${base}/timetable`,
        },
      ];
    }
    case "participant":
    case "mentor": {
      // Once the team's results are released, the feedback is what is next: its slot is history.
      if (facts.released)
        return [
          {
            text:
              role === "participant"
                ? "Read the panel's feedback on your pitch"
                : "Read the panel's feedback on your team's pitch",
            href: `${base}/feedback`,
          },
        ];
      // After the pitch day, the slot is history too: the feedback comes once the coordinator releases it.
      if (today && facts.date < today)
        return [
          {
            text:
              role === "participant"
                ? "The panel's feedback on your pitch will appear here once the coordinator releases it"
                : "The panel's feedback on your team's pitch will appear here once the coordinator releases it",
          },
        ];
      if (role === "participant" && facts.slot)
        return [
          {
            text: `Your team pitches at ${facts.slot.start} on ${when} (slot ${facts.slot.position})${at}`,
            href: `${base}/timetable`,
          },
        ];
      if (role === "mentor" && facts.mentoredSlots?.length)
        return facts.mentoredSlots.map((s) => ({
          text: `${s.label} pitches at ${s.start} on ${when} (slot ${s.position})${at}`,
          href: `${base}/timetable`,
        }));
      return [{ text: `The pitch day is on ${when}${at}`, href: `${base}/timetable` }];
    }
    default:
      return [];
  }
}
