// The session cookie (a random token, signed; the session itself lives in the database) and the flash banner.
import { type AppLoadContext, createCookie, redirect } from "@remix-run/node";
import type { SignInMethod } from "~/domain/vocabulary";
import {
  createSession,
  deleteSession,
  findSessionUser,
  SESSION_ABSOLUTE_MINUTES,
  type SessionSso,
  type SessionUser,
  setFlash,
} from "~/models/account.server";
import { isProduction } from "~/utils/env.server";
import { randomToken } from "~/utils/tokens.server";

/** The secret Tandem's cookies are signed with. */
export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (secret) return secret;
  if (isProduction()) throw new Error("SESSION_SECRET must be set when NODE_ENV=production");
  // Outside production a per-process secret is enough: restarting the server signs everyone out.
  return randomToken();
}

export const sessionCookie = createCookie(isProduction() ? "__Host-tandem_session" : "tandem_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction(),
  path: "/",
  maxAge: SESSION_ABSOLUTE_MINUTES * 60,
  secrets: [sessionSecret()],
});

const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in person, or null. Looked up once per request. */
export function getSessionUser(context: AppLoadContext, request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async () => {
      const token = await sessionCookie.parse(request.headers.get("Cookie"));
      return typeof token === "string" && token ? findSessionUser(context.db, token) : null;
    })();
    cache.set(request, pending);
  }
  return pending;
}

/**
 * Signs the person in (a new session, so a session fixed before sign-in is never promoted) and redirects. `method`
 * says how they proved who they are: anything but "password" alone counts as a second factor now. `sso` names the
 * identity provider a single sign-on came from.
 */
export async function startSession(
  context: AppLoadContext,
  personId: number,
  redirectTo: string,
  method: SignInMethod = "password",
  sso: SessionSso | null = null,
) {
  const token = await createSession(context.db, personId, method, sso);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize(token) } });
}

export async function endSession(context: AppLoadContext, request: Request, redirectTo: string) {
  const user = await getSessionUser(context, request);
  if (user) await deleteSession(context.db, user.sessionId);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}

/** Redirects with a success banner shown once on the next page. */
export async function redirectWithBanner(
  context: AppLoadContext,
  request: Request,
  to: string,
  message: string,
) {
  const user = await getSessionUser(context, request);
  if (user) await setFlash(context.db, user.sessionId, message);
  return redirect(to);
}

/** Reads and clears the banner left by the last action. */
export async function takeBanner(context: AppLoadContext, request: Request): Promise<string | null> {
  const user = await getSessionUser(context, request);
  if (!user?.flash) return null;
  await setFlash(context.db, user.sessionId, null);
  return user.flash;
}

// Any origin will do: only a path that stays on it is kept. `.invalid` can never be a real host.
const HOME_ORIGIN = "http://tandem.invalid";
// Control, format and separator characters (tab, CR, LF, U+3000 ideographic space, U+200B, …) and any other white
// space: browsers strip or reinterpret some of them (`/\t/evil.example` is `//evil.example`), and a header cannot
// carry others, so a target holding one is never honoured.
const UNSAFE_CHARACTERS = /[\p{C}\p{Z}\s]/u;

/**
 * Where to send someone after signing in or an action (`redirectTo`, `returnTo`): the target resolved with the URL
 * parser against the app's origin, kept only when it is a path on that same origin with no control or space
 * characters; anything else goes to `fallback`. Never throws, so a crafted target cannot cause a 500.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || UNSAFE_CHARACTERS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, HOME_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME_ORIGIN || url.username || url.password) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
