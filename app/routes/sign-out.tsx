import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { actorOf } from "~/auth/guards.server";
import { endSessionUrl } from "~/auth/oidc.server";
import { endSession, getSessionUser } from "~/auth/session.server";
import { signedOutCookie } from "~/auth/sso-cookies.server";
import { signOut } from "~/commands/accounts.server";
import { run } from "~/commands/runner.server";
import { getIdentityProvider, sessionIdentityProvider } from "~/models/identity-provider.server";
import { paths } from "~/utils/paths";
import { openSecret } from "~/utils/secret-box.server";

// Signing out changes state, so only POST does it; a GET goes home.
export function loader() {
  return redirect(paths.home());
}

/**
 * Ends the Tandem session. A session that came from an identity provider with its own sign-out goes on to a page
 * offering that too; what it needs is kept in a short-lived sealed cookie, since the session is gone.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(context, request);
  if (!user) return endSession(context, request, paths.signIn());
  await run(context.db, actorOf(context, user), signOut, { personId: user.personId });
  const sso = await sessionIdentityProvider(context.db, user.sessionId);
  const provider = sso?.sealedIdToken ? await getIdentityProvider(context.db, sso.id) : undefined;
  const idToken = sso?.sealedIdToken ? openSecret(sso.sealedIdToken) : null;
  if (!provider || !idToken || !(await endSessionUrl(provider, idToken)))
    return endSession(context, request, paths.signIn());
  const response = await endSession(context, request, paths.signedOut());
  response.headers.append("Set-Cookie", await signedOutCookie({ providerId: provider.id, idToken }));
  return response;
}
