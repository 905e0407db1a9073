// Accounts: sign-in sessions, one-time set-password links and the record of failed sign-ins.
import { hashToken, randomToken } from "~/auth/tokens.server";
import { addMinutesIso, nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { LinkPurpose } from "../../db/types";
import { emailKey } from "./person.server";

export const SESSION_IDLE_MINUTES = 120;
export const SESSION_ABSOLUTE_MINUTES = 12 * 60;
export const LINK_VALID_MINUTES = 7 * 24 * 60;
export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom("people")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("people.email_key", "=", emailKey(email))
    .select(["people.id", "people.name", "people.email", "accounts.password_hash"])
    .executeTakeFirst();
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, personId: number): Promise<string> {
  const token = randomToken();
  const at = nowIso();
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      person_id: personId,
      created_at: at,
      last_seen_at: at,
      expires_at: addMinutesIso(at, SESSION_ABSOLUTE_MINUTES),
      flash: null,
      reveal: null,
    })
    .execute();
  return token;
}

export type SessionUser = {
  sessionId: string;
  personId: number;
  name: string;
  email: string;
  isAdmin: boolean;
  flash: string | null;
};

/** The signed-in person for a session token, or null when the session is unknown, idle too long or expired. */
export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const now = nowIso();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("people", "people.id", "sessions.person_id")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("sessions.id", "=", hashToken(token))
    .select([
      "sessions.id as sessionId",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.flash",
      "people.id as personId",
      "people.name",
      "people.email",
      "accounts.is_admin",
    ])
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now || addMinutesIso(row.last_seen_at, SESSION_IDLE_MINUTES) <= now) {
    await db.deleteFrom("sessions").where("id", "=", row.sessionId).execute();
    return null;
  }
  // Touch at most once a minute, so reads do not turn into a write per request.
  if (addMinutesIso(row.last_seen_at, 1) <= now) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", row.sessionId).execute();
  }
  return {
    sessionId: row.sessionId,
    personId: row.personId,
    name: row.name,
    email: row.email,
    isAdmin: row.is_admin === 1,
    flash: row.flash,
  };
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteSessionsOf(tx: Tx, personId: number) {
  await tx.deleteFrom("sessions").where("person_id", "=", personId).execute();
}

export async function setFlash(db: Db, sessionId: string, flash: string | null) {
  await db.updateTable("sessions").set({ flash }).where("id", "=", sessionId).execute();
}

export async function setReveal(db: Db, sessionId: string, reveal: string) {
  await db.updateTable("sessions").set({ reveal }).where("id", "=", sessionId).execute();
}

/** Reads the secret left for this session and forgets it, so it is shown once. */
export async function takeReveal(db: Db, sessionId: string): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("sessions")
      .where("id", "=", sessionId)
      .select("reveal")
      .executeTakeFirst();
    if (!row?.reveal) return null;
    await tx.updateTable("sessions").set({ reveal: null }).where("id", "=", sessionId).execute();
    return row.reveal;
  });
}

/** Creates a one-time link token (valid 7 days); earlier unused links of the person stop working. */
export async function createOneTimeLink(
  tx: Tx,
  input: { personId: number; purpose: LinkPurpose; createdBy: number | null },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const at = nowIso();
  const expiresAt = addMinutesIso(at, LINK_VALID_MINUTES);
  await tx
    .updateTable("one_time_links")
    .set({ used_at: at })
    .where("person_id", "=", input.personId)
    .where("used_at", "is", null)
    .execute();
  await tx
    .insertInto("one_time_links")
    .values({
      token_hash: hashToken(token),
      person_id: input.personId,
      purpose: input.purpose,
      created_by: input.createdBy,
      created_at: at,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export type LinkState =
  | { state: "valid"; linkId: number; personId: number; name: string; email: string; purpose: LinkPurpose }
  | { state: "expired" | "used" | "unknown" };

export async function checkOneTimeLink(db: Db, token: string): Promise<LinkState> {
  const row = await db
    .selectFrom("one_time_links")
    .innerJoin("people", "people.id", "one_time_links.person_id")
    .where("token_hash", "=", hashToken(token))
    .select([
      "one_time_links.id",
      "one_time_links.person_id",
      "one_time_links.purpose",
      "one_time_links.expires_at",
      "one_time_links.used_at",
      "people.name",
      "people.email",
    ])
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.used_at) return { state: "used" };
  if (row.expires_at <= nowIso()) return { state: "expired" };
  return {
    state: "valid",
    linkId: row.id,
    personId: row.person_id,
    name: row.name,
    email: row.email,
    purpose: row.purpose,
  };
}

/** Uses the link, sets the password and ends the person's sessions; false when the link was used meanwhile. */
export async function redeemOneTimeLink(tx: Tx, linkId: number, personId: number, passwordHash: string) {
  const at = nowIso();
  const used = await tx
    .updateTable("one_time_links")
    .set({ used_at: at })
    .where("id", "=", linkId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return false;
  await tx
    .updateTable("accounts")
    .set({ password_hash: passwordHash, password_set_at: at })
    .where("person_id", "=", personId)
    .execute();
  await deleteSessionsOf(tx, personId);
  return true;
}

export async function recordSignInFailure(tx: Tx, email: string, address: string) {
  await tx
    .insertInto("sign_in_failures")
    .values({ email_key: emailKey(email), address, at: nowIso() })
    .execute();
}

/** True when recent failures for this email or this address have reached their limit. */
export async function isSignInLocked(db: Db, email: string, address: string): Promise<boolean> {
  const since = addMinutesIso(nowIso(), -FAILURE_WINDOW_MINUTES);
  const counts = await db
    .selectFrom("sign_in_failures")
    .where("at", ">", since)
    .select((eb) => [
      eb.fn
        .sum<number>(eb.case().when("email_key", "=", emailKey(email)).then(1).else(0).end())
        .as("forEmail"),
      eb.fn.sum<number>(eb.case().when("address", "=", address).then(1).else(0).end()).as("forAddress"),
    ])
    .where((eb) => eb.or([eb("email_key", "=", emailKey(email)), eb("address", "=", address)]))
    .executeTakeFirst();
  return (
    Number(counts?.forEmail ?? 0) >= MAX_FAILURES_PER_ACCOUNT ||
    Number(counts?.forAddress ?? 0) >= MAX_FAILURES_PER_ADDRESS
  );
}

export async function clearSignInFailures(tx: Tx, email: string) {
  await tx.deleteFrom("sign_in_failures").where("email_key", "=", emailKey(email)).execute();
}
