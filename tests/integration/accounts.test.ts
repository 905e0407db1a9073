import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAllowed } from "~/auth/sign-in-throttle.server";
import {
  checkOneTimeLink,
  clearSignInFailures,
  createOneTimeLink,
  createSession,
  findSessionUser,
  recordSignInFailure,
  redeemOneTimeLink,
  SESSION_IDLE_MINUTES,
  setReveal,
  takeReveal,
} from "~/models/account.server";
import { hashToken } from "~/utils/tokens.server";
import type { Db } from "../../db/connection";
import { recordAudit } from "../setup/audit";
import { memoryDb } from "../setup/db";
import { makePerson } from "../setup/factories";

let db: Db;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(async () => {
  vi.useRealTimers();
  await db.destroy();
});

describe("sessions", () => {
  it("stores only the hash of the session token", async () => {
    const person = await makePerson(db);
    const token = await createSession(db, person.id);
    const rows = await db.selectFrom("sessions").select("id").execute();
    expect(rows).toEqual([{ id: hashToken(token) }]);
    expect((await findSessionUser(db, token))?.personId).toBe(person.id);
    expect(await findSessionUser(db, "not-a-token")).toBeNull();
  });

  it("ends a session left idle too long, and deletes it", async () => {
    const person = await makePerson(db);
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z"), toFake: ["Date"] });
    const token = await createSession(db, person.id);
    vi.setSystemTime(new Date(Date.parse("2027-01-04T09:00:00Z") + (SESSION_IDLE_MINUTES - 1) * 60_000));
    expect(await findSessionUser(db, token)).not.toBeNull();
    vi.setSystemTime(new Date(Date.parse("2027-01-04T09:00:00Z") + (2 * SESSION_IDLE_MINUTES + 1) * 60_000));
    expect(await findSessionUser(db, token)).toBeNull();
    expect(await db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("ends a busy session at its absolute limit of 12 hours", async () => {
    const person = await makePerson(db);
    const start = Date.parse("2027-01-04T08:00:00Z");
    vi.useFakeTimers({ now: new Date(start), toFake: ["Date"] });
    const token = await createSession(db, person.id);
    for (let hour = 1; hour < 12; hour++) {
      vi.setSystemTime(new Date(start + hour * 3_600_000));
      expect(await findSessionUser(db, token)).not.toBeNull();
    }
    vi.setSystemTime(new Date(start + 12 * 3_600_000));
    expect(await findSessionUser(db, token)).toBeNull();
  });

  it("shows a revealed secret once", async () => {
    const person = await makePerson(db);
    const token = await createSession(db, person.id);
    const session = await findSessionUser(db, token);
    await setReveal(db, session!.sessionId, "the secret");
    expect(await takeReveal(db, session!.sessionId)).toBe("the secret");
    expect(await takeReveal(db, session!.sessionId)).toBeNull();
  });
});

describe("one-time links", () => {
  it("sets the password once and signs the person out everywhere", async () => {
    const person = await makePerson(db, { active: false });
    await createSession(db, person.id);
    const { token } = await db.transaction().execute((tx) =>
      createOneTimeLink(tx, {
        personId: person.id,
        purpose: "invite",
        createdBy: null,
      }),
    );
    const link = await checkOneTimeLink(db, token);
    expect(link).toMatchObject({ state: "valid", personId: person.id, purpose: "invite" });
    if (link.state !== "valid") return;
    expect(
      await db.transaction().execute((tx) => redeemOneTimeLink(tx, link.linkId, person.id, "hash")),
    ).toBe(true);
    expect(
      await db.transaction().execute((tx) => redeemOneTimeLink(tx, link.linkId, person.id, "other hash")),
    ).toBe(false);
    expect(await checkOneTimeLink(db, token)).toEqual({ state: "used" });
    const account = await db
      .selectFrom("accounts")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(account.password_hash).toBe("hash");
    expect(await db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("expires after 7 days", async () => {
    const person = await makePerson(db, { active: false });
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z"), toFake: ["Date"] });
    const { token } = await db.transaction().execute((tx) =>
      createOneTimeLink(tx, {
        personId: person.id,
        purpose: "invite",
        createdBy: null,
      }),
    );
    vi.setSystemTime(new Date("2027-01-11T08:59:00Z"));
    expect((await checkOneTimeLink(db, token)).state).toBe("valid");
    vi.setSystemTime(new Date("2027-01-11T09:00:00Z"));
    expect(await checkOneTimeLink(db, token)).toEqual({ state: "expired" });
  });

  it("stops an earlier link working when a new one is made", async () => {
    const person = await makePerson(db, { active: false });
    const first = await db
      .transaction()
      .execute((tx) => createOneTimeLink(tx, { personId: person.id, purpose: "invite", createdBy: null }));
    const second = await db
      .transaction()
      .execute((tx) => createOneTimeLink(tx, { personId: person.id, purpose: "reset", createdBy: null }));
    expect((await checkOneTimeLink(db, first.token)).state).toBe("used");
    expect((await checkOneTimeLink(db, second.token)).state).toBe("valid");
    expect(await checkOneTimeLink(db, "made-up")).toEqual({ state: "unknown" });
  });
});

describe("failed sign-ins", () => {
  const start = Date.parse("2027-01-04T09:00:00Z");
  const at = (seconds: number) => new Date(start + seconds * 1000);
  const fail = (email: string, address: string) =>
    db.transaction().execute((tx) => recordSignInFailure(tx, email, address));
  const failAt = async (seconds: number, email: string, address: string) => {
    vi.setSystemTime(at(seconds));
    await fail(email, address);
  };
  beforeEach(() => {
    vi.useFakeTimers({ now: at(0), toFake: ["Date"] });
  });

  it("slows a pair after five failures with delays that double up to 15 minutes, never locking it", async () => {
    for (let i = 0; i < 4; i++) await failAt(i, "Nobody@Example.test", "203.0.113.1");
    expect(
      await signInAllowed(db, { email: "nobody@example.test", address: "203.0.113.1", now: at(4) }),
    ).toEqual({
      allowed: true,
    });
    await failAt(4, "nobody@example.test", "203.0.113.1");
    expect(
      await signInAllowed(db, { email: "NOBODY@example.test", address: "203.0.113.1", now: at(5) }),
    ).toEqual({
      allowed: false,
      scope: "pair",
      retryAt: at(64).toISOString(),
      retryAfterSeconds: 59,
    });
    // Each failure once the wait is over doubles the next wait: 1, 2, 4, 8, then 15 minutes at most.
    let last = 4;
    let wait = 60;
    for (const next of [120, 240, 480, 900, 900]) {
      const pair = (seconds: number) =>
        signInAllowed(db, { email: "nobody@example.test", address: "203.0.113.1", now: at(seconds) });
      expect((await pair(last + wait - 1)).allowed).toBe(false);
      expect((await pair(last + wait)).allowed).toBe(true);
      last += wait;
      await failAt(last, "nobody@example.test", "203.0.113.1");
      expect(await pair(last)).toMatchObject({ allowed: false, retryAfterSeconds: next });
      wait = next;
    }
  });

  it("does not slow the same email from another address, until the per-email ceiling, which slows rather than locks", async () => {
    for (let i = 0; i < 19; i++) await failAt(i, "victim@example.test", `198.51.100.${i % 4}`);
    expect(
      (await signInAllowed(db, { email: "victim@example.test", address: "192.0.2.77", now: at(20) })).allowed,
    ).toBe(true);
    await failAt(20, "victim@example.test", "198.51.100.9");
    expect(
      await signInAllowed(db, { email: "victim@example.test", address: "192.0.2.77", now: at(21) }),
    ).toMatchObject({
      allowed: false,
      scope: "email",
      retryAfterSeconds: 59,
    });
    expect(
      (await signInAllowed(db, { email: "victim@example.test", address: "192.0.2.77", now: at(80) })).allowed,
    ).toBe(true);
    expect(
      (await signInAllowed(db, { email: "somebody@example.test", address: "192.0.2.77", now: at(21) }))
        .allowed,
    ).toBe(true);
  });

  it("slows an address that tries many emails, for any email and before the email is known, with growing delays", async () => {
    for (let i = 0; i < 30; i++) await failAt(i, `guess${i}@example.test`, "192.0.2.1");
    expect(
      await signInAllowed(db, { email: "fresh@example.test", address: "192.0.2.1", now: at(30) }),
    ).toMatchObject({
      allowed: false,
      scope: "address",
      retryAfterSeconds: 59,
    });
    expect(await signInAllowed(db, { address: "192.0.2.1", now: at(30) })).toMatchObject({
      allowed: false,
      scope: "address",
    });
    expect((await signInAllowed(db, { address: "192.0.2.2", now: at(30) })).allowed).toBe(true);
    expect(
      (await signInAllowed(db, { email: "fresh@example.test", address: "192.0.2.2", now: at(30) })).allowed,
    ).toBe(true);
    expect((await signInAllowed(db, { address: "192.0.2.1", now: at(89) })).allowed).toBe(true);
    await failAt(89, "guess-more@example.test", "192.0.2.1");
    expect(await signInAllowed(db, { address: "192.0.2.1", now: at(89) })).toMatchObject({
      retryAfterSeconds: 120,
    });
  });

  it("forgets failures once they are older than the window, and a right password forgets only its own pair's", async () => {
    for (let i = 0; i < 5; i++) await failAt(i, "a@example.test", "192.0.2.1");
    for (let i = 0; i < 5; i++) await failAt(i, "a@example.test", "192.0.2.9");
    expect(
      (await signInAllowed(db, { email: "a@example.test", address: "192.0.2.1", now: at(10) })).allowed,
    ).toBe(false);
    vi.setSystemTime(at(10));
    await db.transaction().execute((tx) => clearSignInFailures(tx, "A@example.test", "192.0.2.1"));
    expect(
      (await signInAllowed(db, { email: "a@example.test", address: "192.0.2.1", now: at(10) })).allowed,
    ).toBe(true);
    expect(
      (await signInAllowed(db, { email: "a@example.test", address: "192.0.2.9", now: at(10) })).allowed,
    ).toBe(false);
    const day = 24 * 60 * 60;
    expect(
      (await signInAllowed(db, { email: "a@example.test", address: "192.0.2.9", now: at(day + 5) })).allowed,
    ).toBe(true);
    // Recording a failure a day later deletes the ones too old to count.
    await failAt(day + 5, "a@example.test", "192.0.2.9");
    expect(await db.selectFrom("sign_in_failures").select("address").execute()).toEqual([
      { address: "192.0.2.9" },
    ]);
  });
});

describe("the audit log", () => {
  it("cannot be changed or deleted", async () => {
    await recordAudit(db, { actorId: null, action: "test.event", subjectType: "test" });
    await expect(sql`update audit_events set action = 'changed'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom("audit_events").select("action").execute()).toEqual([
      { action: "test.event" },
    ]);
  });
});
