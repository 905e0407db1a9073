// Personal calendar feeds: a random token in the URL (only its hash is stored) that the person can reset.

import { nowIso } from "~/utils/time";
import { hashToken, randomToken } from "~/utils/tokens.server";
import type { Db, Tx } from "../../db/connection";

/** Makes a new token for the person, replacing (and so turning off) any earlier one. */
export async function resetCalendarFeed(tx: Tx, personId: number): Promise<string> {
  const token = randomToken();
  await tx.deleteFrom("calendar_feeds").where("person_id", "=", personId).execute();
  await tx
    .insertInto("calendar_feeds")
    .values({ person_id: personId, token_hash: hashToken(token), created_at: nowIso() })
    .execute();
  return token;
}

export async function getCalendarFeed(db: Db, personId: number) {
  return db
    .selectFrom("calendar_feeds")
    .where("person_id", "=", personId)
    .select("created_at")
    .executeTakeFirst();
}

/** The person a feed token belongs to, or undefined for an unknown or reset token. */
export async function findFeedOwner(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom("calendar_feeds as f")
    .innerJoin("people as p", "p.id", "f.person_id")
    .where("f.token_hash", "=", hashToken(token))
    .select(["p.id", "p.name"])
    .executeTakeFirst();
}
