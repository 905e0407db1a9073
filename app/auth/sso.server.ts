// What pages need of single sign-on: the provider an email's domain signs in with, the provider a session came
// from, and the form-action origins of a page that shows a provider's button.
import type { AppLoadContext } from "@remix-run/node";
import {
  getIdentityProvider,
  identityProviderForEmail,
  sessionIdentityProvider,
} from "~/models/identity-provider.server";
import { formActionHeaders } from "~/utils/form-action";
import { authorizationOrigin } from "./oidc.server";

export type SsoProvider = { id: number; name: string };

/** The provider that signs in people of this email's domain, or null (then Tandem's password is used). */
export async function ssoProviderForEmail(
  context: AppLoadContext,
  email: string,
): Promise<SsoProvider | null> {
  const provider = await identityProviderForEmail(context.db, email);
  return provider ? { id: provider.id, name: provider.name } : null;
}

/**
 * Which identity provider the signed-in person's session came from (single sign-on), or null for a session that
 * began with a password or a passkey. For a loader: `SsoConfirm` takes its id and name.
 */
export async function sessionSsoProvider(
  context: AppLoadContext,
  user: { sessionId: string },
): Promise<SsoProvider | null> {
  const provider = await sessionIdentityProvider(context.db, user.sessionId);
  return provider ? { id: provider.id, name: provider.name } : null;
}

/**
 * The headers of a page showing a button that leads to this provider: its authorization endpoint's origin joins
 * the page's form-action policy (app/utils/form-action.ts). Nothing for no provider.
 */
export async function ssoFormActionHeaders(
  context: AppLoadContext,
  provider: SsoProvider | null,
): Promise<Record<string, string>> {
  if (!provider) return {};
  const settings = await getIdentityProvider(context.db, provider.id);
  return settings ? formActionHeaders([await authorizationOrigin(settings)]) : {};
}
