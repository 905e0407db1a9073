// Two-step verification: checking a code (signing in, confirming it is you), setting up an authenticator app, new
// recovery codes, turning it off, and an administrator's reset. Every wrong code counts against the pending sign-in
// and against the person, whichever page it was entered on.
import { matchingStep, newRecoveryCodes } from "~/auth/totp.server";
import { secondFactorResetMail } from "~/domain/mail/templates";
import {
  codeAttemptDecision,
  normaliseRecoveryCode,
  normaliseTotpCode,
  WRONG_CODES_PER_SIGN_IN,
} from "~/domain/second-factor";
import { deleteSessionsOf, markSessionVerified } from "~/models/account.server";
import { removePasskeysOf } from "~/models/passkey.server";
import { getPerson } from "~/models/person.server";
import {
  claimTimeStep,
  countPendingFailure,
  countUnusedRecoveryCodes,
  deletePendingSignIn,
  deleteSecondFactor,
  getSecondFactor,
  pendingToRecoveryCodes,
  recentCodeFailures,
  recordCodeFailure,
  replaceRecoveryCodes,
  saveSecondFactor,
  secondFactorRequired,
  spendRecoveryCode,
} from "~/models/second-factor.server";
import { paths } from "~/utils/paths";
import { openSecret, sealSecret } from "~/utils/secret-box.server";
import { nowIso } from "~/utils/time";
import { type CommandContext, type Conflict, command, forbidden, ok, type Tx } from "./runner.server";

const NOTHING_TO_RESET: Conflict = {
  ok: false,
  conflict: "This person has no authenticator app and no passkey: there is nothing to reset",
};

/** Where a code was entered, for the audit log. */
export type CodeUse = "sign_in" | "set_up" | "step_up" | "profile";

/** What came of a code: accepted, wrong (or already used), or not tried because of too many wrong ones lately. */
export type CodeResult =
  | { status: "accepted"; via: "totp" | "recovery" }
  | { status: "wrong" | "reused"; cancelled: boolean }
  | { status: "wait"; retryAfterSeconds: number };

type Attempt = { personId: number; code: string; pendingId: number | null; during: CodeUse };

/** Checks a code of the person's authenticator (each time-step once only) or one of their recovery codes. */
async function codeMatches(
  tx: Tx,
  personId: number,
  code: string,
): Promise<"totp" | "recovery" | "wrong" | "reused"> {
  const digits = normaliseTotpCode(code);
  if (digits) {
    const factor = await getSecondFactor(tx, personId);
    if (!factor) return "wrong";
    const step = matchingStep(openSecret(factor.totp_key), digits);
    if (step === null) return "wrong";
    return (await claimTimeStep(tx, personId, step)) ? "totp" : "reused";
  }
  const recovery = normaliseRecoveryCode(code);
  if (recovery && (await spendRecoveryCode(tx, personId, recovery))) return "recovery";
  return "wrong";
}

/** A wrong code: counted for the person and the pending sign-in (cancelled at the limit), and audited. */
async function wrongCode(c: CommandContext, input: Attempt, status: "wrong" | "reused"): Promise<CodeResult> {
  await recordCodeFailure(c.tx, input.personId);
  let cancelled = false;
  if (input.pendingId !== null) {
    const failures = await countPendingFailure(c.tx, input.pendingId);
    if (failures >= WRONG_CODES_PER_SIGN_IN) {
      await deletePendingSignIn(c.tx, input.pendingId);
      cancelled = true;
    }
  }
  c.audit({
    action: "second_factor.code_failed",
    subjectType: "person",
    subjectId: input.personId,
    details: { during: input.during, cancelled },
  });
  return { status, cancelled };
}

async function tooManyLately(tx: Tx, personId: number): Promise<CodeResult | null> {
  const decision = codeAttemptDecision(await recentCodeFailures(tx, personId), new Date(nowIso()));
  return decision.allowed ? null : { status: "wait", retryAfterSeconds: decision.retryAfterSeconds };
}

/** Checks a code; an accepted one is used up. */
async function attemptCode(c: CommandContext, input: Attempt): Promise<CodeResult> {
  const wait = await tooManyLately(c.tx, input.personId);
  if (wait) return wait;
  const result = await codeMatches(c.tx, input.personId, input.code);
  if (result === "wrong" || result === "reused") return wrongCode(c, input, result);
  if (result === "recovery") {
    c.audit({
      action: "second_factor.recovery_code_used",
      subjectType: "person",
      subjectId: input.personId,
      details: { left: await countUnusedRecoveryCodes(c.tx, input.personId) },
    });
  }
  return { status: "accepted", via: result };
}

/** The code after a right password: accepted, the pending sign-in is used up (the route starts the session). */
export const checkSignInCode = command({
  async execute(c, input: { personId: number; pendingId: number; code: string }) {
    const result = await attemptCode(c, { ...input, during: "sign_in" });
    if (result.status === "accepted") await deletePendingSignIn(c.tx, input.pendingId);
    return ok({ result });
  },
});

/** Confirming it is you before a dangerous action: an accepted code marks the session verified now. */
export const confirmItIsYou = command({
  async execute(c, input: { personId: number; sessionId: string; code: string }) {
    const result = await attemptCode(c, { ...input, pendingId: null, during: "step_up" });
    if (result.status === "accepted") {
      await markSessionVerified(c.tx, input.sessionId);
      c.audit({
        action: "second_factor.confirmed",
        subjectType: "person",
        subjectId: input.personId,
        details: {},
      });
    }
    return ok({ result });
  },
});

/**
 * Sets up the authenticator the pending sign-in holds the key of, once a code from it is right: ten new recovery
 * codes replace any earlier ones and wait in the pending sign-in (sealed) to be shown once.
 */
export const confirmEnrolment = command({
  async execute(c, input: { personId: number; pendingId: number; sealedKey: string; code: string }) {
    const attempt = {
      personId: input.personId,
      code: input.code,
      pendingId: input.pendingId,
      during: "set_up" as const,
    };
    // Never replaces an authenticator already set up (see startEnrolmentWhileSignedIn).
    if (await getSecondFactor(c.tx, input.personId))
      return forbidden("Two-step verification is set up already");
    const wait = await tooManyLately(c.tx, input.personId);
    if (wait) return ok({ result: wait });
    const digits = normaliseTotpCode(input.code);
    const step = digits ? matchingStep(openSecret(input.sealedKey), digits) : null;
    if (step === null) return ok({ result: await wrongCode(c, attempt, "wrong") });
    await saveSecondFactor(c.tx, input.personId, input.sealedKey, step);
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(c.tx, input.personId, codes);
    await pendingToRecoveryCodes(c.tx, input.pendingId, sealSecret(JSON.stringify(codes)));
    c.audit({
      action: "second_factor.enrolled",
      subjectType: "person",
      subjectId: input.personId,
      details: {},
    });
    const result: CodeResult = { status: "accepted", via: "totp" };
    return ok({ result });
  },
});

/** The recovery codes were shown and saved: the pending sign-in is used up (the route starts the session). */
export const finishEnrolment = command({
  async execute(c, input: { pendingId: number }) {
    await deletePendingSignIn(c.tx, input.pendingId);
    return ok();
  },
});

/** Ten new recovery codes (the old ones stop working), with a current code; answers the codes, to show once. */
export const renewRecoveryCodes = command({
  async execute(c, input: { personId: number; code: string }) {
    const result = await attemptCode(c, { ...input, pendingId: null, during: "profile" });
    if (result.status !== "accepted")
      return ok<{ result: CodeResult; codes: string[] | null }>({ result, codes: null });
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(c.tx, input.personId, codes);
    c.audit({
      action: "second_factor.recovery_codes_replaced",
      subjectType: "person",
      subjectId: input.personId,
      details: {},
    });
    return ok({ result, codes });
  },
  // The codes are a secret: a repeated submission is not answered with them.
  kept: (outcome) => ({ ...outcome, codes: null }),
});

/** Turns two-step verification off, with a current code; never for someone who must use it. */
export const turnOffSecondFactor = command({
  async execute(c, input: { personId: number; code: string }) {
    if (await secondFactorRequired(c.tx, input.personId))
      return forbidden("You must use two-step verification: your role or your programme requires it");
    const result = await attemptCode(c, { ...input, pendingId: null, during: "profile" });
    if (result.status !== "accepted") return ok<{ result: CodeResult }>({ result });
    await deleteSecondFactor(c.tx, input.personId);
    c.audit({
      action: "second_factor.turned_off",
      subjectType: "person",
      subjectId: input.personId,
      details: {},
    });
    return ok({ result });
  },
});

/**
 * An administrator resets someone's two-step verification (a lost phone and lost codes): the key and recovery
 * codes go, the person is signed out everywhere and told by email. They set it up again at their next sign-in.
 */
export const resetSecondFactor = command({
  async execute(c, input: { personId: number; reason: string }) {
    const person = await getPerson(c.tx, input.personId);
    const hadAuthenticator = Boolean(await getSecondFactor(c.tx, input.personId));
    // Their passkeys go too: a lost phone often holds both, and a passkey alone still signs in.
    const passkeysRemoved = await removePasskeysOf(c.tx, input.personId);
    if (!person || (!hadAuthenticator && passkeysRemoved === 0)) return NOTHING_TO_RESET;
    if (hadAuthenticator) await deleteSecondFactor(c.tx, input.personId);
    await deleteSessionsOf(c.tx, input.personId);
    c.audit({
      action: "second_factor.reset",
      subjectType: "person",
      subjectId: input.personId,
      details: { reason: input.reason, passkeysRemoved },
    });
    const admin = c.actor.personId === null ? null : await getPerson(c.tx, c.actor.personId);
    c.send({
      kind: "second_factor_reset",
      to: { personId: person.id, address: person.email, name: person.name },
      ...secondFactorResetMail({
        name: person.name,
        resetBy: admin?.name ?? null,
        signIn: c.link(paths.signIn()),
        at: nowIso(),
      }),
    });
    return ok();
  },
});
