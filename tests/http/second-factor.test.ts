// Two-step verification over HTTP against the built server: set-up (forced for a coordinator, chosen by a
// participant), the code after the password, drift, codes never accepted twice, recovery codes once only, the rate
// limit, no session before the second step, a programme that requires it, a password reset that keeps it, an
// administrator's reset, and confirming it is you before a dangerous action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRecoveryCodes } from "~/auth/totp.server";
import { createOneTimeLink } from "~/models/account.server";
import { replaceRecoveryCodes } from "~/models/second-factor.server";
import {
  makeCohort,
  makeMember,
  makeProgramme,
  makeWorld,
  TEST_PASSWORD,
  type World,
} from "../setup/factories";
import { codeAt, enrolDirectly, stepWithTimeLeft } from "../setup/second-factor";
import { get, post, sessionCookieFor, signIn, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
/** A programme of its own (so requiring two-step verification there changes nobody else's sign-in). */
let strict: { programmeId: number; participant: { id: number; email: string } };

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    const programme = await makeProgramme(db, "Strict Programme");
    const cohort = await makeCohort(db, programme.id, { name: "Strict cohort" });
    const participant = await makeMember(db, cohort.id, "participant", { email: "strict@example.test" });
    strict = { programmeId: programme.id, participant };
  });
});
afterAll(async () => {
  await server?.stop();
});

const url = (path: string) => `${server.url}${path}`;

/** The `name=value` of a cookie the response sets (with a value), if any. */
function cookie(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);
}

/** Posts the password; answers the response and the pending sign-in's cookie. */
async function password(email: string, redirectTo = "/") {
  const response = await post(url("/sign-in"), { email, password: TEST_PASSWORD, redirectTo });
  return { response, pending: cookie(response, "tandem_second_step") };
}

/** A person with an authenticator set up straight in the database, who need not use it (a participant). */
async function enrolledParticipant(name: string) {
  const person = await makeMember(server.db, world.cohortA.id, "participant", {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.test`,
  });
  return { ...person, key: await enrolDirectly(server.db, person.id) };
}

const audit = (action: string, subjectId?: number) =>
  server.db
    .selectFrom("audit_events")
    .where("action", "=", action)
    .$if(subjectId !== undefined, (q) => q.where("subject_id", "=", subjectId!))
    .selectAll()
    .execute();

const sessionsOf = (personId: number) =>
  server.db.selectFrom("sessions").where("person_id", "=", personId).selectAll().execute();

describe("setting up two-step verification", () => {
  it("makes a coordinator set it up at sign-in, shows the recovery codes once, then starts a verified session", async () => {
    const { response, pending } = await password(world.people.coordinator.email);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/two-step-verification/set-up");
    expect(cookie(response, "tandem_session")).toBeUndefined();
    expect(pending).toBeDefined();
    expect(response.headers.get("set-cookie")).toMatch(/HttpOnly/i);

    const page = await get(url("/two-step-verification/set-up"), pending);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('role="img" aria-label="QR code to scan with your authenticator app"');
    expect(html).toContain("<svg");
    const key = /id="authenticator-key"[^>]*>([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await post(url("/two-step-verification/set-up"), { code: "000000" }, pending);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The code is not right");

    const step = await stepWithTimeLeft();
    const confirmed = await post(url("/two-step-verification/set-up"), { code: codeAt(key, step) }, pending);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/two-step-verification/recovery-codes");

    const codesPage = await (await get(url("/two-step-verification/recovery-codes"), pending)).text();
    const codes = [...codesPage.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Shown once.
    const again = await (await get(url("/two-step-verification/recovery-codes"), pending)).text();
    expect(again).not.toContain(codes[0]!);
    expect(again).toContain("shown once already");
    // Stored hashed only.
    const stored = await server.db
      .selectFrom("recovery_codes")
      .where("person_id", "=", world.people.coordinator.id)
      .select("code_hash")
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.every((row) => row.code_hash.startsWith("$argon2id$"))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!);
    const factor = await server.db.selectFrom("second_factors").selectAll().executeTakeFirst();
    expect(factor?.totp_key).not.toContain(key);

    const done = await post(url("/two-step-verification/recovery-codes"), {}, pending);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/");
    const session = cookie(done, "tandem_session");
    expect(session).toBeDefined();
    expect((await get(url("/"), session)).status).toBe(200);
    const [row] = await sessionsOf(world.people.coordinator.id);
    expect(row).toMatchObject({ method: "password-and-code" });
    expect(row?.verified_at).not.toBeNull();
    expect(await audit("second_factor.enrolled", world.people.coordinator.id)).toHaveLength(1);
    // The pending sign-in is used up.
    expect((await get(url("/two-step-verification/recovery-codes"), pending)).status).toBe(302);
  });

  it("lets a participant sign in with a password alone, and set it up from their profile if they choose", async () => {
    const { response } = await password(world.people.participant.email);
    const session = cookie(response, "tandem_session");
    expect(response.headers.get("location")).toBe("/");
    expect(session).toBeDefined();
    const profile = await get(url("/profile/two-step-verification"), session);
    expect(await profile.text()).toContain("Not set up");

    const start = await post(url("/profile/two-step-verification"), { intent: "set-up" }, session);
    expect(start.headers.get("location")).toBe("/two-step-verification/set-up");
    const both = `${session}; ${cookie(start, "tandem_second_step")}`;
    const html = await (await get(url("/two-step-verification/set-up"), both)).text();
    const key = /id="authenticator-key"[^>]*>([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, "");
    // Someone else's session cannot use this pending set-up.
    const other = await sessionCookieFor(server.db, world.people.mentor.id);
    const stranger = `${other}; ${cookie(start, "tandem_second_step")}`;
    expect((await get(url("/two-step-verification/set-up"), stranger)).status).toBe(302);

    const step = await stepWithTimeLeft();
    const confirmed = await post(url("/two-step-verification/set-up"), { code: codeAt(key, step) }, both);
    expect(confirmed.headers.get("location")).toBe("/two-step-verification/recovery-codes");
    const done = await post(url("/two-step-verification/recovery-codes"), {}, both);
    expect(done.headers.get("location")).toBe("/profile/two-step-verification");
    expect(await (await get(url("/profile/two-step-verification"), session)).text()).toContain("Set up on");
    // Set up once: a session cannot replace it with an app of its own (which would pass it as verified).
    expect((await post(url("/profile/two-step-verification"), { intent: "set-up" }, session)).status).toBe(
      409,
    );
    expect((await post(url("/confirm-it-is-you?redirectTo=/"), { intent: "set-up" }, session)).status).toBe(
      409,
    );

    // From now on, the password alone is not enough.
    const next = await password(world.people.participant.email);
    expect(next.response.headers.get("location")).toBe("/sign-in/code");
    expect(cookie(next.response, "tandem_session")).toBeUndefined();
  });
});

describe("signing in with a code", () => {
  it("asks for the code, accepts one step of drift either way and refuses two steps off", async () => {
    const person = await enrolledParticipant("Drift Person");
    const step = await stepWithTimeLeft(12);
    const { response, pending } = await password(person.email, "/profile");
    expect(response.headers.get("location")).toBe("/sign-in/code");
    const page = await (await get(url("/sign-in/code"), pending)).text();
    expect(page).toContain("Enter the code from your authenticator app");
    expect(page).toContain("Use a recovery code instead");

    for (const off of [-2, 2]) {
      const refused = await post(url("/sign-in/code"), { code: codeAt(person.key, step + off) }, pending);
      expect(refused.status, `${off} steps off`).toBe(400);
      const html = await refused.text();
      expect(html).toContain("govuk-error-summary");
      expect(html).toContain("The code is not right");
    }
    const previous = await post(url("/sign-in/code"), { code: codeAt(person.key, step - 1) }, pending);
    expect(previous.status).toBe(302);
    expect(previous.headers.get("location")).toBe("/profile");
    expect(cookie(previous, "tandem_session")).toBeDefined();

    const again = await password(person.email);
    const next = await post(url("/sign-in/code"), { code: codeAt(person.key, step + 1) }, again.pending);
    expect(next.status).toBe(302);
    expect(cookie(next, "tandem_session")).toBeDefined();
  });

  it("never accepts a code twice, nor an earlier code after a later one", async () => {
    const person = await enrolledParticipant("Replay Person");
    const step = await stepWithTimeLeft(12);
    const first = await password(person.email);
    expect((await post(url("/sign-in/code"), { code: codeAt(person.key, step) }, first.pending)).status).toBe(
      302,
    );

    const second = await password(person.email);
    const replay = await post(url("/sign-in/code"), { code: codeAt(person.key, step) }, second.pending);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("That code has been used already");
    const later = await post(url("/sign-in/code"), { code: codeAt(person.key, step + 1) }, second.pending);
    expect(later.status).toBe(302);

    const third = await password(person.email);
    const earlier = await post(url("/sign-in/code"), { code: codeAt(person.key, step) }, third.pending);
    expect(earlier.status).toBe(400);
  });

  it("accepts a recovery code once only, and audits its use", async () => {
    const person = await enrolledParticipant("Recovery Person");
    const codes = newRecoveryCodes();
    await server.db.transaction().execute((tx) => replaceRecoveryCodes(tx, person.id, codes));
    const first = await password(person.email);
    const page = await (await get(url("/sign-in/code?recovery=1"), first.pending)).text();
    expect(page).toContain("Enter a recovery code");
    const used = await post(
      url("/sign-in/code?recovery=1"),
      { code: codes[3]!.toUpperCase() },
      first.pending,
    );
    expect(used.status).toBe(302);
    expect(cookie(used, "tandem_session")).toBeDefined();
    const [event] = await audit("second_factor.recovery_code_used", person.id);
    expect(JSON.parse(event!.details)).toEqual({ left: 9 });

    const second = await password(person.email);
    const again = await post(url("/sign-in/code?recovery=1"), { code: codes[3]! }, second.pending);
    expect(again.status).toBe(400);
    // The code is a recovery code's shape: a 6-digit box refuses it as a mistake, not a wrong code.
    const malformed = await post(url("/sign-in/code"), { code: "abc" }, second.pending);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("Enter the 6-digit code from your authenticator app");
  });

  it("cancels the sign-in after 5 wrong codes, and counts wrong codes per person across sign-ins", async () => {
    const person = await enrolledParticipant("Guessing Person");
    const guesses = async (pending: string | undefined, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++)
        statuses.push((await post(url("/sign-in/code"), { code: "000000" }, pending)).status);
      return statuses;
    };
    const first = await password(person.email);
    expect(await guesses(first.pending, 4)).toEqual([400, 400, 400, 400]);
    const fifth = await post(url("/sign-in/code"), { code: "000000" }, first.pending);
    expect(fifth.status).toBe(302);
    expect(fifth.headers.get("location")).toBe("/sign-in/code?cancelled=1");
    expect(await (await get(url("/sign-in/code?cancelled=1"))).text()).toContain("Sign in again");
    // The cancelled pending sign-in opens nothing, even with the right code.
    const step = await stepWithTimeLeft();
    const late = await post(url("/sign-in/code"), { code: codeAt(person.key, step) }, first.pending);
    expect(late.status).toBe(302);
    expect(late.headers.get("location")).toBe("/sign-in");
    expect(cookie(late, "tandem_session")).toBeUndefined();

    const second = await password(person.email);
    expect(await guesses(second.pending, 5)).toEqual([400, 400, 400, 400, 302]);
    // Ten wrong codes in 15 minutes: starting again does not give more tries, even with the right code.
    const third = await password(person.email);
    const refused = await post(url("/sign-in/code"), { code: codeAt(person.key, step) }, third.pending);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.text()).toContain("You have entered too many wrong codes");
    expect(cookie(refused, "tandem_session")).toBeUndefined();
    expect((await audit("second_factor.code_failed", person.id)).length).toBe(10);
  });

  it("opens nothing with the pending sign-in's cookie alone", async () => {
    const person = await enrolledParticipant("Halfway Person");
    const { pending } = await password(person.email);
    for (const path of ["/", "/profile", `/people/${person.id}`, "/confirm-it-is-you?redirectTo=/profile"]) {
      const response = await get(url(path), pending);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/sign-in/);
    }
    // Nor does it open the set-up pages, which are for another step.
    expect((await get(url("/two-step-verification/set-up"), pending)).headers.get("location")).toBe(
      "/sign-in",
    );
    expect(await sessionsOf(person.id)).toEqual([]);
  });
});

describe("who must use it", () => {
  it("makes everyone in a programme that requires it set it up at their next sign-in", async () => {
    const admin = await sessionCookieFor(server.db, world.people.admin.id);
    const before = await (await get(url(`/programmes/${strict.programmeId}/edit`), admin)).text();
    expect(before).toContain("Everyone in this programme must use two-step verification");
    const updatedAt = /name="updatedAt" value="([^"]+)"/.exec(before)![1]!;
    expect((await password(strict.participant.email)).response.headers.get("location")).toBe("/");

    const saved = await post(
      url(`/programmes/${strict.programmeId}/edit`),
      { name: "Strict Programme", updatedAt, requireSecondFactor: "yes" },
      admin,
    );
    expect(saved.status).toBe(302);
    expect(await audit("programme.second_factor_changed", strict.programmeId)).toHaveLength(1);
    const after = await password(strict.participant.email);
    expect(after.response.headers.get("location")).toBe("/two-step-verification/set-up");
    expect(cookie(after.response, "tandem_session")).toBeUndefined();
  });

  it("does not let someone who must use it turn it off; someone who need not, can, with a code", async () => {
    const step = await stepWithTimeLeft();
    const coordinator = await signIn(server.url, world.people.coordinator.email, TEST_PASSWORD);
    const page = await (await get(url("/profile/two-step-verification"), coordinator)).text();
    expect(page).toContain("Yes: your role or your programme requires it");
    expect(page).not.toContain("Turn off two-step verification");
    const refused = await post(
      url("/profile/two-step-verification"),
      { intent: "turn-off", offCode: codeAt("AAAA", step) },
      coordinator,
    );
    expect(refused.status).toBe(403);

    const person = await enrolledParticipant("Optional Person");
    const session = await sessionCookieFor(server.db, person.id);
    const wrong = await post(
      url("/profile/two-step-verification"),
      { intent: "turn-off", offCode: "000000" },
      session,
    );
    expect(wrong.status).toBe(400);
    const off = await post(
      url("/profile/two-step-verification"),
      { intent: "turn-off", offCode: codeAt(person.key, step) },
      session,
    );
    expect(off.status).toBe(302);
    expect(await audit("second_factor.turned_off", person.id)).toHaveLength(1);
    expect((await password(person.email)).response.headers.get("location")).toBe("/");
  });

  it("makes new recovery codes with a current code, shown once, and the old ones stop working", async () => {
    const person = await enrolledParticipant("Renewing Person");
    const old = newRecoveryCodes();
    await server.db.transaction().execute((tx) => replaceRecoveryCodes(tx, person.id, old));
    const session = await sessionCookieFor(server.db, person.id);
    const step = await stepWithTimeLeft();
    const made = await post(
      url("/profile/two-step-verification"),
      { intent: "new-codes", renewCode: codeAt(person.key, step) },
      session,
    );
    expect(made.status).toBe(302);
    const page = await (await get(url("/profile/two-step-verification"), session)).text();
    const codes = [...page.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(await (await get(url("/profile/two-step-verification"), session)).text()).not.toContain(codes[0]!);
    const signIn = await password(person.email);
    const stale = await post(url("/sign-in/code?recovery=1"), { code: old[0]! }, signIn.pending);
    expect(stale.status).toBe(400);
    const fresh = await post(url("/sign-in/code?recovery=1"), { code: codes[0]! }, signIn.pending);
    expect(fresh.status).toBe(302);
  });
});

describe("the tests' own sign-in", () => {
  it("signs the same coordinator in three times within seconds: two steps' codes, then a recovery code", async () => {
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const session = await signIn(server.url, world.people.coordinator.email, TEST_PASSWORD);
      expect((await get(url("/"), session)).status).toBe(200);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe("recovery", () => {
  it("keeps the second factor when the password is reset with a link", async () => {
    const person = await enrolledParticipant("Reset Password Person");
    const link = await server.db
      .transaction()
      .execute((tx) => createOneTimeLink(tx, { personId: person.id, purpose: "reset", createdBy: null }));
    const newPassword = "quince harbour lantern 2039";
    const set = await post(url(`/set-password/${link.token}`), {
      password: newPassword,
      confirm: newPassword,
    });
    expect(set.status).toBe(302);
    const after = await post(url("/sign-in"), {
      email: person.email,
      password: newPassword,
      redirectTo: "/",
    });
    expect(after.headers.get("location")).toBe("/sign-in/code");
    expect(cookie(after, "tandem_session")).toBeUndefined();
  });

  it("lets an administrator reset it after confirming it is them: signed out, emailed, audited with the reason", async () => {
    const person = await enrolledParticipant("Lost Phone Person");
    const theirs = await sessionCookieFor(server.db, person.id);
    const adminKey = await enrolDirectly(server.db, world.people.admin.id);
    const admin = await sessionCookieFor(server.db, world.people.admin.id);
    const resetPath = `/people/${person.id}/reset-second-factor`;

    // Step-up first: the session began with no second factor.
    const asked = await get(url(resetPath), admin);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(
      `/confirm-it-is-you?redirectTo=${encodeURIComponent(resetPath)}`,
    );
    const unconfirmed = await post(url(resetPath), { reason: "Lost phone" }, admin);
    expect(unconfirmed.status).toBe(303);
    expect(await sessionsOf(person.id)).toHaveLength(1);

    const step = await stepWithTimeLeft();
    const confirmed = await post(
      url(asked.headers.get("location")!),
      { code: codeAt(adminKey, step) },
      admin,
    );
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(resetPath);
    expect(await audit("second_factor.confirmed", world.people.admin.id)).toHaveLength(1);

    const page = await get(url(resetPath), admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Why are you resetting it?");
    const noReason = await post(url(resetPath), { reason: "" }, admin);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Enter why you are resetting their two-step verification");

    const reset = await post(url(resetPath), { reason: "Lost phone, confirmed by phone call" }, admin);
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe(`/people/${person.id}`);
    expect(
      await server.db.selectFrom("second_factors").where("person_id", "=", person.id).selectAll().execute(),
    ).toEqual([]);
    expect(
      await server.db.selectFrom("recovery_codes").where("person_id", "=", person.id).selectAll().execute(),
    ).toEqual([]);
    expect(await sessionsOf(person.id)).toEqual([]);
    expect((await get(url("/"), theirs)).status).toBe(302);
    const [event] = await audit("second_factor.reset", person.id);
    expect(event?.actor_person_id).toBe(world.people.admin.id);
    expect(JSON.parse(event!.details)).toEqual({
      reason: "Lost phone, confirmed by phone call",
      passkeysRemoved: 0,
    });
    const mail = await server.db
      .selectFrom("outbox")
      .where("kind", "=", "second_factor_reset")
      .where("to_address", "=", person.email)
      .selectAll()
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain("Ada Admin reset the two-step verification");
    expect(mail[0]!.text_body).toContain("If you did not ask for this");

    // Someone who need not use it now signs in with their password alone.
    expect((await password(person.email)).response.headers.get("location")).toBe("/");
    // The admin page of a person says whether they use it, for administrators only.
    expect(await (await get(url(`/people/${person.id}`), admin)).text()).toContain(
      "not set up two-step verification",
    );
  });
});

describe("confirming it is you", () => {
  it("marks the session verified and goes back only to a path on Tandem", async () => {
    const person = await enrolledParticipant("Confirming Person");
    const session = await sessionCookieFor(server.db, person.id);
    const page = await get(url("/confirm-it-is-you?redirectTo=/profile"), session);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Confirm it is you");
    expect(html).toContain("Enter the code from your authenticator app");

    const wrong = await post(url("/confirm-it-is-you?redirectTo=/profile"), { code: "000000" }, session);
    expect(wrong.status).toBe(400);
    expect((await sessionsOf(person.id))[0]?.verified_at).toBeNull();

    const step = await stepWithTimeLeft(12);
    const evil = await post(
      url(`/confirm-it-is-you?redirectTo=${encodeURIComponent("//evil.example/")}`),
      { code: codeAt(person.key, step) },
      session,
    );
    expect(evil.status).toBe(302);
    expect(evil.headers.get("location")).toBe("/");
    expect((await sessionsOf(person.id))[0]?.verified_at).not.toBeNull();
    const safe = await post(
      url("/confirm-it-is-you?redirectTo=/profile"),
      { code: codeAt(person.key, step + 1) },
      session,
    );
    expect(safe.headers.get("location")).toBe("/profile");
  });

  it("explains how to set it up to someone with no authenticator, and goes on to the page asked for after", async () => {
    const session = await sessionCookieFor(server.db, world.people.mentor.id);
    const html = await (await get(url("/confirm-it-is-you?redirectTo=/profile"), session)).text();
    expect(html).toContain("Set up two-step verification first");
    const start = await post(url("/confirm-it-is-you?redirectTo=/profile"), { intent: "set-up" }, session);
    expect(start.headers.get("location")).toBe("/two-step-verification/set-up");
    const pending = await server.db
      .selectFrom("pending_sign_ins")
      .where("person_id", "=", world.people.mentor.id)
      .select("redirect_to")
      .executeTakeFirst();
    // Setting it up confirms it is them: on to the page that asked.
    expect(pending?.redirect_to).toBe("/profile");
  });
});
