// Accounts: sign-in sessions, one-time set-password links and the record of failed sign-ins.

import { type FailureCount, THROTTLE_RULES, type ThrottleScope } from "~/domain/sign-in-throttle";
import { addMinutesIso, nowIso } from "~/utils/time";
import { hashToken, randomToken } from "~/utils/tokens.server";
import type { Db, Tx } from "../../db/connection";
import type { LinkPurpose, SignInMethod } from "../../db/types";
import { emailKey } from "./person.server";

export const SESSION_IDLE_MINUTES = 120;
export const SESSION_ABSOLUTE_MINUTES = 12 * 60;
/** How long a link a coordinator or an administrator issues (an invitation, a reset they hand over) works. */
export const LINK_VALID_MINUTES = 7 * 24 * 60;
/**
 * How long a reset link the person asked for themselves (the forgotten-password page) works: it arrives at once in
 * their own mailbox, so it need not outlive the moment; a short life narrows what a leaked email can do (ASVS V6.4).
 */
export const SELF_SERVICE_RESET_MINUTES = 60;
const LONGEST_FAILURE_WINDOW_MINUTES = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMinutes));

export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom("people")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("people.email_key", "=", emailKey(email))
    .select(["people.id", "people.name", "people.email", "accounts.password_hash"])
    .executeTakeFirst();
}

/** How long a second factor, a passkey or an identity provider vouches for a person before a dangerous action. */
export const STEP_UP_MINUTES = 10;

/** A session that came from an identity provider: which one, and its ID token (sealed), for its sign-out. */
export type SessionSso = { providerId: number; sealedIdToken: string };

/**
 * Starts a session and returns the token for the cookie; only its hash is stored. `method` says how it began; a
 * method with a second factor (anything but "password") counts as verified now.
 */
export async function createSession(
  db: Db,
  personId: number,
  method: SignInMethod = "password",
  sso: SessionSso | null = null,
): Promise<string> {
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
      method,
      verified_at: method === "password" ? null : at,
      sso_provider_id: sso?.providerId ?? null,
      sso_id_token: sso?.sealedIdToken ?? null,
    })
    .execute();
  return token;
}

/** The signed-in person for a session token, or null when the session is unknown, idle too long or expired. */
export async function findSessionUser(db: Db, token: string) {
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
      "sessions.method",
      "sessions.verified_at",
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
    method: row.method,
    /** When a second factor or an identity provider last vouched for the person in this session, or null. */
    verifiedAt: row.verified_at,
  };
}

/** Whether a second factor or the identity provider vouched for the person within the last STEP_UP_MINUTES. */
export function recentlyVerified(user: { verifiedAt: string | null }, now = nowIso()): boolean {
  return user.verifiedAt !== null && addMinutesIso(user.verifiedAt, STEP_UP_MINUTES) > now;
}

/** The person has just confirmed it is them (a code, a passkey, the provider): dangerous actions are open again. */
export async function markSessionVerified(db: Db, sessionId: string) {
  await db.updateTable("sessions").set({ verified_at: nowIso() }).where("id", "=", sessionId).execute();
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

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

/**
 * Creates a one-time link token (valid 7 days unless `validMinutes` says otherwise); earlier unused links of the
 * person stop working.
 */
export async function createOneTimeLink(
  tx: Tx,
  input: { personId: number; purpose: LinkPurpose; createdBy: number | null; validMinutes?: number },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const at = nowIso();
  const expiresAt = addMinutesIso(at, input.validMinutes ?? LINK_VALID_MINUTES);
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

/** Records a failed sign-in, and forgets this email's and this address's failures too old to count any more. */
export async function recordSignInFailure(tx: Tx, email: string, address: string) {
  const at = nowIso();
  const key = emailKey(email);
  await tx
    .deleteFrom("sign_in_failures")
    .where((eb) => eb.or([eb("email_key", "=", key), eb("address", "=", address)]))
    .where("at", "<=", addMinutesIso(at, -LONGEST_FAILURE_WINDOW_MINUTES))
    .execute();
  await tx.insertInto("sign_in_failures").values({ email_key: key, address, at }).execute();
}

/**
 * Recent failed sign-ins for the pair (email, address), for the email from anywhere and for the address with any
 * email, each counted over its own window (`since`), with the latest of each. Without an email (before the form is
 * read) only the address is counted.
 */
export async function countSignInFailures(
  db: Db,
  input: { email?: string; address: string; since: Record<ThrottleScope, string> },
): Promise<Partial<Record<ThrottleScope, FailureCount>>> {
  const { address, since } = input;
  const earliest = [since.pair, since.email, since.address].sort()[0]!;
  if (input.email === undefined) {
    const row = await db
      .selectFrom("sign_in_failures")
      .where("address", "=", address)
      .where("at", ">", since.address)
      .select((eb) => [eb.fn.countAll<number | string>().as("failures"), eb.fn.max("at").as("latestAt")])
      .executeTakeFirst();
    return { address: { failures: Number(row?.failures ?? 0), latestAt: row?.latestAt ?? null } };
  }
  const key = emailKey(input.email);
  const row = await db
    .selectFrom("sign_in_failures")
    .where((eb) => eb.or([eb("email_key", "=", key), eb("address", "=", address)]))
    .where("at", ">", earliest)
    .select((eb) => {
      const inScope = {
        pair: eb.and([eb("email_key", "=", key), eb("address", "=", address), eb("at", ">", since.pair)]),
        email: eb.and([eb("email_key", "=", key), eb("at", ">", since.email)]),
        address: eb.and([eb("address", "=", address), eb("at", ">", since.address)]),
      };
      const count = (scope: ThrottleScope) =>
        eb.fn.sum<number | string>(eb.case().when(inScope[scope]).then(1).else(0).end());
      const latest = (scope: ThrottleScope) =>
        eb.fn.max(eb.case().when(inScope[scope]).then(eb.ref("at")).else(null).end());
      return [
        count("pair").as("pairFailures"),
        latest("pair").as("pairLatest"),
        count("email").as("emailFailures"),
        latest("email").as("emailLatest"),
        count("address").as("addressFailures"),
        latest("address").as("addressLatest"),
      ];
    })
    .executeTakeFirst();
  return {
    pair: { failures: Number(row?.pairFailures ?? 0), latestAt: row?.pairLatest ?? null },
    email: { failures: Number(row?.emailFailures ?? 0), latestAt: row?.emailLatest ?? null },
    address: { failures: Number(row?.addressFailures ?? 0), latestAt: row?.addressLatest ?? null },
  };
}

/** The right password: this pair's failures are forgotten (not those from elsewhere, which may be an attacker's). */
export async function clearSignInFailures(tx: Tx, email: string, address: string) {
  await tx
    .deleteFrom("sign_in_failures")
    .where("email_key", "=", emailKey(email))
    .where("address", "=", address)
    .execute();
}
