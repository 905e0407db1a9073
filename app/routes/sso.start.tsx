// Sends someone to an identity provider: a single-use request (state, nonce, PKCE verifier) recorded for the
// callback, its state bound to this browser by a signed cookie, and a redirect to the provider's authorization
// endpoint. For signing in, accepting an invitation, or (signed in) confirming it is them before a dangerous action.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { clientAddress, notFound, requireUser } from "~/auth/guards.server";
import { authorizationRequest, failureDetail } from "~/auth/oidc.server";
import { safeRedirectPath } from "~/auth/session.server";
import { ssoStateCookie } from "~/auth/sso-cookies.server";
import { run } from "~/commands/runner.server";
import { beginSsoRequest, ssoFailed } from "~/commands/sso.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { SsoFailure } from "~/components/SsoFailure";
import { SsoStartSchema } from "~/forms/account";
import { checkOneTimeLink } from "~/models/account.server";
import { getIdentityProvider, identityProviderForEmail } from "~/models/identity-provider.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("We could not sign you in");
export const ErrorBoundary = RouteErrorBoundary;

// The forms post here; a visit goes to the sign-in page.
export function loader() {
  return redirect(paths.signIn());
}

function badRequest(message: string): never {
  throw new Response(message, { status: 400, statusText: "Bad Request" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SsoStartSchema });
  if (submission.status !== "success") badRequest("This sign-in form is not complete");
  const { purpose, token, email } = submission.value;
  const provider = await getIdentityProvider(context.db, submission.value.provider);
  if (!provider) notFound("Identity provider");
  let loginHint = email?.trim() || null;
  let linkId: number | null = null;
  let sessionId: string | null = null;
  if (purpose === "invitation") {
    const link = await checkOneTimeLink(context.db, token ?? "");
    if (link.state !== "valid" || link.purpose !== "invite") throw redirect(paths.setPassword(token ?? ""));
    if ((await identityProviderForEmail(context.db, link.email))?.id !== provider.id)
      badRequest("This invitation is not accepted with this identity provider");
    linkId = link.linkId;
    loginHint = link.email;
  } else if (purpose === "confirm") {
    const user = await requireUser(context, request);
    if ((await identityProviderForEmail(context.db, user.email))?.id !== provider.id)
      throw new Response("This identity provider does not sign you in", { status: 403 });
    sessionId = user.sessionId;
    loginHint = user.email;
  }
  const redirectTo = safeRedirectPath(submission.value.redirectTo);
  let authorization: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    authorization = await authorizationRequest(provider, {
      loginHint,
      reauthenticate: purpose === "confirm",
    });
  } catch (error) {
    const actor = { personId: null, address: clientAddress(context) };
    await run(context.db, actor, ssoFailed, {
      provider,
      purpose,
      reason: "provider",
      email: loginHint,
      personId: null,
      detail: failureDetail(error),
    });
    return data({ providerName: provider.name }, { status: 502 });
  }
  await run(context.db, { personId: null, address: clientAddress(context) }, beginSsoRequest, {
    state: authorization.state,
    nonce: authorization.nonce,
    codeVerifier: authorization.codeVerifier,
    providerId: provider.id,
    purpose,
    linkId,
    sessionId,
    redirectTo,
  });
  return redirect(authorization.url.toString(), {
    status: 303,
    headers: { "Set-Cookie": await ssoStateCookie(authorization.state) },
  });
}

/** Shown only when the provider could not be reached to start the sign-in. */
export default function SsoStartFailed() {
  const failed = useActionData<typeof action>();
  return <SsoFailure providerName={failed?.providerName ?? "your identity provider"} reason="provider" />;
}
