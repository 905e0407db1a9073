// The step after a right password: a code from the person's authenticator app, or setting one up first when they
// must use two-step verification. Until it is done there is no session, only a pending sign-in: a random token in
// a short-lived signed cookie (httpOnly), of which the database keeps the hash.
import { type AppLoadContext, createCookie, redirect } from "@remix-run/node";
import { PENDING_SIGN_IN_MINUTES } from "~/domain/second-factor";
import { markSessionVerified } from "~/models/account.server";
import {
  createPendingSignIn,
  findPendingSignIn,
  getSecondFactor,
  type PendingSignIn,
  secondFactorRequired,
} from "~/models/second-factor.server";
import { isProduction } from "~/utils/env.server";
import { paths } from "~/utils/paths";
import { sealSecret } from "~/utils/secret-box.server";
import { getSessionUser, sessionSecret, startSession } from "./session.server";
import { newTotpKey } from "./totp.server";

export const pendingSignInCookie = createCookie(
  isProduction() ? "__Host-tandem_second_step" : "tandem_second_step",
  {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction(),
    path: "/",
    maxAge: PENDING_SIGN_IN_MINUTES * 60,
    secrets: [sessionSecret()],
  },
);

async function toPending(
  context: AppLoadContext,
  input: { personId: number; redirectTo: string; enrol: boolean; signedIn: boolean },
) {
  const token = await context.db.transaction().execute((tx) =>
    createPendingSignIn(tx, {
      personId: input.personId,
      redirectTo: input.redirectTo,
      purpose: input.enrol ? "enrol" : "verify",
      pendingKey: input.enrol ? sealSecret(newTotpKey()) : null,
      signedIn: input.signedIn,
    }),
  );
  return redirect(input.enrol ? paths.twoStepSetUp() : paths.signInCode(), {
    headers: { "Set-Cookie": await pendingSignInCookie.serialize(token) },
  });
}

/**
 * After a right password: someone with an authenticator app is asked for a code; someone who must use two-step
 * verification and has not set it up sets it up now; anyone else is signed in. Only a session started after the
 * second step counts as verified ("password-and-code").
 */
export async function continueAfterPassword(context: AppLoadContext, personId: number, redirectTo: string) {
  if (await getSecondFactor(context.db, personId))
    return toPending(context, { personId, redirectTo, enrol: false, signedIn: false });
  if (await secondFactorRequired(context.db, personId))
    return toPending(context, { personId, redirectTo, enrol: true, signedIn: false });
  return startSession(context, personId, redirectTo);
}

/**
 * Setting up an authenticator app from the profile: the same pages, for someone already signed in. Only for someone
 * who has none: replacing one would let a session begun with a password alone pass as verified (step-up) by
 * setting up a new app; a lost app is an administrator's reset.
 */
export async function startEnrolmentWhileSignedIn(
  context: AppLoadContext,
  personId: number,
  redirectTo: string,
) {
  if (await getSecondFactor(context.db, personId))
    throw new Response("Two-step verification is set up already", { status: 409 });
  return toPending(context, { personId, redirectTo, enrol: true, signedIn: true });
}

/** The pending sign-in this request's cookie names (unexpired), or undefined. */
export async function getPendingSignIn(
  context: AppLoadContext,
  request: Request,
): Promise<PendingSignIn | undefined> {
  const token = await pendingSignInCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token ? findPendingSignIn(context.db, token) : undefined;
}

/**
 * The pending sign-in for a page of the second step. Without one (none, expired, cancelled, or of another step)
 * the person starts again from the sign-in page; set up from the profile, from the profile.
 */
export async function requirePendingSignIn(
  context: AppLoadContext,
  request: Request,
  purpose: PendingSignIn["purpose"],
): Promise<PendingSignIn> {
  const pending = await getPendingSignIn(context, request);
  if (pending?.purpose === purpose) {
    // Set up from the profile: only in the session of the person it is for.
    if (pending.signedIn === 0) return pending;
    const user = await getSessionUser(context, request);
    if (user?.personId === pending.personId) return pending;
  }
  throw redirect(paths.signIn());
}

/** The cookie header that forgets the pending sign-in. */
export function forgetPendingSignIn(): Promise<string> {
  return pendingSignInCookie.serialize("", { maxAge: 0 });
}

/**
 * The second step is done: a new session that counts as verified, or (set up from the profile) the session they
 * have is marked verified. Then on to where they were going.
 */
export async function finishSecondStep(context: AppLoadContext, request: Request, pending: PendingSignIn) {
  const forget = await forgetPendingSignIn();
  if (pending.signedIn === 1) {
    const user = await getSessionUser(context, request);
    if (user) await markSessionVerified(context.db, user.sessionId);
    return redirect(pending.redirectTo, { headers: { "Set-Cookie": forget } });
  }
  const response = await startSession(context, pending.personId, pending.redirectTo, "password-and-code");
  response.headers.append("Set-Cookie", forget);
  return response;
}
