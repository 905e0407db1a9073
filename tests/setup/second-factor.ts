// What the test helpers know of two-step verification: each person's authenticator key (read from the pages that
// set it up, or from the server's database), the last time-step whose code was used (a code is never accepted
// twice), and their recovery codes. Codes are computed here, as the person's app would.
import { hash } from "@node-rs/argon2";
import { newRecoveryCodes, newTotpKey, totpCode } from "~/auth/totp.server";
import { TOTP, timeStep } from "~/domain/second-factor";
import { openSecret, sealSecret } from "~/utils/secret-box.server";
import type { Db } from "../../db/connection";

type Known = { key: string; lastStep: number | null; recoveryCodes: string[] };

const known = new Map<string, Known>();
const databases = new Map<string, Db>();

const id = (url: string, email: string) => `${new URL(url).origin}|${email.toLowerCase()}`;

/** The database a test server started here runs on, so the helpers can read a key set up some other way. */
export function registerServerDatabase(url: string, db: Db) {
  databases.set(new URL(url).origin, db);
}

export function forgetServerDatabase(url: string) {
  databases.delete(new URL(url).origin);
}

/** Remembers a key read from the set-up page, and the recovery codes shown after it. */
export function rememberKey(url: string, email: string, key: string, lastStep: number | null = null) {
  known.set(id(url, email), { key: key.replace(/\s/g, ""), lastStep, recoveryCodes: [] });
}

export function rememberRecoveryCodes(url: string, email: string, codes: string[]) {
  const entry = known.get(id(url, email));
  if (entry) entry.recoveryCodes = codes;
}

/** The person's key and the last step used: from the database when the server is ours, else from what we saw. */
async function keyOf(url: string, email: string): Promise<Known | undefined> {
  const remembered = known.get(id(url, email));
  const db = databases.get(new URL(url).origin);
  if (!db) return remembered;
  const row = await db
    .selectFrom("second_factors")
    .innerJoin("people", "people.id", "second_factors.person_id")
    .where("people.email_key", "=", email.toLowerCase())
    .select(["second_factors.totp_key", "second_factors.last_step"])
    .executeTakeFirst();
  if (!row) return remembered;
  const key = openSecret(row.totp_key);
  const lastStep = Math.max(row.last_step ?? -1, remembered?.key === key ? (remembered.lastStep ?? -1) : -1);
  const entry = {
    key,
    lastStep: lastStep < 0 ? null : lastStep,
    recoveryCodes: remembered?.recoveryCodes ?? [],
  };
  known.set(id(url, email), entry);
  return entry;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A code the server will accept now for a key whose codes up to `lastStep` were used: this step's, or the next
 * step's (one step of drift is allowed), or, when both were used, this step's after waiting for the next step.
 */
export async function freshCode(
  key: string,
  lastStep: number | null,
): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now();
    const current = timeStep(now);
    for (const step of [current, current + 1]) {
      if (lastStep === null || step > lastStep)
        return { code: totpCode(key, step * TOTP.period * 1000), step };
    }
    await sleep((current + 1) * TOTP.period * 1000 - now + 50);
  }
}

/** The next code for a person, marked used (as the server will mark it); undefined when their key is unknown. */
export async function nextCodeFor(url: string, email: string): Promise<string | undefined> {
  const entry = await keyOf(url, email);
  if (!entry) return undefined;
  const { code, step } = await freshCode(entry.key, entry.lastStep);
  entry.lastStep = step;
  return code;
}

/**
 * What to answer the code page with now: the app's code when a step is free; when this step and the next were
 * used (a third sign-in within 30 s), one of the person's recovery codes rather than waiting up to 30 s for the
 * next step (one saved from the set-up page, or, on a server of ours, a new one added to their codes).
 */
export async function nextSecondStep(
  url: string,
  email: string,
): Promise<{ recovery: boolean; code: string } | undefined> {
  const entry = await keyOf(url, email);
  if (!entry) return undefined;
  const current = timeStep(Date.now());
  const stepFree = entry.lastStep === null || current + 1 > entry.lastStep;
  if (!stepFree) {
    const saved = entry.recoveryCodes.shift();
    if (saved) return { recovery: true, code: saved };
    const added = await addRecoveryCode(url, email);
    if (added) return { recovery: true, code: added };
  }
  const code = await nextCodeFor(url, email);
  return code ? { recovery: false, code } : undefined;
}

/** Adds one recovery code to the person's codes in a test server's database; answers it. */
async function addRecoveryCode(url: string, email: string): Promise<string | undefined> {
  const db = databases.get(new URL(url).origin);
  if (!db) return undefined;
  const person = await db
    .selectFrom("people")
    .where("email_key", "=", email.toLowerCase())
    .select("id")
    .executeTakeFirst();
  if (!person) return undefined;
  const [code] = newRecoveryCodes();
  await db
    .insertInto("recovery_codes")
    .values({
      person_id: person.id,
      code_hash: await hash(code!),
      created_at: new Date().toISOString(),
      used_at: null,
    })
    .execute();
  return code;
}

/** A code for a key just read from the set-up page (its first use). */
export function codeForNewKey(url: string, email: string, key: string): string {
  rememberKey(url, email, key);
  const entry = known.get(id(url, email))!;
  const step = timeStep(Date.now());
  entry.lastStep = step;
  return totpCode(entry.key, step * TOTP.period * 1000);
}

/**
 * Sets up two-step verification for a person straight in the database (as if they had scanned the QR code), with
 * a known key; answers the key. The helpers find it there when the person signs in.
 */
export async function enrolDirectly(db: Db, personId: number): Promise<string> {
  const key = newTotpKey();
  await db
    .insertInto("second_factors")
    .values({
      person_id: personId,
      totp_key: sealSecret(key),
      enrolled_at: new Date().toISOString(),
      last_step: null,
    })
    .execute();
  return key;
}

/** The code of a key at a time-step. */
export function codeAt(key: string, step: number): string {
  return totpCode(key, step * TOTP.period * 1000);
}

/** Waits, if need be, until at least `seconds` are left in the current 30-second step; answers that step. */
export async function stepWithTimeLeft(seconds = 8): Promise<number> {
  const now = Date.now();
  const intoStep = (now / 1000) % TOTP.period;
  if (TOTP.period - intoStep < seconds) await sleep((TOTP.period - intoStep) * 1000 + 50);
  return timeStep(Date.now());
}
