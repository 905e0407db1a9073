// Tandem as an OpenID Connect relying party (openid-client): each provider's discovered configuration, cached in
// the process; the authorization request (code flow with PKCE, state and nonce); the code exchange with the ID
// token's validation; and the provider's end-session address.
import * as client from "openid-client";
import { isLoopbackUrl } from "~/domain/sso";
import { appUrl } from "~/utils/env.server";
import { paths } from "~/utils/paths";
import { openSecret } from "~/utils/secret-box.server";

/** How long a provider's discovered metadata (and its signing keys) are trusted before they are read again. */
const CONFIGURATION_TTL_MS = 10 * 60_000;
/** How long Tandem waits for a provider to answer. */
const TIMEOUT_SECONDS = 10;
/** Clock difference tolerated between Tandem and a provider when checking an ID token's times. */
const CLOCK_TOLERANCE_SECONDS = 30;

type ProviderSettings = { id: number; issuer: string; client_id: string; client_secret: string };

const cache = new Map<string, { key: string; at: number; configuration: Promise<client.Configuration> }>();

function discoveryOptions(issuer: URL): client.DiscoveryRequestOptions {
  // Plain http only for a provider on this machine (tests and the local demo); validation refuses it elsewhere.
  return {
    timeout: TIMEOUT_SECONDS,
    ...(issuer.protocol === "http:" && isLoopbackUrl(issuer)
      ? { execute: [client.allowInsecureRequests] }
      : {}),
  };
}

async function discover(issuer: string, clientId: string, clientSecret: string) {
  const url = new URL(issuer);
  const configuration = await client.discovery(
    url,
    clientId,
    { [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
    client.ClientSecretBasic(clientSecret),
    discoveryOptions(url),
  );
  return configuration;
}

/** The provider's configuration, discovered once per TTL and shared by every request (a failure is not kept). */
export function providerConfiguration(provider: ProviderSettings): Promise<client.Configuration> {
  const key = `${provider.issuer}\n${provider.client_id}\n${provider.client_secret}`;
  const cached = cache.get(String(provider.id));
  if (cached && cached.key === key && Date.now() - cached.at < CONFIGURATION_TTL_MS)
    return cached.configuration;
  const configuration = discover(provider.issuer, provider.client_id, openSecret(provider.client_secret));
  cache.set(String(provider.id), { key, at: Date.now(), configuration });
  configuration.catch(() => {
    if (cache.get(String(provider.id))?.configuration === configuration) cache.delete(String(provider.id));
  });
  return configuration;
}

/**
 * Reads the issuer's discovery document, as saving a provider does: null when it is usable, or the reason it is not
 * (for the form's issuer field).
 */
export async function issuerUnreadable(issuer: string): Promise<string | null> {
  try {
    const configuration = await discover(issuer, "tandem", "unused");
    const metadata = configuration.serverMetadata();
    if (!metadata.authorization_endpoint || !metadata.token_endpoint)
      return "The issuer's discovery document has no authorization or token endpoint";
    return null;
  } catch (error) {
    return `Tandem could not read the issuer's discovery document (${issuer.replace(/\/$/, "")}/.well-known/openid-configuration): ${plainError(error)}`;
  }
}

function plainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 200);
}

/** Where the provider sends people back to: one callback for every provider. */
export function redirectUri(): string {
  return `${appUrl()}${paths.ssoCallback()}`;
}

export type AuthorizationRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

/**
 * The address that asks the provider to sign someone in (scope openid email profile), with fresh state, nonce and
 * PKCE verifier for Tandem to keep. "confirm" (step-up) makes the provider ask again whoever is signed in there.
 */
export async function authorizationRequest(
  provider: ProviderSettings,
  options: { loginHint: string | null; reauthenticate: boolean },
): Promise<AuthorizationRequest> {
  const configuration = await providerConfiguration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  if (options.loginHint) parameters.login_hint = options.loginHint;
  if (options.reauthenticate) {
    parameters.prompt = "login";
    parameters.max_age = "0";
  }
  return { url: client.buildAuthorizationUrl(configuration, parameters), state, nonce, codeVerifier };
}

export type VerifiedSignIn = {
  email: string | null;
  emailVerified: boolean;
  idToken: string;
};

/**
 * Exchanges the code in the provider's answer (`callbackUrl`) for tokens and validates the ID token (signature,
 * issuer, audience, times, nonce; and auth_time for a step-up). Throws what openid-client throws.
 */
export async function completeSignIn(
  provider: ProviderSettings,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string; reauthenticated: boolean },
): Promise<VerifiedSignIn> {
  const configuration = await providerConfiguration(provider);
  // The provider answers to the public address (APP_URL), whatever address this request reached Tandem by.
  const answered = new URL(redirectUri());
  answered.search = callbackUrl.search;
  const tokens = await client.authorizationCodeGrant(configuration, answered, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    ...(checks.reauthenticated ? { maxAge: 0 } : {}),
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error("The provider sent no ID token");
  return {
    email: typeof claims.email === "string" ? claims.email : null,
    emailVerified: claims.email_verified === true,
    idToken: tokens.id_token,
  };
}

/** The provider's own sign-out address (RP-initiated logout), back to Tandem's sign-in page; null without one. */
export async function endSessionUrl(provider: ProviderSettings, idToken: string): Promise<string | null> {
  try {
    const configuration = await providerConfiguration(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${appUrl()}${paths.signIn()}`,
      })
      .toString();
  } catch {
    return null;
  }
}

/** The origin the sign-in form's redirect goes to (for the page's form-action policy): the authorization endpoint's. */
export async function authorizationOrigin(provider: ProviderSettings): Promise<string> {
  try {
    const endpoint = (await providerConfiguration(provider)).serverMetadata().authorization_endpoint;
    if (endpoint) return new URL(endpoint).origin;
  } catch {
    // The provider cannot be reached now: the start route will say so; the issuer's origin is the best guess.
  }
  return new URL(provider.issuer).origin;
}

/** What went wrong, for the audit log: openid-client's code and message, or the provider's error. */
export function failureDetail(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError)
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof client.ClientError) {
    // openid-client's message is general; oauth4webapi's, in the cause, names the check (the nonce, the expiry).
    const cause = error.cause instanceof Error ? ` (${plainError(error.cause)})` : "";
    return `${error.code ?? "error"}: ${plainError(error)}${cause}`;
  }
  return plainError(error);
}

/** Whether the error is the ID token (or the answer) failing Tandem's checks, rather than the provider refusing. */
export function isValidationFailure(error: unknown): boolean {
  return (
    error instanceof client.ClientError &&
    [
      "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
      "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
      "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
      "OAUTH_INVALID_RESPONSE",
      "OAUTH_KEY_SELECTION_FAILED",
    ].includes(error.code ?? "")
  );
}
