// Two-step verification's records: a person's authenticator key, recovery codes, the pending step between the
// password and the code, and wrong codes per person.
import { hash, verify } from "@node-rs/argon2";
import { PENDING_SIGN_IN_MINUTES, WRONG_CODES_PER_PERSON } from "~/domain/second-factor";
import type { SecondStepPurpose } from "~/domain/vocabulary";
import { addMinutesIso, nowIso } from "~/utils/time";
import { hashToken, randomToken } from "~/utils/tokens.server";
import type { Db, Tx } from "../../db/connection";

export async function getSecondFactor(db: Db, personId: number) {
  return db
    .selectFrom("second_factors")
    .where("person_id", "=", personId)
    .select(["totp_key", "enrolled_at", "last_step"])
    .executeTakeFirst();
}

/**
 * Whether the person must use two-step verification: administrators, anyone coordinating a cohort, and everyone
 * in a cohort of a programme that requires it (withdrawn memberships do not count).
 */
export async function secondFactorRequired(db: Db, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom("accounts")
    .where("accounts.person_id", "=", personId)
    .select((eb) => [
      "accounts.is_admin",
      eb
        .exists(
          eb
            .selectFrom("memberships")
            .innerJoin("cohorts", "cohorts.id", "memberships.cohort_id")
            .innerJoin("programmes", "programmes.id", "cohorts.programme_id")
            .whereRef("memberships.person_id", "=", "accounts.person_id")
            .where("memberships.withdrawn_at", "is", null)
            .where((w) =>
              w.or([
                w("memberships.role", "=", "coordinator"),
                w("programmes.require_second_factor", "=", 1),
              ]),
            )
            .select("memberships.id"),
        )
        .as("required_by_cohort"),
    ])
    .executeTakeFirst();
  if (!row) return false;
  return row.is_admin === 1 || Boolean(Number(row.required_by_cohort));
}

/**
 * Sets up the authenticator (replacing any earlier one); the code that confirmed it counts as used (`step`; null
 * for a key set up without a code, as the demo's are).
 */
export async function saveSecondFactor(tx: Tx, personId: number, sealedKey: string, step: number | null) {
  await tx.deleteFrom("second_factors").where("person_id", "=", personId).execute();
  await tx
    .insertInto("second_factors")
    .values({ person_id: personId, totp_key: sealedKey, enrolled_at: nowIso(), last_step: step })
    .execute();
}

/**
 * Marks the time-step as used, only when it is later than the last one used: false when a code of this step or a
 * later one was accepted already (a replay, or two requests racing with the same code).
 */
export async function claimTimeStep(tx: Tx, personId: number, step: number): Promise<boolean> {
  const result = await tx
    .updateTable("second_factors")
    .set({ last_step: step })
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes the authenticator, the recovery codes and any pending sign-in of the person. */
export async function deleteSecondFactor(tx: Tx, personId: number) {
  await tx.deleteFrom("second_factors").where("person_id", "=", personId).execute();
  await tx.deleteFrom("recovery_codes").where("person_id", "=", personId).execute();
  await tx.deleteFrom("pending_sign_ins").where("person_id", "=", personId).execute();
}

/** Replaces the person's recovery codes with these (hashed with argon2id: they are short, like passwords). */
export async function replaceRecoveryCodes(tx: Tx, personId: number, codes: string[]) {
  const hashes = await Promise.all(codes.map((code) => hash(code)));
  const at = nowIso();
  await tx.deleteFrom("recovery_codes").where("person_id", "=", personId).execute();
  await tx
    .insertInto("recovery_codes")
    .values(hashes.map((code_hash) => ({ person_id: personId, code_hash, created_at: at, used_at: null })))
    .execute();
}

/** Uses one of the person's unused recovery codes; false when none matches (or it was used meanwhile). */
export async function spendRecoveryCode(tx: Tx, personId: number, code: string): Promise<boolean> {
  const unused = await tx
    .selectFrom("recovery_codes")
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .select(["id", "code_hash"])
    .execute();
  const matches = await Promise.all(unused.map((row) => verify(row.code_hash, code).catch(() => false)));
  const match = unused.find((_, i) => matches[i]);
  if (!match) return false;
  const result = await tx
    .updateTable("recovery_codes")
    .set({ used_at: nowIso() })
    .where("id", "=", match.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, personId: number): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

type NewPending = {
  personId: number;
  redirectTo: string;
  purpose: SecondStepPurpose;
  pendingKey: string | null;
  signedIn: boolean;
};

/** Starts the step after the password; returns the token for its cookie (only its hash is kept). */
export async function createPendingSignIn(tx: Tx, input: NewPending): Promise<string> {
  const token = randomToken();
  const at = nowIso();
  // Expired ones of anybody go, and this person's earlier ones: one pending sign-in at a time.
  await tx
    .deleteFrom("pending_sign_ins")
    .where((eb) => eb.or([eb("expires_at", "<=", at), eb("person_id", "=", input.personId)]))
    .execute();
  await tx
    .insertInto("pending_sign_ins")
    .values({
      token_hash: hashToken(token),
      person_id: input.personId,
      redirect_to: input.redirectTo,
      purpose: input.purpose,
      failures: 0,
      pending_key: input.pendingKey,
      reveal: null,
      signed_in: input.signedIn ? 1 : 0,
      created_at: at,
      expires_at: addMinutesIso(at, PENDING_SIGN_IN_MINUTES),
    })
    .execute();
  return token;
}

/** The pending sign-in a cookie's token names, unless it has expired. */
export async function findPendingSignIn(db: Db, token: string) {
  const row = await db
    .selectFrom("pending_sign_ins")
    .innerJoin("people", "people.id", "pending_sign_ins.person_id")
    .where("pending_sign_ins.token_hash", "=", hashToken(token))
    .select([
      "pending_sign_ins.id",
      "pending_sign_ins.person_id as personId",
      "pending_sign_ins.redirect_to as redirectTo",
      "pending_sign_ins.purpose",
      "pending_sign_ins.failures",
      "pending_sign_ins.pending_key as pendingKey",
      "pending_sign_ins.reveal",
      "pending_sign_ins.signed_in as signedIn",
      "pending_sign_ins.expires_at as expiresAt",
      "people.email",
      "people.name",
    ])
    .executeTakeFirst();
  if (!row || row.expiresAt <= nowIso()) return undefined;
  return row;
}

export type PendingSignIn = NonNullable<Awaited<ReturnType<typeof findPendingSignIn>>>;

/** Counts a wrong code against the pending sign-in; answers the failures so far. */
export async function countPendingFailure(tx: Tx, pendingId: number): Promise<number> {
  await tx
    .updateTable("pending_sign_ins")
    .set((eb) => ({ failures: eb("failures", "+", 1) }))
    .where("id", "=", pendingId)
    .execute();
  const row = await tx
    .selectFrom("pending_sign_ins")
    .where("id", "=", pendingId)
    .select("failures")
    .executeTakeFirst();
  return row?.failures ?? 0;
}

/** The key is confirmed: the pending sign-in now holds the new recovery codes (sealed) to show once. */
export async function pendingToRecoveryCodes(tx: Tx, pendingId: number, sealedCodes: string) {
  await tx
    .updateTable("pending_sign_ins")
    .set({ pending_key: null, reveal: sealedCodes })
    .where("id", "=", pendingId)
    .execute();
}

/** Reads the codes left to show and forgets them, so they are shown once. */
export async function takePendingReveal(db: Db, pendingId: number): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("pending_sign_ins")
      .where("id", "=", pendingId)
      .select("reveal")
      .executeTakeFirst();
    if (!row?.reveal) return null;
    await tx.updateTable("pending_sign_ins").set({ reveal: null }).where("id", "=", pendingId).execute();
    return row.reveal;
  });
}

export async function deletePendingSignIn(tx: Tx, pendingId: number) {
  await tx.deleteFrom("pending_sign_ins").where("id", "=", pendingId).execute();
}

/** Records a wrong code of the person, and forgets their wrong codes too old to count any more. */
export async function recordCodeFailure(tx: Tx, personId: number) {
  const at = nowIso();
  await tx
    .deleteFrom("second_factor_failures")
    .where("person_id", "=", personId)
    .where("at", "<=", addMinutesIso(at, -WRONG_CODES_PER_PERSON.windowMinutes))
    .execute();
  await tx.insertInto("second_factor_failures").values({ person_id: personId, at }).execute();
}

/** When the person's wrong codes within the window were entered. */
export async function recentCodeFailures(db: Db, personId: number, now = nowIso()): Promise<string[]> {
  const rows = await db
    .selectFrom("second_factor_failures")
    .where("person_id", "=", personId)
    .where("at", ">", addMinutesIso(now, -WRONG_CODES_PER_PERSON.windowMinutes))
    .select("at")
    .execute();
  return rows.map((row) => row.at);
}
