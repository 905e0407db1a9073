// Passkeys over HTTP against the built server on localhost, with a software authenticator making real signatures:
// adding, naming and removing one (without JavaScript where the page allows it), signing in with it alone, the
// replayed answer refused, confirming it is you only with your own passkey, the pages' content without
// JavaScript, and cross-site posts refused.
import { describe, expect, it } from "vitest";
import { serveWorldOnLocalhost } from "../setup/localhost-server";
import { get, post, sessionCookieFor } from "../setup/server";
import { SoftAuthenticator, type SoftPasskey } from "../setup/webauthn";

const ctx = serveWorldOnLocalhost();

type Json = Record<string, unknown> & {
  options?: { challenge: string; rp: { id?: string }; user: { id: string }; rpId?: string };
  redirectTo?: string;
  message?: string;
};

async function postJson(path: string, fields: Record<string, string>, cookie?: string) {
  const response = await post(`${ctx.server.url}${path}`, fields, cookie);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

async function addPasskey(cookie: string): Promise<{ passkey: SoftPasskey; redirectTo: string }> {
  const authenticator = new SoftAuthenticator(ctx.server.url);
  const options = await postJson("/profile/passkeys/register", { intent: "options" }, cookie);
  expect(options.status).toBe(200);
  const { passkey, answer } = authenticator.register(options.body.options!);
  const verified = await postJson(
    "/profile/passkeys/register",
    { intent: "verify", credential: JSON.stringify(answer) },
    cookie,
  );
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return { passkey, redirectTo: verified.body.redirectTo! };
}

/** Confirms it is the person with one of their passkeys (step-up): their session is verified for a while. */
async function confirmWith(passkey: SoftPasskey, cookie: string) {
  const options = await postJson("/passkeys/confirm", { intent: "options" }, cookie);
  const answer = new SoftAuthenticator(ctx.server.url).authenticate(passkey, {
    challenge: options.body.options!.challenge,
  });
  const confirmed = await postJson(
    "/passkeys/confirm",
    { intent: "verify", credential: JSON.stringify(answer) },
    cookie,
  );
  expect(confirmed.status).toBe(200);
}

async function passkeyIdsOf(personId: number) {
  const rows = await ctx.server.db
    .selectFrom("passkeys")
    .where("person_id", "=", personId)
    .select("id")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

describe("passkeys over HTTP", () => {
  it("adds a passkey, names it, and signs in with it alone into a verified session, keeping redirectTo", async () => {
    const mentor = ctx.world.people.mentor;
    const cookie = await sessionCookieFor(ctx.server.db, mentor.id);
    const options = await postJson("/profile/passkeys/register", { intent: "options" }, cookie);
    expect(options.body.options?.rp.id).toBe("localhost");
    const { passkey, redirectTo } = await addPasskey(cookie);
    const [id] = await passkeyIdsOf(mentor.id);
    expect(redirectTo).toBe(`/profile/passkeys/${id}?added=1`);

    const naming = await get(`${ctx.server.url}${redirectTo}`, cookie);
    const page = await naming.text();
    expect(page).toContain("Your passkey is added");
    expect(page).toMatch(/value="Passkey added \d+ \w+ \d{4} at \d+:\d\d[ap]m"/);
    const empty = await post(`${ctx.server.url}/profile/passkeys/${id}`, { name: "" }, cookie);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter a name for your passkey");
    const named = await post(`${ctx.server.url}/profile/passkeys/${id}`, { name: "Work laptop" }, cookie);
    expect(named.status).toBe(302);
    expect(named.headers.get("location")).toBe("/profile/passkeys");
    const list = await (await get(`${ctx.server.url}/profile/passkeys`, cookie)).text();
    expect(list).toContain("Work laptop");
    expect(list).toContain("Not used yet");

    const authenticator = new SoftAuthenticator(ctx.server.url);
    const signIn = await postJson("/passkeys/sign-in", { intent: "options" });
    const answer = authenticator.authenticate(passkey, { challenge: signIn.body.options!.challenge });
    const verified = await postJson("/passkeys/sign-in", {
      intent: "verify",
      credential: JSON.stringify(answer),
      redirectTo: "/profile",
    });
    expect(verified.status).toBe(200);
    expect(verified.body.redirectTo).toBe("/profile");
    const session = verified.headers.get("set-cookie")?.split(";")[0];
    expect(session).toMatch(/^tandem_session=/);
    const profile = await get(`${ctx.server.url}/profile`, session);
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain(mentor.email);
    const row = await ctx.server.db
      .selectFrom("sessions")
      .where("person_id", "=", mentor.id)
      .where("method", "=", "passkey")
      .select(["verified_at"])
      .executeTakeFirstOrThrow();
    expect(row.verified_at).not.toBeNull();

    // The same answer again: its challenge is used.
    const replay = await postJson("/passkeys/sign-in", {
      intent: "verify",
      credential: JSON.stringify(answer),
    });
    expect(replay.status).toBe(400);
    expect(replay.body.message).toBe("Tandem could not accept that passkey. Try again, or use another way.");
    expect(replay.headers.get("set-cookie")).toBeNull();
  });

  it("keeps people to their own passkeys: someone else's is not found to name or remove", async () => {
    const participant = ctx.world.people.participant;
    const owner = await sessionCookieFor(ctx.server.db, participant.id);
    await addPasskey(owner);
    const [id] = await passkeyIdsOf(participant.id);
    const coordinator = await sessionCookieFor(ctx.server.db, ctx.world.people.coordinator.id);
    expect((await get(`${ctx.server.url}/profile/passkeys/${id}`, coordinator)).status).toBe(404);
    expect((await get(`${ctx.server.url}/profile/passkeys/${id}/remove`, coordinator)).status).toBe(404);
    const rename = await post(`${ctx.server.url}/profile/passkeys/${id}`, { name: "Mine now" }, coordinator);
    expect(rename.status).toBe(404);
    expect((await post(`${ctx.server.url}/profile/passkeys/${id}/remove`, {}, coordinator)).status).toBe(404);
    expect(await passkeyIdsOf(participant.id)).toEqual([id]);
    const list = await (await get(`${ctx.server.url}/profile/passkeys`, coordinator)).text();
    expect(list).toContain("You have not added a passkey yet");
  });

  it("removes a passkey with a plain form after a confirmation page (no JavaScript needed)", async () => {
    const leader = ctx.world.people.leader;
    const cookie = await sessionCookieFor(ctx.server.db, leader.id);
    const { passkey } = await addPasskey(cookie);
    await confirmWith(passkey, cookie);
    await addPasskey(cookie);
    const [first, second] = await passkeyIdsOf(leader.id);
    const confirmation = await (
      await get(`${ctx.server.url}/profile/passkeys/${first}/remove`, cookie)
    ).text();
    expect(confirmation).toMatch(/<form method="post"/);
    expect(confirmation).toContain("Remove passkey");
    const removed = await post(`${ctx.server.url}/profile/passkeys/${first}/remove`, {}, cookie);
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe("/profile/passkeys");
    expect(await passkeyIdsOf(leader.id)).toEqual([second]);
    // The removed passkey no longer signs in.
    const options = await postJson("/passkeys/sign-in", { intent: "options" });
    const answer = new SoftAuthenticator(ctx.server.url).authenticate(passkey, {
      challenge: options.body.options!.challenge,
    });
    const refused = await postJson("/passkeys/sign-in", {
      intent: "verify",
      credential: JSON.stringify(answer),
    });
    expect(refused.status).toBe(400);
  });

  it("lets someone with a passkey add another only after confirming it is them", async () => {
    const coordinator = ctx.world.people.coordinator;
    const cookie = await sessionCookieFor(ctx.server.db, coordinator.id);
    const { passkey } = await addPasskey(cookie);
    const page = await (await get(`${ctx.server.url}/profile/passkeys`, cookie)).text();
    expect(page).toContain(
      "To add a passkey, first confirm it is you with a passkey or a code you already have",
    );
    expect(page).not.toContain("Adding a passkey needs JavaScript");
    for (const intent of ["options", "verify"]) {
      const refused = await postJson(
        "/profile/passkeys/register",
        { intent, credential: JSON.stringify({}) },
        cookie,
      );
      expect(refused.status, intent).toBe(403);
      expect(refused.body.message).toContain(
        "To add a passkey, first confirm it is you with a passkey or a code you already have",
      );
    }
    await confirmWith(passkey, cookie);
    await addPasskey(cookie);
    expect(await passkeyIdsOf(coordinator.id)).toHaveLength(2);
  });

  it("confirms it is you with your own passkey only, and then the session is verified", async () => {
    const sponsor = ctx.world.people.sponsor;
    const other = ctx.world.people.otherCohort;
    const cookie = await sessionCookieFor(ctx.server.db, sponsor.id);
    const none = await postJson("/passkeys/confirm", { intent: "options" }, cookie);
    expect(none.status).toBe(400);
    expect(none.body.message).toBe("You have not added a passkey. Use another way.");
    const { passkey: own } = await addPasskey(cookie);
    const { passkey: othersPasskey } = await addPasskey(await sessionCookieFor(ctx.server.db, other.id));
    const authenticator = new SoftAuthenticator(ctx.server.url);
    const verifiedAt = async () =>
      (
        await ctx.server.db
          .selectFrom("sessions")
          .where("person_id", "=", sponsor.id)
          .select("verified_at")
          .orderBy("created_at", "desc")
          .executeTakeFirstOrThrow()
      ).verified_at;
    expect(await verifiedAt()).toBeNull();

    const first = await postJson("/passkeys/confirm", { intent: "options" }, cookie);
    const foreign = authenticator.authenticate(othersPasskey, { challenge: first.body.options!.challenge });
    const refused = await postJson(
      "/passkeys/confirm",
      { intent: "verify", credential: JSON.stringify(foreign), redirectTo: "/profile" },
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(await verifiedAt()).toBeNull();

    const second = await postJson("/passkeys/confirm", { intent: "options" }, cookie);
    const answer = authenticator.authenticate(own, { challenge: second.body.options!.challenge });
    const confirmed = await postJson(
      "/passkeys/confirm",
      { intent: "verify", credential: JSON.stringify(answer), redirectTo: "https://evil.example/" },
      cookie,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.redirectTo).toBe("/");
    expect(await verifiedAt()).not.toBeNull();
  });

  it("says plainly without JavaScript that adding a passkey needs it, and offers the other ways", async () => {
    const cookie = await sessionCookieFor(ctx.server.db, ctx.world.people.admin.id);
    const page = await (await get(`${ctx.server.url}/profile/passkeys`, cookie)).text();
    expect(page).toMatch(/Adding a passkey needs JavaScript.*password.*two-step verification/s);
    // The button is drawn only once the page runs JavaScript.
    expect(page).not.toMatch(/<button[^>]*>Add a passkey<\/button>/);
    const signIn = await (await get(`${ctx.server.url}/sign-in`)).text();
    expect(signIn).toMatch(/To sign in with a passkey, turn on JavaScript.*password instead/s);
    expect(signIn).not.toMatch(/<button[^>]*>Sign in with a passkey<\/button>/);
    const profile = await (await get(`${ctx.server.url}/profile`, cookie)).text();
    expect(profile).toContain('href="/profile/passkeys"');
  });

  it("refuses a ceremony's post from another site", async () => {
    const cookie = await sessionCookieFor(ctx.server.db, ctx.world.people.admin.id);
    for (const path of ["/passkeys/sign-in", "/passkeys/confirm", "/profile/passkeys/register"]) {
      const response = await post(`${ctx.server.url}${path}`, { intent: "options" }, cookie, {
        Origin: "https://evil.example",
      });
      expect(response.status, path).toBe(403);
    }
    const challenges = await ctx.server.db.selectFrom("webauthn_challenges").select("id").execute();
    const before = challenges.length;
    const sameSite = await post(`${ctx.server.url}/passkeys/sign-in`, { intent: "options" }, undefined, {
      Origin: ctx.server.url,
    });
    expect(sameSite.status).toBe(200);
    expect((await ctx.server.db.selectFrom("webauthn_challenges").select("id").execute()).length).toBe(
      before + 1,
    );
  });

  it("refuses signing in with a passkey from an address the sign-in throttle is slowing", async () => {
    const address = "127.0.0.1";
    const at = new Date().toISOString();
    await ctx.server.db
      .insertInto("sign_in_failures")
      .values(Array.from({ length: 40 }, (_, i) => ({ email_key: `guess${i}@example.test`, address, at })))
      .execute();
    const response = await postJson("/passkeys/sign-in", { intent: "options" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    await ctx.server.db.deleteFrom("sign_in_failures").where("address", "=", address).execute();
  });
});
