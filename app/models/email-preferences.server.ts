// Which kinds of email people have turned off. Essential mail (invitations, password resets) cannot be.
import { ESSENTIAL_MESSAGE_KINDS, type MessageKind } from "~/domain/vocabulary";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

/** Of these people, those who turned `kind` off: a command leaves them out when it sends that kind. */
export async function optedOut(db: Db, personIds: number[], kind: MessageKind): Promise<Set<number>> {
  if (personIds.length === 0 || ESSENTIAL_MESSAGE_KINDS.includes(kind)) return new Set();
  const rows = await db
    .selectFrom("email_opt_outs")
    .select("person_id")
    .where("kind", "=", kind)
    .where("person_id", "in", personIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** The kinds one person has turned off. */
export async function optOutsOf(db: Db, personId: number): Promise<MessageKind[]> {
  const rows = await db
    .selectFrom("email_opt_outs")
    .select("kind")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.kind);
}

/** Turns `kind` off (or on again) for a person. Essential kinds stay on. */
export async function setOptOut(tx: Tx, personId: number, kind: MessageKind, off: boolean) {
  if (ESSENTIAL_MESSAGE_KINDS.includes(kind)) return;
  if (off)
    await tx
      .insertInto("email_opt_outs")
      .values({ person_id: personId, kind, created_at: nowIso() })
      .onConflict((oc) => oc.columns(["person_id", "kind"]).doNothing())
      .execute();
  else
    await tx
      .deleteFrom("email_opt_outs")
      .where("person_id", "=", personId)
      .where("kind", "=", kind)
      .execute();
}
