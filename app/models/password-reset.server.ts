// The forgotten-password page's reads and writes: the account an email address names, and the page's rate limit:
// at most a few reset links an hour for one email address and a few more from one client address. Every request it lets through counts, for an email Tandem knows or not, so its
// answer never depends on who has an account; requests it turns away are not counted, so the window ends an hour
// after the requests that filled it.

import { addMinutesIso, nowIso } from "~/utils/time";
import { hashToken } from "~/utils/tokens.server";
import type { Db, Tx } from "../../db/connection";
import { emailKey } from "./person.server";

export const RESET_WINDOW_MINUTES = 60;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_ADDRESS = 10;

const emailHash = (email: string) => hashToken(emailKey(email));

/** True when the last hour's requests for this email or from this address have reached their limit. */
export async function resetRequestLimited(db: Db, email: string, address: string): Promise<boolean> {
  const hash = emailHash(email);
  const counts = await db
    .selectFrom("password_reset_requests")
    .where("at", ">", addMinutesIso(nowIso(), -RESET_WINDOW_MINUTES))
    .where((eb) => eb.or([eb("email_hash", "=", hash), eb("address", "=", address)]))
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("email_hash", "=", hash).then(1).else(0).end()).as("forEmail"),
      eb.fn.sum<number>(eb.case().when("address", "=", address).then(1).else(0).end()).as("forAddress"),
    ])
    .executeTakeFirst();
  return (
    Number(counts?.forEmail ?? 0) >= MAX_RESETS_PER_EMAIL ||
    Number(counts?.forAddress ?? 0) >= MAX_RESETS_PER_ADDRESS
  );
}

/** Counts a request, and forgets those older than the window: the table holds the last hour only. */
export async function recordResetRequest(tx: Tx, email: string, address: string) {
  const at = nowIso();
  await tx
    .deleteFrom("password_reset_requests")
    .where("at", "<=", addMinutesIso(at, -RESET_WINDOW_MINUTES))
    .execute();
  await tx
    .insertInto("password_reset_requests")
    .values({ email_hash: emailHash(email), address, at })
    .execute();
}

/** The account of the person with this email, unless they were anonymised (whose address is no one's). */
export async function resettableAccount(db: Db, email: string) {
  return db
    .selectFrom("people")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("people.email_key", "=", emailKey(email))
    .where("people.anonymised_at", "is", null)
    .select(["people.id", "people.name"])
    .executeTakeFirst();
}
