// Where every identity provider sends people back. The state must match this browser's cookie and an unused,
// unexpired request (used now, so a replayed answer fails); the code is exchanged with the PKCE verifier and the ID
// token checked (signature, issuer, audience, times, nonce). Then the email: verified by the provider, of a domain
// it vouches for, and an existing Tandem account's (SSO never makes an account). Every outcome is audited.
import { type AppLoadContext, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { completeSignIn, failureDetail, isValidationFailure } from "~/auth/oidc.server";
import { getSessionUser, safeRedirectPath, startSession } from "~/auth/session.server";
import { clearSsoStateCookie, ssoStateOf } from "~/auth/sso-cookies.server";
import { run } from "~/commands/runner.server";
import {
  acceptInvitationWithSso,
  confirmWithSso,
  ssoFailed,
  ssoSignedIn,
  takeSsoRequest,
} from "~/commands/sso.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { SsoFailure } from "~/components/SsoFailure";
import { emailDomain, type SsoFailure as Reason } from "~/domain/sso";
import type { SsoPurpose } from "~/domain/vocabulary";
import {
  accountHolderByEmailKey,
  getIdentityProvider,
  invitationLinkHolder,
  ssoRequestProvider,
} from "~/models/identity-provider.server";
import { emailKey } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";
import { sealSecret } from "~/utils/secret-box.server";
import { timingSafeEqualText } from "~/utils/tokens.server";

export const meta = pageMeta("We could not sign you in");
export const ErrorBoundary = RouteErrorBoundary;

type Failure = {
  provider: { id: number; name: string } | null;
  purpose: SsoPurpose;
  reason: Reason;
  email?: string | null;
  personId?: number | null;
  detail?: string | null;
};

/** Audits the failure and answers the plain page (400), forgetting this browser's sign-in state. */
async function fail(context: AppLoadContext, failure: Failure) {
  const provider = failure.provider ?? { id: 0, name: "your identity provider" };
  await run(context.db, { personId: failure.personId ?? null, address: clientAddress(context) }, ssoFailed, {
    provider,
    purpose: failure.purpose,
    reason: failure.reason,
    email: failure.email ?? null,
    personId: failure.personId ?? null,
    detail: failure.detail ?? null,
  });
  return data(
    { providerName: provider.name, reason: failure.reason },
    { status: 400, headers: { "Set-Cookie": await clearSsoStateCookie() } },
  );
}

async function withClearedState(response: Response) {
  response.headers.append("Set-Cookie", await clearSsoStateCookie());
  return response;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = url.searchParams.get("state") ?? "";
  const bound = await ssoStateOf(request);
  const named = state ? await ssoRequestProvider(context.db, state) : undefined;
  const provider = named ? { id: named.id, name: named.name } : null;
  const purpose = named?.purpose ?? "sign-in";
  // The answer must come back to the browser that asked, for a request not yet used or expired.
  if (!state || !bound || !timingSafeEqualText(state, bound))
    return fail(context, {
      provider,
      purpose,
      reason: "state",
      detail: bound ? "state mismatch" : "no cookie",
    });
  const used = await run(context.db, { personId: null, address: clientAddress(context) }, takeSsoRequest, {
    state,
  });
  if (!used.ok) return fail(context, { provider, purpose, reason: "state", detail: "expired or used" });
  const { request: sso } = used;
  const settings = await getIdentityProvider(context.db, sso.provider_id);
  if (!settings || !provider)
    return fail(context, { provider, purpose, reason: "state", detail: "no provider" });

  let signIn: Awaited<ReturnType<typeof completeSignIn>>;
  try {
    signIn = await completeSignIn(settings, url, {
      state,
      nonce: sso.nonce,
      codeVerifier: sso.code_verifier,
      reauthenticated: sso.purpose === "confirm",
    });
  } catch (error) {
    const reason = isValidationFailure(error) ? "id-token-invalid" : "provider";
    return fail(context, { provider, purpose, reason, detail: failureDetail(error) });
  }
  const { email } = signIn;
  if (!email || !signIn.emailVerified)
    return fail(context, { provider, purpose, reason: "email-unverified", email });
  const domain = emailDomain(email);
  if (!domain || !settings.domains.includes(domain))
    return fail(context, { provider, purpose, reason: "domain-not-vouched", email });
  const person = await accountHolderByEmailKey(context.db, emailKey(email));
  if (!person) return fail(context, { provider, purpose, reason: "no-account", email });
  const actor = { personId: person.id, address: clientAddress(context) };
  const redirectTo = safeRedirectPath(sso.redirect_to);
  const session = { providerId: provider.id, sealedIdToken: sealSecret(signIn.idToken) };

  if (sso.purpose === "confirm") {
    const user = await getSessionUser(context, request);
    if (!user || user.sessionId !== sso.session_id || user.personId !== person.id)
      return fail(context, {
        provider,
        purpose,
        reason: "not-the-same-person",
        email,
        personId: user?.personId,
      });
    await run(context.db, actor, confirmWithSso, {
      sessionId: user.sessionId,
      personId: person.id,
      provider,
    });
    return withClearedState(redirect(redirectTo));
  }
  if (sso.purpose === "invitation") {
    const invited = sso.link_id === null ? undefined : await invitationLinkHolder(context.db, sso.link_id);
    if (invited !== person.id)
      return fail(context, { provider, purpose, reason: "not-the-same-person", email, personId: person.id });
    const accepted = await run(context.db, actor, acceptInvitationWithSso, {
      linkId: sso.link_id!,
      personId: person.id,
      provider,
    });
    if (!accepted.ok)
      return fail(context, { provider, purpose, reason: "invitation-unusable", email, personId: person.id });
    return withClearedState(await startSession(context, person.id, redirectTo, "sso", session));
  }
  await run(context.db, actor, ssoSignedIn, { personId: person.id, provider, purpose: "sign-in" });
  return withClearedState(await startSession(context, person.id, redirectTo, "sso", session));
}

export default function SsoCallbackFailed() {
  const { providerName, reason } = useLoaderData<typeof loader>();
  return <SsoFailure providerName={providerName} reason={reason} />;
}
