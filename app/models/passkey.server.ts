// Passkeys (WebAuthn credentials) and the single-use challenges of their ceremonies. Every read of a person's
// passkeys is scoped by the person, so a passkey of someone else is simply not found.
import type { WebauthnPurpose } from "~/domain/vocabulary";
import { addMinutesIso, nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

/** How long a challenge may be answered. */
export const CHALLENGE_MINUTES = 5;

export async function listPasskeys(db: Db, personId: number) {
  return db
    .selectFrom("passkeys")
    .where("person_id", "=", personId)
    .select(["id", "name", "created_at", "last_used_at", "device_type", "backed_up"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function countPasskeys(db: Db, personId: number): Promise<number> {
  const row = await db
    .selectFrom("passkeys")
    .where("person_id", "=", personId)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One of the person's own passkeys, or undefined (also when it is someone else's). */
export async function getPasskeyOf(db: Db, personId: number, passkeyId: number) {
  return db
    .selectFrom("passkeys")
    .where("person_id", "=", personId)
    .where("id", "=", passkeyId)
    .select(["id", "name", "created_at", "last_used_at"])
    .executeTakeFirst();
}

/** The credentials of the person, for a ceremony's allow or exclude list. */
export async function credentialsOf(db: Db, personId: number) {
  const rows = await db
    .selectFrom("passkeys")
    .where("person_id", "=", personId)
    .select(["credential_id", "transports"])
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.credential_id, transports: parseTransports(row.transports) }));
}

export function parseTransports(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/**
 * A stored passkey by its credential id, with its owner, for verifying an answer. `usable` is false when the owner
 * can no longer sign in (anonymised, or without an account): such a passkey never works.
 */
export async function findPasskeyByCredential(db: Db, credentialId: string) {
  const row = await db
    .selectFrom("passkeys")
    .innerJoin("people", "people.id", "passkeys.person_id")
    .leftJoin("accounts", "accounts.person_id", "people.id")
    .where("passkeys.credential_id", "=", credentialId)
    .select([
      "passkeys.id",
      "passkeys.person_id",
      "passkeys.credential_id",
      "passkeys.public_key",
      "passkeys.counter",
      "passkeys.transports",
      "passkeys.name",
      "people.email",
      "people.anonymised_at",
      "accounts.person_id as account_person_id",
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    counter: Number(row.counter),
    usable: !row.anonymised_at && row.account_person_id !== null,
  };
}

export async function insertPasskey(
  tx: Tx,
  input: {
    personId: number;
    credentialId: string;
    publicKey: string;
    counter: number;
    transports: string[];
    deviceType: "singleDevice" | "multiDevice";
    backedUp: boolean;
    name: string;
  },
) {
  const row = await tx
    .insertInto("passkeys")
    .values({
      person_id: input.personId,
      credential_id: input.credentialId,
      public_key: input.publicKey,
      counter: input.counter,
      transports: JSON.stringify(input.transports),
      device_type: input.deviceType,
      backed_up: input.backedUp ? 1 : 0,
      name: input.name,
      created_at: nowIso(),
      last_used_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function credentialTaken(tx: Tx, credentialId: string): Promise<boolean> {
  const row = await tx
    .selectFrom("passkeys")
    .where("credential_id", "=", credentialId)
    .select("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** After a verified use: the new counter, the backup state, and when it was last used. */
export async function recordPasskeyUse(tx: Tx, passkeyId: number, counter: number, backedUp: boolean) {
  await tx
    .updateTable("passkeys")
    .set({ counter, backed_up: backedUp ? 1 : 0, last_used_at: nowIso() })
    .where("id", "=", passkeyId)
    .execute();
}

/** Renames one of the person's own passkeys; false when they have none with that id. */
export async function renamePasskeyOf(tx: Tx, personId: number, passkeyId: number, name: string) {
  const result = await tx
    .updateTable("passkeys")
    .set({ name })
    .where("person_id", "=", personId)
    .where("id", "=", passkeyId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes one of the person's own passkeys; false when they have none with that id. */
export async function deletePasskeyOf(tx: Tx, personId: number, passkeyId: number) {
  const result = await tx
    .deleteFrom("passkeys")
    .where("person_id", "=", personId)
    .where("id", "=", passkeyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Removes every passkey of the person, and their unanswered challenges (an administrator's reset of their second
 * factor). Answers how many passkeys were removed.
 */
export async function removePasskeysOf(tx: Tx, personId: number): Promise<number> {
  await tx.deleteFrom("webauthn_challenges").where("person_id", "=", personId).execute();
  const result = await tx.deleteFrom("passkeys").where("person_id", "=", personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Stores a new challenge, valid for CHALLENGE_MINUTES. Expired ones are forgotten as new ones come, so the table
 * holds a few minutes of ceremonies at most (an answer to a forgotten challenge is refused as unknown).
 */
export async function storeChallenge(
  tx: Tx,
  input: { challenge: string; purpose: WebauthnPurpose; personId: number | null },
) {
  const at = nowIso();
  await tx.deleteFrom("webauthn_challenges").where("expires_at", "<=", at).execute();
  await tx
    .insertInto("webauthn_challenges")
    .values({
      challenge: input.challenge,
      purpose: input.purpose,
      person_id: input.personId,
      created_at: at,
      expires_at: addMinutesIso(at, CHALLENGE_MINUTES),
      used_at: null,
    })
    .execute();
}

/**
 * Uses the challenge: true only when it was issued for this purpose (and this person, when it was issued to one),
 * is not expired and was not used before. Run in the transaction that verifies the answer, so it is used once.
 */
export async function consumeChallenge(
  tx: Tx,
  input: { challenge: string; purpose: WebauthnPurpose; personId: number | null },
): Promise<boolean> {
  const at = nowIso();
  const result = await tx
    .updateTable("webauthn_challenges")
    .set({ used_at: at })
    .where("challenge", "=", input.challenge)
    .where("purpose", "=", input.purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .where((eb) =>
      input.personId === null ? eb("person_id", "is", null) : eb("person_id", "=", input.personId),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
