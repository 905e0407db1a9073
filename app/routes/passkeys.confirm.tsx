// The endpoint of confirming it is you with a passkey before a dangerous action (JavaScript only): options allow
// only the signed-in person's own passkeys; a verified answer marks the session verified (step-up) and the browser
// goes back to `redirectTo`.
import type { ActionFunctionArgs } from "@remix-run/node";
import { actorOf, requireUser } from "~/auth/guards.server";
import { authenticationOptions, parseCredential, postOnly } from "~/auth/passkeys.server";
import { safeRedirectPath } from "~/auth/session.server";
import { confirmWithPasskey, issueChallenge, PASSKEY_NOT_ACCEPTED } from "~/commands/passkeys.server";
import { run } from "~/commands/runner.server";
import { PasskeyCeremonySchema } from "~/forms/passkeys";
import { credentialsOf } from "~/models/passkey.server";

const BROKEN = "Tandem could not read what your browser sent. Reload the page and try again.";

export const loader = postOnly;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = PasskeyCeremonySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ message: BROKEN }, { status: 400 });
  const actor = actorOf(context, user);
  if (form.data.intent === "options") {
    const allow = await credentialsOf(context.db, user.personId);
    if (allow.length === 0)
      return Response.json({ message: "You have not added a passkey. Use another way." }, { status: 400 });
    const options = await authenticationOptions(allow);
    const issued = await run(context.db, actor, issueChallenge, {
      challenge: options.challenge,
      purpose: "confirm",
      personId: user.personId,
    });
    if (!issued.ok) throw new Response("Confirming with a passkey could not be started", { status: 500 });
    return Response.json({ options });
  }
  const credential = parseCredential(form.data.credential);
  if (!credential) return Response.json({ message: BROKEN }, { status: 400 });
  const outcome = await run(context.db, actor, confirmWithPasskey, {
    personId: user.personId,
    sessionId: user.sessionId,
    credential,
  });
  if (!outcome.ok) throw new Response("Confirming with a passkey failed", { status: 500 });
  if (!outcome.confirmed) return Response.json({ message: PASSKEY_NOT_ACCEPTED }, { status: 400 });
  return Response.json({ redirectTo: safeRedirectPath(form.data.redirectTo) });
}
