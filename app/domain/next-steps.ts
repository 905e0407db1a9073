// What a person should do next in a cohort, given their role and where the cohort is in its calendar.

import { type CohortTiming, formatUkDate } from "./calendar";
import { sessionDue } from "./mentoring";
import type { CohortRole, StatementStatus } from "./vocabulary";

export const ROLE_LABELS: Record<CohortRole, string> = {
  coordinator: "Coordinator",
  mentor: "Mentor",
  participant: "Participant",
  leader: "Senior leader",
  sponsor: "Sponsor",
};

/** "1 participant", "40 participants" */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export type NextStep = { text: string; href?: string };

export type CohortFacts = {
  cohortId: number;
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
};

export type MentoringFacts = {
  today: string;
  statementDeadline: string;
  /** Teams the person mentors; `reviewWaiting` when a submitted statement awaits their decision. */
  mentored: Array<{ teamId: number; label: string; lastSessionDate: string | null; reviewWaiting: boolean }>;
  /** Teams the person is a member of, with their own open actions. */
  memberOf: Array<{
    teamId: number;
    label: string;
    statementStatus: StatementStatus | null;
    openActions: Array<{ id: number; text: string; dueDate: string }>;
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

function mentorTasks(facts: CohortFacts, m: MentoringFacts): NextStep[] {
  return m.mentored.flatMap((t) => [
    ...(sessionDue(t.lastSessionDate, facts.startDate, m.today)
      ? [
          {
            text: `Log a session with ${t.label}: ${t.lastSessionDate ? `the last one was on ${formatUkDate(t.lastSessionDate)}` : "none logged yet"}`,
            href: `${teamPath(facts, t.teamId)}/sessions/new`,
          },
        ]
      : []),
    ...(t.reviewWaiting
      ? [{ text: `Review ${t.label}'s problem statement`, href: `${teamPath(facts, t.teamId)}/statement` }]
      : []),
  ]);
}

function participantTasks(facts: CohortFacts, m: MentoringFacts): NextStep[] {
  return m.memberOf.flatMap((t) => [
    ...t.openActions.map((a) => ({
      text: `${a.dueDate < m.today ? "Overdue action" : "Your action"}: ${a.text} (due ${formatUkDate(a.dueDate)})`,
      href: teamPath(facts, t.teamId),
    })),
    ...(t.statementStatus === null ||
    t.statementStatus === "draft" ||
    t.statementStatus === "changes_requested"
      ? [
          {
            text:
              m.today > m.statementDeadline
                ? `Submit your team's problem statement: it was due on ${formatUkDate(m.statementDeadline)}`
                : `Submit your team's problem statement by ${formatUkDate(m.statementDeadline)}`,
            href: `${teamPath(facts, t.teamId)}/statement`,
          },
        ]
      : []),
  ]);
}

function timingSentence(facts: CohortFacts): string {
  const { timing } = facts;
  if (timing.phase === "before") {
    return timing.daysToStart === 1
      ? "The cohort starts tomorrow."
      : `The cohort starts on ${formatUkDate(facts.startDate)}, in ${timing.daysToStart} days.`;
  }
  if (timing.phase === "during") return `This is week ${timing.week} of ${timing.weeks}.`;
  return `The cohort ended on ${formatUkDate(timing.endedOn)}.`;
}

export function nextSteps(role: CohortRole, facts: CohortFacts): NextStep[] {
  const base = `/cohorts/${facts.cohortId}`;
  const steps: NextStep[] = [{ text: timingSentence(facts) }];
  switch (role) {
    case "coordinator": {
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
      break;
    }
    case "mentor":
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
      steps.push({ text: "See the cohort report", href: `${base}/report` });
      break;
    case "leader":
      if (facts.timing.phase !== "after")
        steps.push({ text: `The teams pitch in the final week of the programme (week ${facts.weeks}).` });
      break;
  }
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
  scoringOpen: boolean;
  released: boolean;
  /** Leaders on the panel: sheets submitted, and teams they may score. */
  onPanel?: boolean;
  sheetsDone?: number;
  sheetsTotal?: number;
  /** Participants: their team's slot, when the running order is set. */
  slot?: { position: number; start: string } | null;
};

export function pitchDaySteps(role: CohortRole, cohortId: number, facts: PitchDayFacts | null): NextStep[] {
  const base = `/cohorts/${cohortId}/pitch-day`;
  if (role === "coordinator") return [{ text: "Run the pitch day", href: base }];
  if (!facts) return [];
  const when = formatUkDate(facts.date);
  switch (role) {
    case "leader":
      if (!facts.onPanel) return [];
      return facts.scoringOpen
        ? [
            {
              text: `Score the pitches (${facts.sheetsDone ?? 0} of ${facts.sheetsTotal ?? 0} done)`,
              href: `${base}/scoring`,
            },
          ]
        : [{ text: `See the pitch day on ${when}`, href: `${base}/timetable` }];
    case "participant":
    case "mentor": {
      const steps: NextStep[] = [];
      if (facts.slot)
        steps.push({
          text:
            role === "participant"
              ? `Your team pitches at ${facts.slot.start} on ${when} (slot ${facts.slot.position})`
              : `The pitch day is on ${when}`,
          href: `${base}/timetable`,
        });
      else steps.push({ text: `The pitch day is on ${when}`, href: `${base}/timetable` });
      if (facts.released)
        steps.push({ text: "Read the panel's feedback on your pitch", href: `${base}/feedback` });
      return steps;
    }
    default:
      return [];
  }
}
