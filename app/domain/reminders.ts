// Scheduled reminders: which are due on a day, from facts the models read. A reminder is named by its kind, its
// recipient, what it is about and the date it is for (a visit's date, an action's due date, the start of a quiet
// spell, the Monday of a digest's week), so it is enqueued once however often and wherever this runs; a day
// missed (the server was down) is caught up while the reminder still makes sense.
import { TZDate } from "@date-fns/tz";
import { type BankHolidays, UK_BANK_HOLIDAYS } from "./bank-holidays";
import { cohortEndDate, PROGRAMME_TIME_ZONE, type VisitDetails } from "./calendar";
import { buildCalendar, visitUid } from "./icalendar";
import type { Attachment } from "./mail/message";
import { daysBetween, type HealthFlag, teamHealthFlags } from "./mentoring";
import { deadlineState } from "./problem-statement";
import { teamLabel } from "./report";
import type { Region, StatementStatus } from "./vocabulary";
import { firstWorkingDayOfWeek, isWorkingDay, mondayOf, shiftDate, workingDayBefore } from "./working-days";

/** Reminders go from this hour of the morning, London time, so nobody's phone buzzes at midnight. */
export const REMINDER_HOUR = 8;

/**
 * How far ahead the models look for visits and actions: the working day before a date is at most this many days
 * before it (Christmas and Easter leave the longest gaps).
 */
export const LOOK_AHEAD_DAYS = 10;

/** The London day whose reminders are due at `now`, or null before `fromHour` o'clock there. */
export function reminderDay(now: Date, fromHour: number = REMINDER_HOUR): string | null {
  const london = new TZDate(now, PROGRAMME_TIME_ZONE);
  if (london.getHours() < fromHour) return null;
  const month = String(london.getMonth() + 1).padStart(2, "0");
  const day = String(london.getDate()).padStart(2, "0");
  return `${london.getFullYear()}-${month}-${day}`;
}

export type Recipient = { id: number; name: string; email: string; region: Region | null };

/** A visit with what its reminder says: the details everyone who goes sees (not the contact's email address). */
export type VisitFacts = Omit<VisitDetails, "contactEmail"> & {
  id: number;
  cohortId: number;
  cohortName: string;
  hostName: string;
  sequence: number;
  updatedAt: string;
  /** The cohort's participants and mentors expected there (not withdrawn, no apologies sent). */
  expected: Array<Recipient & { role: "participant" | "mentor" }>;
};

export type QuietTeamFacts = {
  id: number;
  number: number;
  name: string | null;
  cohortId: number;
  cohortName: string;
  cohortStart: string;
  weeks: number;
  quietDays: number;
  lastSessionDate: string | null;
  mentors: Recipient[];
};

export type ActionFacts = {
  id: number;
  text: string;
  dueDate: string;
  sessionId: number;
  teamId: number;
  teamNumber: number;
  teamName: string | null;
  cohortId: number;
  cohortName: string;
  owner: Recipient;
};

export type DigestCohortFacts = {
  id: number;
  name: string;
  startDate: string;
  quietDays: number;
  /** When the problem statements are due (the milestone). */
  statementDeadline: string;
  teams: Array<{
    id: number;
    number: number;
    name: string | null;
    lastSessionDate: string | null;
    firstSubmittedAt: string | null;
    statementStatus: StatementStatus | null;
  }>;
  coordinators: Recipient[];
};

export type ReminderFacts = {
  visits: VisitFacts[];
  quietTeams: QuietTeamFacts[];
  actions: ActionFacts[];
  digests: DigestCohortFacts[];
};

export type DigestCohort = {
  id: number;
  name: string;
  teams: number;
  flagged: Array<{ id: number; label: string; flags: HealthFlag[] }>;
};

type Common = { to: Recipient; cohortId: number | null; about: string; date: string };

export type Reminder =
  | (Common & { kind: "visit_reminder"; visit: VisitFacts; role: "participant" | "mentor" })
  | (Common & { kind: "session_overdue"; team: QuietTeamFacts; since: string; days: number })
  | (Common & { kind: "action_due"; action: ActionFacts })
  | (Common & { kind: "health_digest"; cohorts: DigestCohort[] });

export type ReminderKind = Reminder["kind"];

/** The outbox's dedupe key: kind, person, subject and date. */
export function reminderKey(r: Pick<Reminder, "kind" | "to" | "about" | "date">): string {
  return `${r.kind}:${r.to.id}:${r.about}:${r.date}`;
}

/** Due from the working day before `date` (in the person's region) until the day before it. */
function dueTheWorkingDayBefore(date: string, today: string, region: Region | null, holidays: BankHolidays) {
  return today < date && today >= workingDayBefore(date, region, holidays);
}

/**
 * Where a team's quiet spell stands: quiet after more than `quietDays` days without a session (counted from the
 * cohort's start when it has never met), one reminder per `quietDays` days of it, each named by the day its
 * period began.
 */
export function quietSpell(
  lastSessionDate: string | null,
  cohortStart: string,
  quietDays: number,
  today: string,
): { since: string; days: number; periodStart: string } | null {
  const since = lastSessionDate ?? cohortStart;
  const days = daysBetween(since, today);
  if (days <= quietDays) return null;
  const period = Math.floor((days - quietDays - 1) / quietDays);
  return { since, days, periodStart: shiftDate(since, quietDays + 1 + period * quietDays) };
}

/** Every reminder due on `today`: the command enqueues each once, the dry run lists them. */
export function remindersDue(
  today: string,
  facts: ReminderFacts,
  holidays: BankHolidays = UK_BANK_HOLIDAYS,
): Reminder[] {
  const due: Reminder[] = [];
  for (const visit of facts.visits)
    for (const person of visit.expected)
      if (dueTheWorkingDayBefore(visit.date, today, person.region, holidays))
        due.push({
          kind: "visit_reminder",
          to: person,
          cohortId: visit.cohortId,
          about: `visit-${visit.id}`,
          date: visit.date,
          visit,
          role: person.role,
        });

  for (const team of facts.quietTeams) {
    if (today < team.cohortStart || today > cohortEndDate(team.cohortStart, team.weeks)) continue;
    const spell = quietSpell(team.lastSessionDate, team.cohortStart, team.quietDays, today);
    if (!spell) continue;
    for (const mentor of team.mentors)
      if (isWorkingDay(today, mentor.region, holidays))
        due.push({
          kind: "session_overdue",
          to: mentor,
          cohortId: team.cohortId,
          about: `team-${team.id}`,
          date: spell.periodStart,
          team,
          since: spell.since,
          days: spell.days,
        });
  }

  for (const action of facts.actions)
    if (dueTheWorkingDayBefore(action.dueDate, today, action.owner.region, holidays))
      due.push({
        kind: "action_due",
        to: action.owner,
        cohortId: action.cohortId,
        about: `action-${action.id}`,
        date: action.dueDate,
        action,
      });

  due.push(...digestsDue(today, facts.digests, holidays));
  // Someone in a cohort twice (a participant who also mentors) is reminded once.
  return [...new Map(due.map((r) => [reminderKey(r), r])).values()];
}

/**
 * Each coordinator's weekly digest: the team health flags of every running cohort they coordinate, on the first
 * working day of the week where they are (Monday, or Tuesday after a bank holiday). A digest is not caught up
 * later in the week: by then it would be stale, and next Monday's is on its way.
 */
function digestsDue(today: string, cohorts: DigestCohortFacts[], holidays: BankHolidays): Reminder[] {
  const byCoordinator = new Map<number, { to: Recipient; cohorts: DigestCohort[] }>();
  for (const cohort of cohorts) {
    if (today < cohort.startDate) continue;
    const summary: DigestCohort = {
      id: cohort.id,
      name: cohort.name,
      teams: cohort.teams.length,
      flagged: cohort.teams
        .map((team) => {
          const state = deadlineState(team.firstSubmittedAt, cohort.statementDeadline, today);
          return {
            id: team.id,
            label: teamLabel(team),
            flags: teamHealthFlags({
              lastSessionDate: team.lastSessionDate,
              cohortStartDate: cohort.startDate,
              today,
              quietDays: cohort.quietDays,
              statement: state === "late" || state === "overdue" ? state : null,
            }),
          };
        })
        .filter((team) => team.flags.length > 0),
    };
    for (const coordinator of cohort.coordinators) {
      const entry = byCoordinator.get(coordinator.id) ?? { to: coordinator, cohorts: [] };
      entry.cohorts.push(summary);
      byCoordinator.set(coordinator.id, entry);
    }
  }
  const monday = mondayOf(today);
  return [...byCoordinator.values()]
    .filter(({ to }) => firstWorkingDayOfWeek(today, to.region, holidays) === today)
    .map(({ to, cohorts }) => ({
      kind: "health_digest" as const,
      to,
      cohortId: cohorts.length === 1 ? cohorts[0]!.id : null,
      about: "week",
      date: monday,
      cohorts,
    }));
}

/** The visit as an .ics file to attach: the same event (UID, SEQUENCE) as the calendar feeds carry. */
export function visitCalendarFile(visit: VisitFacts): Attachment {
  return {
    filename: "visit.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: buildCalendar({
      name: visit.cohortName,
      milestones: [],
      visits: [
        {
          uid: visitUid(visit.id),
          title: `${visit.cohortName}: visit to ${visit.hostName}`,
          date: visit.date,
          startTime: visit.startTime,
          endTime: visit.endTime,
          sequence: visit.sequence,
          cancelled: false,
          location: visit.address,
          description: visit.agenda,
        },
      ],
      stamp: new Date(visit.updatedAt),
    }),
  };
}
