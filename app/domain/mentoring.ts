// Mentoring sessions: what a valid session is, how actions are ordered and flagged, and how healthy a team is.
import { differenceInCalendarDays } from "date-fns";
import { formatUkDate, parseCalendarDate } from "./calendar";

export { SESSION_FORMATS } from "./vocabulary";

export const MAX_SESSION_MINUTES = 480;
/** A mentor is asked to log a session when their team has not had one for this many days. */
export const SESSION_REMINDER_DAYS = 7;
export const DEFAULT_QUIET_TEAM_DAYS = 14;

/** Days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  if (!a || !b) throw new Error("daysBetween needs calendar dates");
  return differenceInCalendarDays(b, a);
}

/** Why a session cannot be on this date (in the future, before the cohort started), or null. */
export function sessionDateProblem(date: string, cohortStartDate: string, today: string): string | null {
  if (date > today) return "The session date must be today or in the past";
  if (date < cohortStartDate)
    return `The session date must be on or after the cohort started (${formatUkDate(cohortStartDate)})`;
  return null;
}

export type ActionLike = { id: number; dueDate: string; doneAt: string | null };

export type ActionState = "done" | "open" | "overdue";

export function actionState(action: { dueDate: string; doneAt: string | null }, today: string): ActionState {
  if (action.doneAt) return "done";
  return action.dueDate < today ? "overdue" : "open";
}

/** Open actions first (soonest due first, overdue ones among them flagged), then the done ones. */
export function orderActions<T extends ActionLike>(
  actions: T[],
  today: string,
): Array<T & { state: ActionState }> {
  return actions
    .map((action) => ({ ...action, state: actionState(action, today) }))
    .sort((a, b) => {
      const doneA = a.state === "done" ? 1 : 0;
      const doneB = b.state === "done" ? 1 : 0;
      if (doneA !== doneB) return doneA - doneB;
      if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
      return a.id - b.id;
    });
}

export type TeamHealthInput = {
  lastSessionDate: string | null;
  cohortStartDate: string;
  today: string;
  quietDays: number;
  /** Whether the statement was submitted late, or is overdue (not submitted and the deadline passed). */
  statement: "late" | "overdue" | null;
};

export type HealthFlag = { kind: "quiet" | "statement"; text: string };

/**
 * What a coordinator should look at: no session for more than `quietDays` (counted from the cohort's start
 * when the team has never met), and a statement submitted late or overdue.
 */
export function teamHealthFlags(input: TeamHealthInput): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const since = input.lastSessionDate ?? input.cohortStartDate;
  const days = daysBetween(since, input.today);
  if (days > input.quietDays) {
    flags.push({
      kind: "quiet",
      text: input.lastSessionDate
        ? `No session for ${days} days`
        : `No session in ${days} days since the start`,
    });
  }
  if (input.statement)
    flags.push({
      kind: "statement",
      text: `Problem statement ${input.statement === "late" ? "submitted late" : "overdue"}`,
    });
  return flags;
}

/** "75%" for 3 of 4; "No sessions" when there were none to attend. */
export function attendanceRate(attended: number, sessions: number): string {
  if (sessions === 0) return "No sessions";
  return `${Math.round((attended / sessions) * 100)}%`;
}

/** Whether a mentor should be asked to log a session for a team (none yet during the cohort, or not lately). */
export function sessionDue(lastSessionDate: string | null, cohortStartDate: string, today: string): boolean {
  if (today < cohortStartDate) return false;
  return daysBetween(lastSessionDate ?? cohortStartDate, today) >= SESSION_REMINDER_DAYS;
}

/** "45 minutes", "1 hour 30 minutes" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours ? `${hours} hour${hours === 1 ? "" : "s"}` : "";
  const m = rest ? `${rest} minute${rest === 1 ? "" : "s"}` : "";
  return [h, m].filter(Boolean).join(" ");
}

type FollowUp = {
  id: number;
  date: string;
  follow_up_date: string | null;
  version: number;
  team_id: number;
  team_number: number;
  team_name: string | null;
  cohort_name: string;
};

/**
 * The next sessions teams agreed, as all-day calendar events: one per team and date, however many sessions
 * agreed it (a team that logs two sessions both naming next Tuesday meets once on Tuesday). The UID is the team
 * and the date, so the event stays the same while sessions agreeing it come and go.
 */
export function followUpEvents(followUps: FollowUp[]) {
  const groups = new Map<string, FollowUp[]>();
  for (const followUp of followUps) {
    const date = followUp.follow_up_date ?? followUp.date;
    const key = `${followUp.team_id}-${date}`;
    groups.set(key, [...(groups.get(key) ?? []), followUp]);
  }
  return [...groups].map(([key, sessions]) => {
    const first = sessions[0]!;
    const team = `Team ${first.team_number}${first.team_name ? ` (${first.team_name})` : ""}`;
    const agreedOn = [...new Set(sessions.map((s) => s.date))].sort().map(formatUkDate);
    return {
      uid: `session-follow-up-team-${key}@tandem`,
      title: `${first.cohort_name}: ${team} mentoring session`,
      date: first.follow_up_date ?? first.date,
      // Rises whenever one of the sessions agreeing the date is changed.
      sequence: sessions.reduce((sum, s) => sum + s.version, 0),
      description: `Agreed at the ${sessions.length === 1 ? "session" : "sessions"} on ${
        agreedOn.length === 1 ? agreedOn[0] : `${agreedOn.slice(0, -1).join(", ")} and ${agreedOn.at(-1)}`
      }.`,
    };
  });
}
