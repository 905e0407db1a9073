// The endpoint of adding a passkey (JavaScript only): `intent=options` answers the registration options and keeps
// their challenge; `intent=verify` checks the authenticator's answer and stores the passkey under a default name,
// then the browser goes to name it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { actorOf, requireUser } from "~/auth/guards.server";
import { mayAddPasskey, parseCredential, postOnly, registrationOptions } from "~/auth/passkeys.server";
import { issueChallenge, PASSKEY_NOT_ACCEPTED, registerPasskey } from "~/commands/passkeys.server";
import { run } from "~/commands/runner.server";
import { CONFIRM_BEFORE_ADDING, defaultPasskeyName } from "~/domain/passkeys";
import { PasskeyCeremonySchema } from "~/forms/passkeys";
import { countPasskeys, credentialsOf } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { paths } from "~/utils/paths";
import { nowIso } from "~/utils/time";

const BROKEN = "Tandem could not read what your browser sent. Reload the page and try again.";

export const loader = postOnly;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = PasskeyCeremonySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ message: BROKEN }, { status: 400 });
  const [passkeys, authenticator] = await Promise.all([
    countPasskeys(context.db, user.personId),
    getSecondFactor(context.db, user.personId),
  ]);
  if (!mayAddPasskey(user, { hasPasskeys: passkeys > 0, hasOtherSecondFactor: Boolean(authenticator) }))
    return Response.json({ message: CONFIRM_BEFORE_ADDING }, { status: 403 });
  const actor = actorOf(context, user);
  if (form.data.intent === "options") {
    const options = await registrationOptions({
      personId: user.personId,
      email: user.email,
      name: user.name,
      exclude: await credentialsOf(context.db, user.personId),
    });
    const issued = await run(context.db, actor, issueChallenge, {
      challenge: options.challenge,
      purpose: "register",
      personId: user.personId,
    });
    if (!issued.ok) throw new Response("The passkey could not be started", { status: 500 });
    return Response.json({ options });
  }
  const credential = parseCredential(form.data.credential);
  if (!credential) return Response.json({ message: BROKEN }, { status: 400 });
  const outcome = await run(context.db, actor, registerPasskey, {
    personId: user.personId,
    credential,
    defaultName: defaultPasskeyName(nowIso()),
  });
  if (!outcome.ok) throw new Response("The passkey could not be added", { status: 500 });
  if (outcome.passkeyId === null) return Response.json({ message: PASSKEY_NOT_ACCEPTED }, { status: 400 });
  return Response.json({ redirectTo: paths.passkey(outcome.passkeyId).name(true) });
}
