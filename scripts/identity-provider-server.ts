// An OpenID Connect provider (oidc-provider, the certified one by openid-client's author) for the local demo and
// the tests: one confidential client for Tandem, people with `email` and `email_verified` claims, the library's
// development login form (any password), consent taken as given for openid email profile, PKCE required, and the
// provider's own sign-out (RP-initiated logout).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type ProviderUser = { email: string; emailVerified: boolean; name: string };

export type IdentityProviderOptions = {
  /** The port to listen on on `host`; 0 for any free one. */
  port: number;
  host?: string;
  /** How the issuer names the host ("127.0.0.1" for tests, "localhost" for the demo). */
  issuerHost?: string;
  client: { id: string; secret: string; redirectUri: string; postLogoutRedirectUri: string };
  users: ProviderUser[];
  /** The ID tokens this provider issues are already an hour past their expiry (for Tandem's validation tests). */
  expiredIdTokens?: boolean;
};

/** An ID token's lifetime in seconds that ends an hour before it is issued (oidc-provider takes a function as is). */
function expiredAnHourAgo(): number {
  return -3600;
}

export type RunningIdentityProvider = { issuer: string; close: () => Promise<void> };

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<RunningIdentityProvider> {
  const users = new Map(options.users.map((user) => [user.email.toLowerCase(), user]));
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.issuerHost ?? "127.0.0.1"}:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: [options.client.redirectUri],
        post_logout_redirect_uris: [options.client.postLogoutRedirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The ID token carries the email itself (Tandem reads it there, not from the userinfo endpoint).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["tandem-test-identity-provider-cookie-key"] },
    ttl: { IdToken: options.expiredIdTokens ? expiredAnHourAgo : 3600 },
    async findAccount(_ctx: unknown, id: string) {
      const user = users.get(id.toLowerCase());
      if (!user) return undefined;
      return {
        accountId: user.email,
        async claims() {
          return { sub: user.email, email: user.email, email_verified: user.emailVerified, name: user.name };
        },
      };
    },
    // Consent is taken as given: Tandem is the organisation's own registered application.
    async loadExistingGrant(ctx: {
      oidc: {
        result?: { consent?: { grantId?: string } };
        session: { accountId: string; grantIdFor: (clientId: string) => string | undefined };
        client: { clientId: string };
        provider: {
          Grant: {
            new (init: {
              clientId: string;
              accountId: string;
            }): {
              addOIDCScope: (scope: string) => void;
              save: () => Promise<string>;
            };
            find: (id: string) => Promise<unknown>;
          };
        };
      };
    }) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  handle = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
