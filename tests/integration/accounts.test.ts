import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "~/auth/tokens.server";
import {
  checkOneTimeLink,
  createOneTimeLink,
  createSession,
  findSessionUser,
  isSignInLocked,
  MAX_FAILURES_PER_ACCOUNT,
  recordSignInFailure,
  redeemOneTimeLink,
  SESSION_IDLE_MINUTES,
  setReveal,
  takeReveal,
} from "~/models/account.server";
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
  it("locks an email after five failures, whoever's address they came from, and whether or not it exists", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await db.transaction().execute((tx) => recordSignInFailure(tx, "Nobody@Example.test", `10.0.0.${i}`));
    expect(await isSignInLocked(db, "nobody@example.test", "10.0.0.99")).toBe(false);
    await db.transaction().execute((tx) => recordSignInFailure(tx, "nobody@example.test", "10.0.0.50"));
    expect(await isSignInLocked(db, "NOBODY@example.test", "10.0.0.99")).toBe(true);
    expect(await isSignInLocked(db, "somebody@example.test", "10.0.0.99")).toBe(false);
  });

  it("locks an address that tries many emails", async () => {
    for (let i = 0; i < 30; i++)
      await db.transaction().execute((tx) => recordSignInFailure(tx, `guess${i}@example.test`, "192.0.2.1"));
    expect(await isSignInLocked(db, "fresh@example.test", "192.0.2.1")).toBe(true);
    expect(await isSignInLocked(db, "fresh@example.test", "192.0.2.2")).toBe(false);
  });

  it("forgets failures after 15 minutes", async () => {
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z"), toFake: ["Date"] });
    for (let i = 0; i < 5; i++)
      await db.transaction().execute((tx) => recordSignInFailure(tx, "a@example.test", "192.0.2.1"));
    expect(await isSignInLocked(db, "a@example.test", "192.0.2.9")).toBe(true);
    vi.setSystemTime(new Date("2027-01-04T09:15:01Z"));
    expect(await isSignInLocked(db, "a@example.test", "192.0.2.9")).toBe(false);
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
