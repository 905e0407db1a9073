// The invitation commands write their audit events in the transaction of the change, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { invitePerson, issueSignInLink, requestPasswordReset } from "~/commands/invitations.server";
import { type Actor, run, SYSTEM } from "~/commands/runner.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
let actor: Actor;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  actor = { personId: world.people.coordinator.id, address: "192.0.2.1" };
});
afterEach(async () => {
  await db.destroy();
});

const rows = async (table: "people" | "memberships" | "one_time_links" | "audit_events") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const snapshot = async () => ({
  people: await rows("people"),
  memberships: await rows("memberships"),
  links: await rows("one_time_links"),
  audit: await rows("audit_events"),
});

const invite = (
  role: "participant" | "coordinator",
  email = "new.person@example.test",
  once: string | null = null,
) =>
  run(
    db,
    actor,
    invitePerson,
    {
      name: "New Person",
      email,
      role,
      organisationId: null,
      jobTitle: null,
      profession: null,
      cohortId: world.cohortA.id,
      appointer: { personId: world.people.coordinator.id, isAdmin: false },
    },
    { once },
  );

describe("inviting a person", () => {
  it("records who granted the role and created the link, from where, with the change", async () => {
    const outcome = await invite("participant");
    if (!outcome.ok) throw new Error("expected the invitation to succeed");
    const events = await db
      .selectFrom("audit_events")
      .where("subject_id", "=", outcome.personId)
      .select(["action", "actor_person_id", "address", "cohort_id", "details"])
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      {
        action: "role.granted",
        actor_person_id: world.people.coordinator.id,
        address: "192.0.2.1",
        cohort_id: world.cohortA.id,
        details: JSON.stringify({ role: "participant", newPerson: true }),
      },
      expect.objectContaining({ action: "invitation.created", address: "192.0.2.1" }),
    ]);
  });

  it("writes nothing when a coordinator tries to appoint a coordinator", async () => {
    const before = await snapshot();
    expect(await invite("coordinator")).toEqual({
      ok: false,
      invalid: { role: ["Only a system administrator can appoint coordinators"] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("writes nothing, not even the new person, when they already hold the role", async () => {
    await invite("participant", "twice@example.test");
    const before = await snapshot();
    expect(await invite("participant", "TWICE@example.test")).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it("answers a repeat of the same form with the first outcome, writing nothing and keeping no token", async () => {
    const first = await invite("participant", "once@example.test", "0123456789ab");
    if (!first.ok || !first.link?.token) throw new Error("expected the invitation to make a link");
    const before = await snapshot();
    const again = await invite("participant", "once@example.test", "0123456789ab");
    expect(again).toEqual({ ...first, link: { token: null, expiresAt: first.link.expiresAt } });
    expect(await snapshot()).toEqual(before);
    const kept = await db.selectFrom("submissions").select("outcome").executeTakeFirstOrThrow();
    expect(kept.outcome).not.toContain(first.link.token);
  });
});

describe("asking for a password reset", () => {
  it("answers a repeat of the same form, sent by nobody signed in, with the first outcome and sends one link", async () => {
    const address = "192.0.2.9";
    const ask = (once: string) =>
      run(
        db,
        { ...SYSTEM, address },
        requestPasswordReset,
        { email: "participant@example.test", address },
        { once },
      );
    expect(await ask("aaaaaaaaaaaa")).toEqual({ ok: true, sent: true });
    const before = await snapshot();
    expect(await ask("aaaaaaaaaaaa")).toEqual({ ok: true, sent: true });
    expect(await snapshot()).toEqual(before);
    // Another page's key is another request.
    expect(await ask("bbbbbbbbbbbb")).toEqual({ ok: true, sent: true });
    expect((await snapshot()).links).toBe(before.links + 1);
  });
});

describe("how long a link works", () => {
  const lifeOfNewestLink = async () => {
    const link = await db
      .selectFrom("one_time_links")
      .select(["created_at", "expires_at"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return (Date.parse(link.expires_at) - Date.parse(link.created_at)) / 60_000;
  };

  it("gives a reset link the person asked for themselves an hour, and an invitation 7 days", async () => {
    const address = "192.0.2.10";
    expect(
      await run(db, { ...SYSTEM, address }, requestPasswordReset, {
        email: "participant@example.test",
        address,
      }),
    ).toEqual({ ok: true, sent: true });
    expect(await lifeOfNewestLink()).toBe(60);
    const invited = await invite("participant", "later@example.test");
    expect(invited.ok).toBe(true);
    expect(await lifeOfNewestLink()).toBe(7 * 24 * 60);
  });
});

describe("issuing a sign-in link", () => {
  it("refuses a link for someone in a cohort the coordinator does not run, writing nothing", async () => {
    const before = await snapshot();
    const outcome = await run(db, actor, issueSignInLink, {
      person: { id: world.people.otherCohort.id, name: "Other", password_set_at: null },
      cohortId: world.cohortA.id,
      issuer: { personId: world.people.coordinator.id, isAdmin: false },
    });
    expect(outcome.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
