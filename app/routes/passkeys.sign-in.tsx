// The endpoint of signing in with a passkey alone (JavaScript only): `intent=options` answers options with no
// allow list (the passkey says whose it is) and keeps their challenge; `intent=verify` checks the answer against
// the stored public key and counter and starts a session that counts as verified. Failures count for the sign-in
// throttle, which this address must pass first.
import type { ActionFunctionArgs } from "@remix-run/node";
import { clientAddress } from "~/auth/guards.server";
import { authenticationOptions, parseCredential, postOnly } from "~/auth/passkeys.server";
import { safeRedirectPath, startSession } from "~/auth/session.server";
import { signInAllowed, waitMessage } from "~/auth/sign-in-throttle.server";
import { issueChallenge, PASSKEY_NOT_ACCEPTED, signInWithPasskey } from "~/commands/passkeys.server";
import { run } from "~/commands/runner.server";
import { PasskeyCeremonySchema } from "~/forms/passkeys";
import { findPasskeyByCredential } from "~/models/passkey.server";

const BROKEN = "Tandem could not read what your browser sent. Reload the page and try again.";

export const loader = postOnly;

export async function action({ request, context }: ActionFunctionArgs) {
  const address = clientAddress(context);
  const throttle = await signInAllowed(context.db, { address });
  if (!throttle.allowed) {
    return Response.json(
      { message: waitMessage(throttle.retryAfterSeconds) },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }
  const form = PasskeyCeremonySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ message: BROKEN }, { status: 400 });
  if (form.data.intent === "options") {
    const options = await authenticationOptions();
    const issued = await run(context.db, { personId: null, address }, issueChallenge, {
      challenge: options.challenge,
      purpose: "sign-in",
      personId: null,
    });
    if (!issued.ok) throw new Response("Signing in with a passkey could not be started", { status: 500 });
    return Response.json({ options });
  }
  const credential = parseCredential(form.data.credential);
  if (!credential) return Response.json({ message: BROKEN }, { status: 400 });
  // The audit names the passkey's owner as who acted (as the password form names the account's).
  const owner = await findPasskeyByCredential(context.db, credential.id);
  const outcome = await run(context.db, { personId: owner?.person_id ?? null, address }, signInWithPasskey, {
    credential,
    address,
  });
  if (!outcome.ok) throw new Response("Signing in with a passkey failed", { status: 500 });
  if (outcome.personId === null) return Response.json({ message: PASSKEY_NOT_ACCEPTED }, { status: 400 });
  const signedIn = await startSession(
    context,
    outcome.personId,
    safeRedirectPath(form.data.redirectTo),
    "passkey",
  );
  // The browser asked with fetch: it gets the session cookie here and goes where the redirect pointed itself.
  return Response.json(
    { redirectTo: signedIn.headers.get("Location") },
    { headers: { "Set-Cookie": signedIn.headers.get("Set-Cookie") ?? "" } },
  );
}
