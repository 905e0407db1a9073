// A real OpenID Connect provider for the single sign-on tests (scripts/identity-provider-server.ts, oidc-provider)
// on a free loopback port, registered in Tandem's database, and a driver for its login form over HTTP.

import { addIdentityProvider } from "~/commands/identity-providers.server";
import { run, SYSTEM } from "~/commands/runner.server";
import type { Db } from "../../db/connection";
import {
  type ProviderUser,
  type RunningIdentityProvider,
  startIdentityProvider,
} from "../../scripts/identity-provider-server";

export const SSO_DOMAIN = "sso.example";
export const TEST_CLIENT = { id: "tandem-test", secret: "test-client-secret-never-shown-again-42" };

/** The provider's people: verified ones Tandem knows, one unverified, one of another domain, one Tandem lacks. */
export const PROVIDER_USERS = {
  member: { email: `sam.single@${SSO_DOMAIN}`, emailVerified: true, name: "Sam Single" },
  invitee: { email: `ivy.invited@${SSO_DOMAIN}`, emailVerified: true, name: "Ivy Invited" },
  unverified: { email: `una.unverified@${SSO_DOMAIN}`, emailVerified: false, name: "Una Unverified" },
  otherDomain: { email: "olly@elsewhere.example", emailVerified: true, name: "Olly Elsewhere" },
  stranger: { email: `nobody@${SSO_DOMAIN}`, emailVerified: true, name: "Nobody Known" },
} satisfies Record<string, ProviderUser>;

/** Starts the provider for a Tandem server at `tandemUrl` (started first: its callback is the redirect URI). */
export function startTestProvider(tandemUrl: string, options: { expiredIdTokens?: boolean } = {}) {
  return startIdentityProvider({
    port: 0,
    client: {
      ...TEST_CLIENT,
      redirectUri: `${tandemUrl}/sso/callback`,
      postLogoutRedirectUri: `${tandemUrl}/sign-in`,
    },
    users: Object.values(PROVIDER_USERS),
    expiredIdTokens: options.expiredIdTokens,
  });
}

/** Registers the provider in Tandem, vouching for `domains` (by default the test domain), as the admin pages do. */
export async function registerProvider(
  db: Db,
  provider: RunningIdentityProvider,
  options: { name?: string; domains?: string[] } = {},
): Promise<number> {
  const added = await run(db, SYSTEM, addIdentityProvider, {
    name: options.name ?? "Test Identity",
    issuer: provider.issuer,
    clientId: TEST_CLIENT.id,
    clientSecret: TEST_CLIENT.secret,
    domains: options.domains ?? [SSO_DOMAIN],
  });
  if (!added.ok) throw new Error(`Could not register the provider: ${JSON.stringify(added)}`);
  return added.id;
}

/** Cookies by name, as a browser keeps them for one site (paths are ignored: the provider's are all its own). */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * Signs `login` in at the provider, from the authorization URL Tandem redirected to, through its login form (any
 * password), and answers the URL the provider sends the browser back to Tandem with (the callback, not yet visited).
 */
export async function loginAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 12; hop++) {
    const response: Response = await fetch(url, {
      method: form ? "POST" : "GET",
      body: form ?? undefined,
      headers: { Cookie: jar.header() },
      redirect: "manual",
    });
    jar.take(response);
    form = null;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next.toString();
      url = next.toString();
      continue;
    }
    const html: string = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`The provider answered ${response.status}: ${html}`);
    url = new URL(action.replace(/&amp;/g, "&"), url).toString();
    form = html.includes('name="prompt" value="login"')
      ? new URLSearchParams({ prompt: "login", login, password: "any password" })
      : new URLSearchParams({ prompt: "consent" });
  }
  throw new Error("The provider never sent the browser back");
}
