// The one way data changes: run(db, actor, command, input) opens the transaction, claims the record's version,
// runs the command, and applies the side effects it declared (audit events, emails to the outbox) in the same
// transaction. A command that answers "invalid", "conflict" or "forbidden" changes nothing: the transaction
// rolls back.
import type { Transaction } from "kysely";
import type { Actor } from "~/domain/actor";
import type { AuditEvent } from "~/domain/audit";
import type { OutgoingMessage } from "~/domain/mail/message";
import { conflict, type Ok, type Outcome, type Refusal } from "~/domain/outcome";
import { enqueueMessages, outboxNudge } from "~/models/outbox.server";
import { findSubmission, recordSubmission } from "~/models/submission.server";
import { appUrl } from "~/utils/env.server";
import { nowIso } from "~/utils/time";
import type { Db } from "../../db/connection";
import type { Database } from "../../db/types";

export type Tx = Transaction<Database>;

export type { Actor } from "~/domain/actor";

export const SYSTEM: Actor = { personId: null, address: null };

export {
  type Conflict,
  conflict,
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type Ok,
  type Outcome,
  ok,
  type Refusal,
} from "~/domain/outcome";

/** What a command sees: the transaction, who acts, and how to declare side effects. */
export type CommandContext = {
  tx: Tx;
  actor: Actor;
  /** Records an audit event, written when the command succeeds. */
  audit(event: AuditEvent): void;
  /** Declares an email, written to the outbox when the command succeeds (and sent after it commits). */
  send(message: OutgoingMessage): void;
  /** An absolute link to a path of Tandem, for an email. */
  link(path: string): string;
};

export type Command<I, T> = {
  /**
   * The optimistic version check, run first: `record` names what is guarded ("the teams") for the conflict
   * message; `claim` bumps the version and answers false when the form's version is stale.
   */
  claims?: { record: string; claim: (tx: Tx, input: I) => Promise<boolean> };
  execute: (c: CommandContext, input: I) => Promise<Outcome<T>>;
  /**
   * What is kept under a one-time key to answer a repeat (`run(…, { once })`): the whole answer unless the command
   * says otherwise. An answer holding a secret (a one-time link's token) keeps it without the secret.
   */
  kept?: (outcome: Ok<T>) => Ok<T>;
};

/** Declares a command (the identity, for the types). */
export function command<I, T>(spec: Command<I, T>): Command<I, T> {
  return spec;
}

class Rollback extends Error {
  constructor(readonly outcome: Refusal) {
    super("rolled back");
  }
}

/**
 * Runs `cmd` in one transaction; its audit events and emails are written in that transaction when it succeeds.
 * With `once` (a form's one-time key, for forms that create a record), a change already made with that key is not
 * made again: the first outcome is answered, and nothing is created twice (double clicks, retried requests).
 */
export async function run<I, T>(
  db: Db,
  actor: Actor,
  cmd: Command<I, T>,
  input: I,
  { once }: { once?: string | null } = {},
): Promise<Outcome<T>> {
  // The key is the signed-in person's, or nobody's for a form sent by nobody signed in (the forgotten-password page).
  const key = once ? { personId: actor.personId, key: once } : null;
  let enqueued = 0;
  try {
    const outcome = await db.transaction().execute(async (tx) => {
      if (key) {
        const earlier = await findSubmission(tx, key.personId, key.key);
        if (earlier !== undefined) return earlier as Outcome<T>;
      }
      if (cmd.claims && !(await cmd.claims.claim(tx, input))) throw new Rollback(conflict(cmd.claims.record));
      const events: AuditEvent[] = [];
      const messages: OutgoingMessage[] = [];
      const base = (actor.appUrl ?? appUrl()).replace(/\/$/, "");
      const outcome = await cmd.execute(
        {
          tx,
          actor,
          audit: (event) => events.push(event),
          send: (message) => messages.push(message),
          link: (path) => `${base}${path}`,
        },
        input,
      );
      if (!outcome.ok) throw new Rollback(outcome);
      await writeAuditEvents(tx, actor, events);
      enqueued = await enqueueMessages(tx, messages);
      if (key) await recordSubmission(tx, key.personId, key.key, cmd.kept ? cmd.kept(outcome) : outcome);
      return outcome;
    });
    // Committed: the delivery worker in this process need not wait for its next look at the outbox.
    if (enqueued > 0) outboxNudge.emit("enqueued");
    return outcome;
  } catch (error) {
    // Two copies of one submission at once (PostgreSQL lets both in): the one that lost answers the winner's outcome,
    // whether it failed on the key or was refused by what the winner made (a name now taken, a version now stale).
    if (key) {
      const earlier = await findSubmission(db, key.personId, key.key);
      if (earlier !== undefined) return earlier as Outcome<T>;
    }
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

async function writeAuditEvents(tx: Tx, actor: Actor, events: AuditEvent[]) {
  if (events.length === 0) return;
  const at = nowIso();
  await tx
    .insertInto("audit_events")
    .values(
      events.map((event) => ({
        at,
        actor_person_id: actor.personId,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId ?? null,
        cohort_id: event.cohortId ?? null,
        address: actor.address,
        details: JSON.stringify(event.details),
      })),
    )
    .execute();
}
