// Scheduled reminders: the scheduler in the server (server/scheduler.ts) and `npm run tandem -- reminders` enqueue
// the reminders due on a day through one command, run as Tandem itself. Each reminder carries its dedupe key, so
// running it again, or in two processes at once, enqueues nothing twice. People who turned a kind of reminder off
// get none of it.
import { unsubscribeHeaders } from "~/auth/unsubscribe.server";
import { formatUkDate } from "~/domain/calendar";
import type { OutgoingMessage, Rendered } from "~/domain/mail/message";
import {
  actionDueMail,
  healthDigestMail,
  sessionOverdueMail,
  visitReminderMail,
} from "~/domain/mail/templates";
import {
  REMINDER_HOUR,
  type Reminder,
  reminderDay,
  reminderKey,
  remindersDue,
  visitCalendarFile,
} from "~/domain/reminders";
import { teamLabel } from "~/domain/report";
import { optedOut } from "~/models/email-preferences.server";
import {
  actionDueFacts,
  alreadyEnqueued,
  healthDigestFacts,
  quietTeamFacts,
  visitReminderFacts,
} from "~/models/reminders.server";
import { paths } from "~/utils/paths";
import type { Db } from "../../db/connection";
import { command, ok, run, SYSTEM } from "./runner.server";

type Link = (path: string) => string;

export type PlannedReminder = { reminder: Reminder; message: OutgoingMessage };

/** The reminders due on `today` and the messages they make, without the people who turned their kind off. */
export async function planReminders(db: Db, today: string, link: Link): Promise<PlannedReminder[]> {
  const [visits, quietTeams, actions, digests] = await Promise.all([
    visitReminderFacts(db, today),
    quietTeamFacts(db, today),
    actionDueFacts(db, today),
    healthDigestFacts(db, today),
  ]);
  const due = remindersDue(today, { visits, quietTeams, actions, digests });
  const kinds = [...new Set(due.map((r) => r.kind))];
  const optOuts = new Map(
    await Promise.all(
      kinds.map(
        async (kind) =>
          [
            kind,
            await optedOut(db, [...new Set(due.filter((r) => r.kind === kind).map((r) => r.to.id))], kind),
          ] as const,
      ),
    ),
  );
  return due
    .filter((r) => !optOuts.get(r.kind)?.has(r.to.id))
    .map((reminder) => ({ reminder, message: messageOf(reminder, today, link) }));
}

/** Enqueues the reminders due on `today` that are not in the outbox yet. */
export const enqueueReminders = command({
  async execute(c, input: { today: string }) {
    const planned = await planReminders(c.tx, input.today, c.link);
    const known = await alreadyEnqueued(
      c.tx,
      planned.map((p) => reminderKey(p.reminder)),
    );
    const fresh = planned.filter((p) => !known.has(reminderKey(p.reminder)));
    for (const { message } of fresh) c.send(message);
    return ok({ enqueued: fresh, alreadyEnqueued: planned.length - fresh.length });
  },
});

/** The scheduler's job: enqueues what is due today once it is `fromHour` o'clock in London. */
export async function sendDueReminders(db: Db, now: Date = new Date(), fromHour: number = REMINDER_HOUR) {
  const today = reminderDay(now, fromHour);
  if (!today) return null;
  return run(db, SYSTEM, enqueueReminders, { today });
}

/**
 * The reminder's mail, which its recipient can turn off: the signed one-click link that turns its kind off, at its
 * foot and in the RFC 8058 List-Unsubscribe headers.
 */
function withUnsubscribe(link: Link, reminder: Reminder, render: (unsubscribe: string) => Rendered) {
  const { unsubscribe, headers } = unsubscribeHeaders(link, reminder.to.id, reminder.kind);
  return { ...render(unsubscribe), headers };
}

function messageOf(r: Reminder, today: string, link: Link): OutgoingMessage {
  const envelope = {
    kind: r.kind,
    to: { personId: r.to.id, address: r.to.email, name: r.to.name },
    cohortId: r.cohortId,
    dedupeKey: reminderKey(r),
  };
  switch (r.kind) {
    case "visit_reminder":
      return {
        ...envelope,
        ...withUnsubscribe(link, r, (unsubscribe) =>
          visitReminderMail({
            name: r.to.name,
            role: r.role,
            today,
            cohort: r.visit.cohortName,
            host: r.visit.hostName,
            date: r.visit.date,
            startTime: r.visit.startTime,
            endTime: r.visit.endTime,
            address: r.visit.address,
            contactName: r.visit.contactName,
            link: link(paths.cohort(r.visit.cohortId).visit(r.visit.id).home()),
            unsubscribe,
          }),
        ),
        attachments: [visitCalendarFile(r.visit)],
      };
    case "session_overdue":
      return {
        ...envelope,
        ...withUnsubscribe(link, r, (unsubscribe) =>
          sessionOverdueMail({
            name: r.to.name,
            cohort: r.team.cohortName,
            teamNumber: r.team.number,
            team: teamLabel(r.team),
            lastSession: r.team.lastSessionDate,
            days: r.days,
            quietDays: r.team.quietDays,
            link: link(paths.cohort(r.team.cohortId).teamOf(r.team.id).sessions.new()),
            unsubscribe,
          }),
        ),
      };
    case "action_due":
      return {
        ...envelope,
        ...withUnsubscribe(link, r, (unsubscribe) =>
          actionDueMail({
            name: r.to.name,
            today,
            cohort: r.action.cohortName,
            team: teamLabel({ number: r.action.teamNumber, name: r.action.teamName }),
            action: r.action.text,
            dueDate: r.action.dueDate,
            link: link(
              paths.cohort(r.action.cohortId).teamOf(r.action.teamId).sessions.session(r.action.sessionId),
            ),
            unsubscribe,
          }),
        ),
      };
    case "health_digest":
      return {
        ...envelope,
        ...withUnsubscribe(link, r, (unsubscribe) =>
          healthDigestMail({
            name: r.to.name,
            weekOf: r.date,
            cohorts: r.cohorts.map((c) => ({
              name: c.name,
              teams: c.teams,
              flagged: c.flagged.map((t) => ({ label: t.label, flags: t.flags.map((f) => f.text) })),
              link: link(paths.cohort(c.id).health()),
            })),
            unsubscribe,
          }),
        ),
      };
  }
}

/** One line of the dry run: "visit_reminder  Pat Participant <pat@…>  Company visit tomorrow: Acme". */
export function describeReminder({ reminder, message }: PlannedReminder): string {
  return `${reminder.kind}  ${message.to.name} <${message.to.address}>  ${message.subject}  (for ${formatUkDate(reminder.date)})`;
}
