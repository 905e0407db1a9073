// The outbox: emails written in the transaction of the change that causes them, then claimed, sent and marked
// by the delivery worker (server/mail-delivery.ts). A claim is a lease: a process that dies while sending lets
// the lease run out, and the message is sent by whoever claims it next.
import { EventEmitter } from "node:events";
import type { OutgoingMessage } from "~/domain/mail/message";
import { headerSafe } from "~/domain/mail/message";
import type { MessageStatus } from "~/domain/vocabulary";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { claimingRows } from "../../db/dialect";

/** Told when a command has committed messages, so this process's worker sends them without waiting. */
export const outboxNudge = new EventEmitter();

/** Writes the messages; one whose dedupe key is already in the outbox is left out. Answers how many were written. */
export async function enqueueMessages(tx: Tx, messages: OutgoingMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const at = nowIso();
  const written = await tx
    .insertInto("outbox")
    .values(
      messages.map((m) => ({
        kind: m.kind,
        person_id: m.to.personId,
        cohort_id: m.cohortId ?? null,
        to_address: headerSafe(m.to.address),
        to_name: headerSafe(m.to.name),
        subject: headerSafe(m.subject),
        text_body: m.text,
        html_body: m.html,
        headers: JSON.stringify(m.headers ?? {}),
        attachments: JSON.stringify(m.attachments ?? []),
        dedupe_key: m.dedupeKey ?? null,
        next_attempt_at: at,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .execute();
  return written.length;
}

export type ClaimedMessage = Awaited<ReturnType<typeof claimDueMessages>>[number];

/**
 * Claims up to `limit` messages that are due (waiting, or sending under a lease that ran out) for `owner` until
 * `leaseUntil`, and returns them. On PostgreSQL two processes never claim the same message.
 */
export async function claimDueMessages(
  db: Db,
  owner: string,
  limit: number,
  now: string,
  leaseUntil: string,
) {
  return db.transaction().execute(async (tx) => {
    const due = await claimingRows(
      tx,
      tx
        .selectFrom("outbox")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
            eb.and([eb("status", "=", "sending"), eb("lease_until", "<", now)]),
          ]),
        )
        .orderBy("id")
        .limit(limit),
    ).execute();
    if (due.length === 0) return [];
    return tx
      .updateTable("outbox")
      .set((eb) => ({
        status: "sending",
        lease_owner: owner,
        lease_until: leaseUntil,
        attempts: eb("attempts", "+", 1),
      }))
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
}

/** The server accepted the message: it is never sent again. */
export async function markSent(db: Db, id: number, owner: string, response: string) {
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: nowIso(), smtp_response: response, lease_owner: null, lease_until: null })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** A temporary failure: try again at `nextAttemptAt`. */
export async function markRetry(db: Db, id: number, owner: string, error: string, nextAttemptAt: string) {
  await db
    .updateTable("outbox")
    .set({
      status: "pending",
      last_error: error,
      next_attempt_at: nextAttemptAt,
      lease_owner: null,
      lease_until: null,
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** A permanent failure (the server refused the address, or 24 hours of temporary ones): never tried again. */
export async function markFailed(db: Db, id: number, owner: string, error: string) {
  await db
    .updateTable("outbox")
    .set({ status: "failed", last_error: error, lease_owner: null, lease_until: null })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/**
 * Puts a failed (or waiting) message back in the queue, to go now, with a new period of tries counted from now. False
 * when there is no such message.
 */
export async function requeueMessage(tx: Tx, id: number): Promise<boolean> {
  const now = nowIso();
  const result = await tx
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: now, queued_at: now, lease_owner: null, lease_until: null })
    .where("id", "=", id)
    .where("status", "in", ["failed", "pending"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const LISTED = [
  "id",
  "kind",
  "to_address",
  "to_name",
  "subject",
  "status",
  "attempts",
  "last_error",
  "created_at",
  "sent_at",
] as const;

/** The newest messages first, optionally of one status, a page at a time. */
export async function listMessages(
  db: Db,
  { status, limit, offset }: { status?: MessageStatus; limit: number; offset: number },
) {
  let query = db.selectFrom("outbox").select(LISTED);
  if (status) query = query.where("status", "=", status);
  return query.orderBy("id", "desc").limit(limit).offset(offset).execute();
}

export async function countMessages(db: Db) {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)])) as Partial<
    Record<MessageStatus, number>
  >;
}

export async function getMessage(db: Db, id: number) {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
