// Single sign-on against a real OpenID Connect provider (oidc-provider on a loopback port): the whole flow, each way
// the callback refuses (audited with its reason), the admin pages, email-first sign-in, invitations, sign-out and
// step-up through the provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOneTimeLink } from "~/models/account.server";
import { hashToken } from "~/utils/tokens.server";
import type { RunningIdentityProvider } from "../../scripts/identity-provider-server";
import { makePerson, makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
import {
  loginAtProvider,
  PROVIDER_USERS,
  registerProvider,
  SSO_DOMAIN,
  startTestProvider,
  TEST_CLIENT,
} from "../setup/oidc-provider";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let provider: RunningIdentityProvider;
let lateProvider: RunningIdentityProvider;
let providerId: number;
let lateProviderId: number;
const people = {} as Record<"member" | "unverified" | "otherDomain", { id: number }>;
let invitee: { id: number };
let inviteToken: string;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    people.member = await makePerson(db, { name: "Sam Single", email: PROVIDER_USERS.member.email });
    people.unverified = await makePerson(db, { name: "Una", email: PROVIDER_USERS.unverified.email });
    people.otherDomain = await makePerson(db, { name: "Olly", email: PROVIDER_USERS.otherDomain.email });
    invitee = await makePerson(db, {
      name: "Ivy Invited",
      email: PROVIDER_USERS.invitee.email,
      active: false,
    });
    inviteToken = (
      await db
        .transaction()
        .execute((tx) => createOneTimeLink(tx, { personId: invitee.id, purpose: "invite", createdBy: null }))
    ).token;
  });
  provider = await startTestProvider(server.url);
  // A provider whose ID tokens expired an hour before they are issued: beyond any clock tolerance.
  lateProvider = await startTestProvider(server.url, { expiredIdTokens: true });
  providerId = await registerProvider(server.db, provider);
  lateProviderId = await registerProvider(server.db, lateProvider, {
    name: "Late Identity",
    domains: ["late.example"],
  });
});

afterAll(async () => {
  await provider?.close();
  await lateProvider?.close();
  await server?.stop();
});

const firstCookie = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);

/** Posts the SSO start form; answers the provider's authorization URL and the browser-binding cookie. */
async function startSso(fields: Record<string, string>, cookie?: string) {
  const response = await post(`${server.url}/sso/start`, fields, cookie);
  expect(response.status, await response.clone().text()).toBe(303);
  const stateCookie = firstCookie(response, "tandem_sso");
  expect(stateCookie).toBeDefined();
  return { authorizationUrl: response.headers.get("location")!, stateCookie: stateCookie! };
}

async function signInThroughProvider(
  login: string,
  options: { provider?: number; redirectTo?: string } = {},
) {
  const started = await startSso({
    provider: String(options.provider ?? providerId),
    purpose: "sign-in",
    email: login,
    redirectTo: options.redirectTo ?? "/",
  });
  const callbackUrl = await loginAtProvider(started.authorizationUrl, login);
  return { ...started, callbackUrl };
}

const audits = (action: string) =>
  server.db.selectFrom("audit_events").where("action", "=", action).selectAll().orderBy("id").execute();

async function lastFailure() {
  const rows = await audits("sso.failed");
  return JSON.parse(rows.at(-1)!.details) as { reason: string; detail: string | null; email: string | null };
}

async function expectRefused(response: Response, reason: string, text: RegExp) {
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain("We could not sign you in with");
  expect(html).toMatch(text);
  expect(html).toContain('href="/sign-in"');
  expect(html).not.toMatch(/OAUTH_|at \S+ \(/);
  expect(firstCookie(response, "tandem_session")).toBeUndefined();
  expect((await lastFailure()).reason).toBe(reason);
}

describe("signing in with an identity provider", () => {
  it("signs a known person in with a verified email, as an SSO session remembering the provider, and audits it", async () => {
    const redirectTo = `/cohorts/${world.cohortA.id}`;
    const { authorizationUrl, stateCookie, callbackUrl } = await signInThroughProvider(
      PROVIDER_USERS.member.email,
      { redirectTo },
    );
    const asked = new URL(authorizationUrl);
    expect(asked.origin).toBe(provider.issuer);
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
    expect(asked.searchParams.get("scope")).toBe("openid email profile");
    expect(asked.searchParams.get("login_hint")).toBe(PROVIDER_USERS.member.email);
    expect(asked.searchParams.get("nonce")).toBeTruthy();
    expect(asked.searchParams.get("redirect_uri")).toBe(`${server.url}/sso/callback`);
    // Only the state's hash is kept.
    const request = await server.db
      .selectFrom("sso_requests")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(request.state_hash).toBe(hashToken(asked.searchParams.get("state")!));

    const response = await get(callbackUrl, stateCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(redirectTo);
    const session = firstCookie(response, "tandem_session");
    expect(session).toBeDefined();
    const home = await get(`${server.url}/`, session);
    expect(await home.text()).toContain("Sam Single");
    const row = await server.db
      .selectFrom("sessions")
      .where("person_id", "=", people.member.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.method).toBe("sso");
    expect(row.verified_at).not.toBeNull();
    expect(row.sso_provider_id).toBe(providerId);
    expect(row.sso_id_token).toMatch(/^v1\./);
    const signedIn = (await audits("sso.signed_in")).filter((e) => e.actor_person_id === people.member.id);
    expect(signedIn.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses an answer whose state is not this browser's, or with no cookie at all", async () => {
    const first = await signInThroughProvider(PROVIDER_USERS.member.email);
    const second = await signInThroughProvider(PROVIDER_USERS.member.email);
    await expectRefused(
      await get(second.callbackUrl, first.stateCookie),
      "state",
      /took too long|opened twice/,
    );
    await expectRefused(await get(first.callbackUrl), "state", /took too long|opened twice/);
  });

  it("refuses the same answer twice (a replayed code)", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.member.email);
    expect((await get(callbackUrl, stateCookie)).status).toBe(302);
    await expectRefused(await get(callbackUrl, stateCookie), "state", /opened twice/);
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.member.email);
    await server.db
      .updateTable("sso_requests")
      .set({ nonce: "another-nonce" })
      .where("used_at", "is", null)
      .execute();
    await expectRefused(
      await get(callbackUrl, stateCookie),
      "id-token-invalid",
      /did not pass Tandem(&#x27;|')s checks/,
    );
    expect((await lastFailure()).detail).toMatch(/nonce/);
  });

  it("refuses an expired ID token", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.member.email, {
      provider: lateProviderId,
    });
    await expectRefused(
      await get(callbackUrl, stateCookie),
      "id-token-invalid",
      /did not pass Tandem(&#x27;|')s checks/,
    );
    expect((await lastFailure()).detail).toMatch(/exp/);
  });

  it("refuses an email the provider has not verified", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.unverified.email);
    await expectRefused(
      await get(callbackUrl, stateCookie),
      "email-unverified",
      /has not confirmed your email/,
    );
  });

  it("refuses the email of nobody in Tandem, never making an account", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.stranger.email);
    await expectRefused(
      await get(callbackUrl, stateCookie),
      "no-account",
      /Ask your coordinator for an invitation/,
    );
    const made = await server.db
      .selectFrom("people")
      .where("email_key", "=", PROVIDER_USERS.stranger.email)
      .selectAll()
      .execute();
    expect(made).toEqual([]);
  });

  it("refuses an email of a domain the provider does not vouch for", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.otherDomain.email);
    await expectRefused(
      await get(callbackUrl, stateCookie),
      "domain-not-vouched",
      /not one Test Identity signs in for/,
    );
    expect((await lastFailure()).email).toBe(PROVIDER_USERS.otherDomain.email);
  });

  it("refuses the provider's own refusal (the person cancelled) as the provider's", async () => {
    const { stateCookie, authorizationUrl } = await signInThroughProvider(PROVIDER_USERS.member.email);
    const state = new URL(authorizationUrl).searchParams.get("state")!;
    const url = `${server.url}/sso/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`;
    // This request's own state (the last one started) is still unused.
    const started = await startSso({ provider: String(providerId), purpose: "sign-in" });
    const ownState = new URL(started.authorizationUrl).searchParams.get("state")!;
    await expectRefused(
      await get(url.replace(state, ownState), started.stateCookie),
      "provider",
      /did not sign you in/,
    );
    expect(stateCookie).toBeDefined();
  });
});

describe("the sign-in page, email first", () => {
  it("offers the provider for its domain, letting the form lead to it, and the password for any other email", async () => {
    const sso = await post(`${server.url}/sign-in`, {
      step: "email",
      email: PROVIDER_USERS.member.email,
      redirectTo: "/profile",
    });
    expect(sso.status).toBe(200);
    const ssoHtml = await sso.text();
    expect(ssoHtml).toContain("Sign in with Test Identity");
    expect(ssoHtml).toContain('action="/sso/start"');
    expect(ssoHtml).toContain('name="redirectTo" value="/profile"');
    expect(ssoHtml).not.toContain('type="password"');
    expect(sso.headers.get("content-security-policy")).toContain(`form-action 'self' ${provider.issuer}`);
    expect(sso.headers.get("x-tandem-form-action")).toBeNull();

    for (const email of [world.people.participant.email, "nobody@example.test"]) {
      const password = await post(`${server.url}/sign-in`, { step: "email", email, redirectTo: "/profile" });
      expect(password.status).toBe(200);
      const html = await password.text();
      expect(html).toContain('type="password"');
      expect(html).toContain(`Signing in as <strong>${email}</strong>`);
      expect(html).toContain('name="redirectTo" value="/profile"');
      expect(password.headers.get("content-security-policy")).toContain("form-action 'self';");
    }
  });

  it("does not accept Tandem's password for a domain with a provider, offering the provider instead", async () => {
    const response = await post(`${server.url}/sign-in`, {
      email: PROVIDER_USERS.member.email,
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`Tandem&#x27;s own password is not used for @${SSO_DOMAIN} addresses`);
    expect(html).toContain("Sign in with Test Identity");
    expect(firstCookie(response, "tandem_session")).toBeUndefined();
  });

  it("still signs a password account in with one post of email and password", async () => {
    const response = await post(`${server.url}/sign-in`, {
      email: world.people.mentor.email,
      password: TEST_PASSWORD,
      redirectTo: "/profile",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/profile");
  });
});

describe("an invitation accepted through the provider", () => {
  it("shows the provider instead of the password form, then uses the link and signs the person in", async () => {
    const page = await get(`${server.url}/set-password/${inviteToken}`);
    const html = await page.text();
    expect(html).toContain("Accept your invitation by signing in with Test Identity");
    expect(html).not.toContain('type="password"');
    const refused = await post(`${server.url}/set-password/${inviteToken}`, {
      password: "a long enough password here",
      confirm: "a long enough password here",
    });
    expect(refused.status).toBe(400);

    const started = await startSso({
      provider: String(providerId),
      purpose: "invitation",
      token: inviteToken,
    });
    expect(new URL(started.authorizationUrl).searchParams.get("login_hint")).toBe(
      PROVIDER_USERS.invitee.email,
    );
    const callbackUrl = await loginAtProvider(started.authorizationUrl, PROVIDER_USERS.invitee.email);
    const response = await get(callbackUrl, started.stateCookie);
    expect(response.status).toBe(302);
    expect(firstCookie(response, "tandem_session")).toBeDefined();
    const link = await server.db
      .selectFrom("one_time_links")
      .where("token_hash", "=", hashToken(inviteToken))
      .select("used_at")
      .executeTakeFirstOrThrow();
    expect(link.used_at).not.toBeNull();
    const accepted = await audits("invitation.accepted");
    expect(accepted.some((e) => e.subject_id === invitee.id)).toBe(true);
    expect(await (await get(`${server.url}/set-password/${inviteToken}`)).text()).toContain(
      "already been used",
    );
  });
});

describe("signing out of a session that came from the provider", () => {
  it("ends Tandem's session and offers the provider's sign-out, with the ID token as a hint", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.member.email);
    const session = firstCookie(await get(callbackUrl, stateCookie), "tandem_session")!;
    const out = await post(`${server.url}/sign-out`, {}, session);
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/signed-out");
    const signedOut = firstCookie(out, "tandem_signed_out")!;
    expect(signedOut).toBeDefined();
    expect((await get(`${server.url}/`, session)).headers.get("location")).toContain("/sign-in");

    const page = await get(`${server.url}/signed-out`, signedOut);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You have signed out of Tandem");
    expect(html).toContain("Sign out of Test Identity too");
    const href = /href="([^"]*session\/end[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    const endSession = new URL(href!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^eyJ/);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${server.url}/sign-in`);
  });

  it("signs a password session out as before", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.mentor.id);
    const out = await post(`${server.url}/sign-out`, {}, cookie);
    expect(out.headers.get("location")).toBe("/sign-in");
    expect(firstCookie(out, "tandem_signed_out")).toBeUndefined();
    expect((await get(`${server.url}/signed-out`)).headers.get("location")).toBe("/sign-in");
  });
});

describe("confirming it is you through the provider", () => {
  it("signs in again at the provider (prompt=login, max_age=0) and marks the session verified", async () => {
    const { callbackUrl, stateCookie } = await signInThroughProvider(PROVIDER_USERS.member.email);
    const session = firstCookie(await get(callbackUrl, stateCookie), "tandem_session")!;
    await server.db
      .updateTable("sessions")
      .set({ verified_at: "2000-01-01T00:00:00.000Z" })
      .where("person_id", "=", people.member.id)
      .execute();
    const started = await startSso(
      { provider: String(providerId), purpose: "confirm", redirectTo: "/profile" },
      session,
    );
    const asked = new URL(started.authorizationUrl).searchParams;
    expect(asked.get("prompt")).toBe("login");
    expect(asked.get("max_age")).toBe("0");
    const back = await loginAtProvider(started.authorizationUrl, PROVIDER_USERS.member.email);
    const response = await get(back, `${session}; ${started.stateCookie}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/profile");
    const rows = await server.db
      .selectFrom("sessions")
      .where("person_id", "=", people.member.id)
      .select("verified_at")
      .execute();
    expect(rows.some((row) => row.verified_at! > "2001")).toBe(true);
  });

  it("refuses to confirm someone signed out, or with a provider that does not sign them in", async () => {
    expect(
      (await post(`${server.url}/sso/start`, { provider: String(providerId), purpose: "confirm" })).status,
    ).toBe(302);
    const cookie = await sessionCookieFor(server.db, world.people.mentor.id);
    const refused = await post(
      `${server.url}/sso/start`,
      { provider: String(providerId), purpose: "confirm" },
      cookie,
    );
    expect(refused.status).toBe(403);
  });
});

describe("the identity provider admin pages", () => {
  async function verifiedAdmin() {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id);
    await server.db
      .updateTable("sessions")
      .set({ verified_at: new Date().toISOString() })
      .where("person_id", "=", world.people.admin.id)
      .execute();
    return cookie;
  }

  it("asks an administrator to confirm it is them before adding a provider", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id);
    await server.db
      .updateTable("sessions")
      .set({ verified_at: null })
      .where("person_id", "=", world.people.admin.id)
      .execute();
    for (const response of [
      await get(`${server.url}/admin/identity-providers/new`, cookie),
      await post(`${server.url}/admin/identity-providers/new`, { name: "X" }, cookie),
    ]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(
        `/confirm-it-is-you?redirectTo=${encodeURIComponent("/admin/identity-providers/new")}`,
      );
    }
    expect((await get(`${server.url}/admin/identity-providers`, cookie)).status).toBe(200);
  });

  it("keeps what was typed with each problem, never echoing the secret", async () => {
    const cookie = await verifiedAdmin();
    const response = await post(
      `${server.url}/admin/identity-providers/new`,
      {
        name: "Example Department",
        issuer: "http://login.example.com",
        clientId: "tandem",
        clientSecret: "typed-secret-123",
        domains: "department.gov.uk\nnot a domain",
      },
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The issuer URL must start with https://");
    expect(html).toContain("&quot;not&quot; is not a domain name");
    expect(html).toContain('value="Example Department"');
    expect(html).toContain("department.gov.uk");
    expect(html).not.toContain("typed-secret-123");
    expect(html).toContain('href="#issuer"');
  });

  it("refuses an issuer whose discovery document cannot be read, and a domain another provider has", async () => {
    const cookie = await verifiedAdmin();
    const unreadable = await post(
      `${server.url}/admin/identity-providers/new`,
      {
        name: "Nowhere",
        issuer: "http://127.0.0.1:9",
        clientId: "tandem",
        clientSecret: "s",
        domains: "nowhere.example",
      },
      cookie,
    );
    expect(unreadable.status).toBe(400);
    expect(await unreadable.text()).toContain("Tandem could not read the issuer&#x27;s discovery document");
    const taken = await post(
      `${server.url}/admin/identity-providers/new`,
      { name: "Again", issuer: provider.issuer, clientId: "tandem", clientSecret: "s", domains: SSO_DOMAIN },
      cookie,
    );
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(`${SSO_DOMAIN} (Test Identity)`);
  });

  it("adds, changes and removes a provider, keeping the secret sealed and audited", async () => {
    const cookie = await verifiedAdmin();
    const secret = "brand-new-client-secret-7731";
    const added = await post(
      `${server.url}/admin/identity-providers/new`,
      {
        name: "New Department",
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: secret,
        domains: "New.example\nnew2.example",
      },
      cookie,
    );
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe("/admin/identity-providers");
    const row = await server.db
      .selectFrom("identity_providers")
      .where("name", "=", "New Department")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain(secret);
    expect(row.client_secret).toMatch(/^v1\./);
    const list = await (await get(`${server.url}/admin/identity-providers`, cookie)).text();
    expect(list).toContain("new.example, new2.example");
    const edit = await (await get(`${server.url}/admin/identity-providers/${row.id}`, cookie)).text();
    expect(edit).not.toContain(secret);
    expect(edit).not.toContain(row.client_secret);

    const changed = await post(
      `${server.url}/admin/identity-providers/${row.id}`,
      {
        intent: "save",
        version: String(row.version),
        name: "Renamed Department",
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: "",
        domains: "new.example",
      },
      cookie,
    );
    expect(changed.status).toBe(302);
    const after = await server.db
      .selectFrom("identity_providers")
      .where("id", "=", row.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(after.name).toBe("Renamed Department");
    expect(after.client_secret).toBe(row.client_secret);

    const stale = await post(
      `${server.url}/admin/identity-providers/${row.id}`,
      { intent: "remove", version: String(row.version) },
      cookie,
    );
    expect(stale.status).toBe(409);
    const removed = await post(
      `${server.url}/admin/identity-providers/${row.id}`,
      { intent: "remove", version: String(after.version) },
      cookie,
    );
    expect(removed.status).toBe(302);
    for (const action of [
      "identity_provider.added",
      "identity_provider.changed",
      "identity_provider.removed",
    ])
      expect((await audits(action)).some((e) => e.subject_id === row.id)).toBe(true);
  });
});
