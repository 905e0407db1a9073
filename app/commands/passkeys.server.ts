// Passkeys: issuing a ceremony's challenge, adding a passkey, signing in or confirming it is you with one, naming
// and removing one. Each answer from the browser is verified in the transaction that uses its challenge, so a
// challenge answers once; a refused answer is recorded (audit, and the sign-in throttle for sign-ins) and uses the
// challenge too, so the outcome of those commands is ok with `refusal` set rather than a rollback.
import { answeredChallenge, verifyNewPasskey, verifyPasskeyUse } from "~/auth/passkeys.server";
import type { WebauthnPurpose } from "~/domain/vocabulary";
import { markSessionVerified, recordSignInFailure } from "~/models/account.server";
import {
  consumeChallenge,
  credentialTaken,
  deletePasskeyOf,
  findPasskeyByCredential,
  getPasskeyOf,
  insertPasskey,
  parseTransports,
  recordPasskeyUse,
  renamePasskeyOf,
  storeChallenge,
} from "~/models/passkey.server";
import { command, invalid, ok } from "./runner.server";

type Credential = Parameters<typeof verifyPasskeyUse>[0];

/** Remembers the challenge of options just made, for one answer within five minutes. */
export const issueChallenge = command({
  async execute(c, input: { challenge: string; purpose: WebauthnPurpose; personId: number | null }) {
    await storeChallenge(c.tx, input);
    return ok();
  },
});

/** What a person sees when an answer is refused: the reason stays in the audit log. */
export const PASSKEY_NOT_ACCEPTED = "Tandem could not accept that passkey. Try again, or use another way.";

/** Adds a passkey the person's authenticator made, under a name they can change next. */
export const registerPasskey = command<
  { personId: number; credential: Credential; defaultName: string },
  { passkeyId: number | null; refusal: string | null }
>({
  async execute(c, input) {
    const refuse = (reason: string) => {
      c.audit({
        action: "passkey.registration_failed",
        subjectType: "person",
        subjectId: input.personId,
        details: { reason },
      });
      return ok({ passkeyId: null, refusal: reason });
    };
    const challenge = answeredChallenge(input.credential);
    if (
      !challenge ||
      !(await consumeChallenge(c.tx, { challenge, purpose: "register", personId: input.personId }))
    )
      return refuse("the challenge was unknown, expired or already used");
    const verified = await verifyNewPasskey(input.credential, challenge);
    if (!verified.verified) return refuse(verified.reason);
    if (await credentialTaken(c.tx, verified.credentialId))
      return refuse("the passkey is already registered");
    const passkeyId = await insertPasskey(c.tx, {
      personId: input.personId,
      credentialId: verified.credentialId,
      publicKey: verified.publicKey,
      counter: verified.counter,
      transports: verified.transports,
      deviceType: verified.deviceType,
      backedUp: verified.backedUp,
      name: input.defaultName,
    });
    c.audit({
      action: "passkey.registered",
      subjectType: "person",
      subjectId: input.personId,
      details: { name: input.defaultName },
    });
    return ok({ passkeyId, refusal: null });
  },
});

type Use =
  | { accepted: true; personId: number; passkeyName: string }
  | { accepted: false; refusal: string; personId: number | null; email: string | null };

/**
 * Checks an answer signed by a stored passkey: the challenge (used here), the passkey (known, and for `personId`
 * only theirs), its owner still able to sign in, the signature and the counter. Records the use when it passes.
 */
async function checkPasskeyAnswer(
  tx: Parameters<typeof consumeChallenge>[0],
  input: { credential: Credential; purpose: "sign-in" | "confirm"; personId: number | null },
): Promise<Use> {
  const challenge = answeredChallenge(input.credential);
  const stored = await findPasskeyByCredential(tx, input.credential.id);
  const owner = stored?.person_id ?? null;
  const refuse = (refusal: string): Use => ({
    accepted: false,
    refusal,
    personId: owner,
    email: stored?.email ?? null,
  });
  if (
    !challenge ||
    !(await consumeChallenge(tx, { challenge, purpose: input.purpose, personId: input.personId }))
  )
    return refuse("the challenge was unknown, expired or already used");
  if (!stored) return refuse("the passkey is not registered with Tandem");
  if (input.personId !== null && stored.person_id !== input.personId)
    return refuse("the passkey belongs to someone else");
  if (!stored.usable) return refuse("the passkey's owner can no longer sign in");
  const verified = await verifyPasskeyUse(input.credential, challenge, {
    ...stored,
    transports: parseTransports(stored.transports),
  });
  if (!verified.verified) return refuse(verified.reason);
  await recordPasskeyUse(tx, stored.id, verified.counter, verified.backedUp);
  return { accepted: true, personId: stored.person_id, passkeyName: stored.name };
}

/**
 * Signing in with a passkey alone. A refusal counts as a failed sign-in for the sign-in throttle (for the
 * passkey's owner when it is known, else for this address only).
 */
export const signInWithPasskey = command<
  { credential: Credential; address: string },
  { personId: number | null; refusal: string | null }
>({
  async execute(c, input) {
    const used = await checkPasskeyAnswer(c.tx, {
      credential: input.credential,
      purpose: "sign-in",
      personId: null,
    });
    if (!used.accepted) {
      await recordSignInFailure(c.tx, used.email ?? UNKNOWN_PASSKEY, input.address);
      c.audit({
        action: "sign_in.passkey_failed",
        subjectType: "person",
        subjectId: used.personId,
        details: { reason: used.refusal },
      });
      return ok({ personId: null, refusal: used.refusal });
    }
    c.audit({
      action: "sign_in.passkey",
      subjectType: "person",
      subjectId: used.personId,
      details: { passkey: used.passkeyName },
    });
    return ok({ personId: used.personId, refusal: null });
  },
});

/** Failures with a passkey nobody registered are counted under this key: it can never be a real email address. */
const UNKNOWN_PASSKEY = "unknown passkey";

/** The signed-in person confirms it is them with one of their own passkeys: the session is verified now. */
export const confirmWithPasskey = command<
  { personId: number; sessionId: string; credential: Credential },
  { confirmed: boolean; refusal: string | null }
>({
  async execute(c, input) {
    const used = await checkPasskeyAnswer(c.tx, {
      credential: input.credential,
      purpose: "confirm",
      personId: input.personId,
    });
    if (!used.accepted) {
      c.audit({
        action: "passkey.confirm_failed",
        subjectType: "person",
        subjectId: input.personId,
        details: { reason: used.refusal },
      });
      return ok({ confirmed: false, refusal: used.refusal });
    }
    await markSessionVerified(c.tx, input.sessionId);
    c.audit({
      action: "passkey.confirmed",
      subjectType: "person",
      subjectId: input.personId,
      details: { passkey: used.passkeyName },
    });
    return ok({ confirmed: true, refusal: null });
  },
});

export const renamePasskey = command({
  async execute(c, input: { personId: number; passkeyId: number; name: string }) {
    const passkey = await getPasskeyOf(c.tx, input.personId, input.passkeyId);
    if (!passkey || !(await renamePasskeyOf(c.tx, input.personId, input.passkeyId, input.name)))
      return invalid("name", "This passkey has been removed");
    if (passkey.name !== input.name)
      c.audit({
        action: "passkey.renamed",
        subjectType: "person",
        subjectId: input.personId,
        details: { from: passkey.name, to: input.name },
      });
    return ok({ name: input.name });
  },
});

export const removePasskey = command({
  async execute(c, input: { personId: number; passkeyId: number }) {
    const passkey = await getPasskeyOf(c.tx, input.personId, input.passkeyId);
    if (!passkey || !(await deletePasskeyOf(c.tx, input.personId, input.passkeyId)))
      return invalid("passkey", "This passkey has already been removed");
    c.audit({
      action: "passkey.removed",
      subjectType: "person",
      subjectId: input.personId,
      details: { name: passkey.name },
    });
    return ok({ name: passkey.name });
  },
});
