// Mentoring sessions: logging a session, changing it, a private note on it, and marking an agreed action done
// or not done.

import type { SessionFormat } from "~/domain/vocabulary";
import type { ActionInput, SessionInput } from "~/models/mentoring.server";
import {
  addPrivateNote,
  claimSessionVersion,
  createSession,
  setActionDone,
  updateSession,
} from "~/models/mentoring.server";
import { type Actor, command, ok } from "./runner.server";

/** The person acting: mentoring is always done by someone, never by Tandem itself. */
export function actingPerson(actor: Actor): number {
  if (actor.personId === null) throw new Error("Mentoring changes are made by a signed-in person");
  return actor.personId;
}

type SessionForm = {
  date: string;
  duration: number;
  format: SessionFormat;
  summary: string;
  followUp: string | null;
  attendees: SessionInput["attendees"];
  actions: ActionInput[];
};

/** The session as the model takes it: the form's fields, the duration and follow-up under the model's names. */
function sessionInput(form: SessionForm): SessionInput {
  const { date, duration, format, summary, followUp, attendees, actions } = form;
  return { date, durationMinutes: duration, format, summary, followUpDate: followUp, attendees, actions };
}

type Team = { id: number; number: number; cohortId: number };

export const logSession = command({
  async execute(c, input: SessionForm & { privateNote: string | null; team: Team }) {
    const session = sessionInput(input);
    const id = await createSession(c.tx, input.team.id, actingPerson(c.actor), session, input.privateNote);
    c.audit({
      action: "mentoring.session_logged",
      subjectType: "mentoring_session",
      subjectId: id,
      cohortId: input.team.cohortId,
      details: {
        team: input.team.number,
        date: session.date,
        minutes: session.durationMinutes,
        attendees: session.attendees.length,
        actions: session.actions.length,
      },
    });
    return ok({ sessionId: id, actions: session.actions.length });
  },
});

type SessionBefore = {
  id: number;
  date: string;
  duration_minutes: number;
  format: SessionFormat;
  attendees: unknown[];
  actions: Array<{ id: number }>;
};

type ChangeSession = SessionForm & { version: number; team: Team; session: SessionBefore };

export const changeSession = command({
  claims: {
    record: "this session",
    claim: (tx, input: ChangeSession) => claimSessionVersion(tx, input.session.id, input.version),
  },
  async execute(c, input: ChangeSession) {
    const before = input.session;
    // Only this session's own actions can be kept by id.
    const ownIds = new Set(before.actions.map((a) => a.id));
    const actions = input.actions.map((a) => ({ ...a, id: a.id !== null && ownIds.has(a.id) ? a.id : null }));
    const after = sessionInput({ ...input, actions });
    await updateSession(c.tx, before.id, after, actingPerson(c.actor));
    c.audit({
      action: "mentoring.session_changed",
      subjectType: "mentoring_session",
      subjectId: before.id,
      cohortId: input.team.cohortId,
      details: {
        team: input.team.number,
        before: {
          date: before.date,
          minutes: before.duration_minutes,
          format: before.format,
          attendees: before.attendees.length,
          actions: before.actions.length,
        },
        after: {
          date: after.date,
          minutes: after.durationMinutes,
          format: after.format,
          attendees: after.attendees.length,
          actions: after.actions.length,
        },
      },
    });
    return ok();
  },
});

export const addSessionNote = command({
  async execute(c, input: { sessionId: number; cohortId: number; note: string }) {
    await addPrivateNote(c.tx, input.sessionId, actingPerson(c.actor), input.note);
    c.audit({
      action: "mentoring.private_note_added",
      subjectType: "mentoring_session",
      subjectId: input.sessionId,
      cohortId: input.cohortId,
      details: {},
    });
    return ok();
  },
});

export const markAction = command({
  async execute(
    c,
    input: { action: { id: number; session_id: number; text: string }; done: boolean; cohortId: number },
  ) {
    await setActionDone(c.tx, input.action.id, input.done, actingPerson(c.actor));
    c.audit({
      action: input.done ? "mentoring.action_done" : "mentoring.action_reopened",
      subjectType: "session_action",
      subjectId: input.action.id,
      cohortId: input.cohortId,
      details: { session: input.action.session_id, text: input.action.text },
    });
    return ok();
  },
});
