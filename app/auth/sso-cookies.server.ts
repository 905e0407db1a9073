// The short-lived cookies of single sign-on, signed like the session cookie. One binds a sign-in sent to a provider
// to this browser (it holds the request's state, which the provider's answer must carry back); the other, after
// signing out, holds what the provider's own sign-out needs (sealed), since the session it came from is gone.
import { createCookie } from "@remix-run/node";
import { SSO_REQUEST_MINUTES } from "~/models/identity-provider.server";
import { isProduction } from "~/utils/env.server";
import { openSecret, sealSecret } from "~/utils/secret-box.server";
import { sessionSecret } from "./session.server";

const options = {
  httpOnly: true,
  // Lax: the provider's answer is a top-level navigation from its site back to Tandem, which must carry the cookie.
  sameSite: "lax" as const,
  secure: isProduction(),
  path: "/",
  maxAge: SSO_REQUEST_MINUTES * 60,
  secrets: [sessionSecret()],
};

const stateJar = createCookie(isProduction() ? "__Host-tandem_sso" : "tandem_sso", options);
const signedOutJar = createCookie(isProduction() ? "__Host-tandem_signed_out" : "tandem_signed_out", options);

/** The Set-Cookie header binding a sign-in request's state to this browser. */
export function ssoStateCookie(state: string): Promise<string> {
  return stateJar.serialize(state);
}

/** The state this browser sent to a provider, or null. */
export async function ssoStateOf(request: Request): Promise<string | null> {
  const value = await stateJar.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

export function clearSsoStateCookie(): Promise<string> {
  return stateJar.serialize("", { maxAge: 0 });
}

type SignedOut = { providerId: number; idToken: string };

export function signedOutCookie(value: SignedOut): Promise<string> {
  return signedOutJar.serialize(sealSecret(JSON.stringify(value)));
}

export async function signedOutOf(request: Request): Promise<SignedOut | null> {
  const value = await signedOutJar.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !value) return null;
  try {
    const parsed = JSON.parse(openSecret(value)) as Partial<SignedOut>;
    return typeof parsed.providerId === "number" && typeof parsed.idToken === "string"
      ? { providerId: parsed.providerId, idToken: parsed.idToken }
      : null;
  } catch {
    return null;
  }
}

export function clearSignedOutCookie(): Promise<string> {
  return signedOutJar.serialize("", { maxAge: 0 });
}
