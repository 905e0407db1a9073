// Dangerous actions ask for a second factor (or a passkey, or the identity provider) within the last 10 minutes:
// anonymising a person, appointing an administrator, releasing pitch results and restoring teams. A session begun
// with a password alone, or verified longer ago, is sent to confirm it is them and back; nothing changes meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEP_UP_MINUTES } from "~/models/account.server";
import { addMinutesIso, nowIso } from "~/utils/time";
import { makeWorld, makeWorldPitchDay, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await makeWorldPitchDay(db, world);
  });
});
afterAll(async () => {
  await server?.stop();
});

const pages = (w: World) => [
  { path: `/people/${w.otherParticipant.id}/anonymise`, who: "admin" as const, verified: 200 },
  { path: "/admin/administrators/new", who: "admin" as const, verified: 200 },
  { path: `/cohorts/${w.cohortA.id}/pitch-day/release`, who: "coordinator" as const, verified: 200 },
  // The guard comes before the version is looked for: verified, the unknown version is not found.
  { path: `/cohorts/${w.cohortA.id}/teams/versions/999999`, who: "coordinator" as const, verified: 404 },
];

function confirmPage(path: string) {
  return `/confirm-it-is-you?redirectTo=${encodeURIComponent(path)}`;
}

describe("step-up before dangerous actions", () => {
  it("sends a session begun with a password alone to confirm it is them, and back to the same page", async () => {
    for (const page of pages(world)) {
      const cookie = await sessionCookieFor(server.db, world.people[page.who].id);
      const answer = await get(`${server.url}${page.path}`, cookie);
      expect(answer.status, page.path).toBe(303);
      expect(answer.headers.get("location"), page.path).toBe(confirmPage(page.path));
      const sent = await post(`${server.url}${page.path}`, {}, cookie);
      expect(sent.status, page.path).toBe(303);
      expect(sent.headers.get("location"), page.path).toBe(confirmPage(page.path));
    }
  });

  it("lets a session verified within the last 10 minutes through, and not one verified longer ago", async () => {
    for (const page of pages(world)) {
      const cookie = await sessionCookieFor(server.db, world.people[page.who].id, "password-and-code");
      expect((await get(`${server.url}${page.path}`, cookie)).status, page.path).toBe(page.verified);
      await server.db
        .updateTable("sessions")
        .set({ verified_at: addMinutesIso(nowIso(), -STEP_UP_MINUTES - 1) })
        .where("person_id", "=", world.people[page.who].id)
        .execute();
      expect((await get(`${server.url}${page.path}`, cookie)).status, page.path).toBe(303);
    }
  });

  it("refuses those who may not act at all before asking them to confirm anything", async () => {
    const coordinator = await sessionCookieFor(server.db, world.people.coordinator.id);
    expect((await get(`${server.url}/admin/administrators/new`, coordinator)).status).toBe(403);
    const mentor = await sessionCookieFor(server.db, world.people.mentor.id);
    expect((await get(`${server.url}/cohorts/${world.cohortA.id}/pitch-day/release`, mentor)).status).toBe(
      403,
    );
  });
});

describe("appointing an administrator", () => {
  const isAdmin = async (email: string) =>
    (
      await server.db
        .selectFrom("people")
        .innerJoin("accounts", "accounts.person_id", "people.id")
        .where("people.email", "=", email)
        .select("accounts.is_admin")
        .executeTakeFirst()
    )?.is_admin === 1;

  it("appoints nobody without a recent second factor", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id);
    const sent = await post(
      `${server.url}/admin/administrators/new`,
      { name: "Grace Hopper", email: "grace@example.test" },
      cookie,
    );
    expect(sent.status).toBe(303);
    expect(await isAdmin("grace@example.test")).toBe(false);
  });

  it("keeps what was typed and says what is wrong", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id, "password-and-code");
    const answer = await post(
      `${server.url}/admin/administrators/new`,
      { name: "", email: "not-an-email" },
      cookie,
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("Enter the person&#x27;s full name");
    expect(html).toContain('value="not-an-email"');
  });

  it("appoints a new person, emails them an invitation, lists them, and refuses to appoint them twice", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id, "password-and-code");
    const sent = await post(
      `${server.url}/admin/administrators/new`,
      { name: "Grace Hopper", email: "grace@example.test" },
      cookie,
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/admin/administrators");
    expect(await isAdmin("grace@example.test")).toBe(true);
    const mail = await server.db
      .selectFrom("outbox")
      .where("to_address", "=", "grace@example.test")
      .select(["kind", "subject"])
      .execute();
    expect(mail.map((m) => m.kind)).toEqual(["invitation"]);
    const audit = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "admin.appointed")
      .select("actor_person_id")
      .execute();
    expect(audit.map((a) => a.actor_person_id)).toContain(world.people.admin.id);
    const list = await (await get(`${server.url}/admin/administrators`, cookie)).text();
    expect(list).toContain("Grace Hopper");
    expect(list).toContain("Invited, not set yet");
    const again = await post(
      `${server.url}/admin/administrators/new`,
      { name: "Grace Hopper", email: "GRACE@example.test" },
      cookie,
    );
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Grace Hopper is already a system administrator");
  });

  it("appoints someone who already signs in without sending them a link", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.admin.id, "password-and-code");
    const mentor = world.people.mentor;
    await server.db
      .updateTable("accounts")
      .set({ password_set_at: nowIso() })
      .where("person_id", "=", mentor.id)
      .execute();
    const sent = await post(
      `${server.url}/admin/administrators/new`,
      { name: "Someone else", email: mentor.email },
      cookie,
    );
    expect(sent.status).toBe(302);
    expect(await isAdmin(mentor.email)).toBe(true);
    const mail = await server.db
      .selectFrom("outbox")
      .where("to_address", "=", mentor.email)
      .select("kind")
      .execute();
    expect(mail.filter((m) => m.kind === "invitation")).toEqual([]);
  });
});
