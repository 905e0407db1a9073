// Sending an email again and asking for a reset link: each writes its audit event (and its email) in the transaction
// of the change, and nothing when refused or held back.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requestPasswordReset } from "~/commands/invitations.server";
import { retryMessage } from "~/commands/outbox.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { enqueueMessages } from "~/models/outbox.server";
import { MAX_RESETS_PER_EMAIL } from "~/models/password-reset.server";
import { anonymisePerson } from "~/models/personal-data.server";
import { nowIso } from "~/utils/time";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
});
afterEach(async () => {
  await db.destroy();
});

const count = async (table: "outbox" | "audit_events" | "one_time_links" | "password_reset_requests") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const snapshot = async () => ({
  outbox: await count("outbox"),
  audit: await count("audit_events"),
  links: await count("one_time_links"),
  requests: await count("password_reset_requests"),
});

async function failedEmail() {
  await db.transaction().execute((tx) =>
    enqueueMessages(tx, [
      {
        kind: "invitation",
        to: { personId: world.people.participant.id, address: "p@example.test", name: "P" },
        cohortId: world.cohortA.id,
        subject: "You are invited",
        text: "t",
        html: "<p>t</p>",
      },
    ]),
  );
  const { id } = await db.selectFrom("outbox").select("id").executeTakeFirstOrThrow();
  await db
    .updateTable("outbox")
    .set({ status: "failed", last_error: "550 no" })
    .where("id", "=", id)
    .execute();
  return id;
}

describe("sending an email again", () => {
  const admin = () => ({ personId: world.people.admin.id, address: "192.0.2.1" });

  it("puts it back in the queue, recording who and from where, in the cohort's log", async () => {
    const id = await failedEmail();
    expect(await run(db, admin(), retryMessage, { messageId: id })).toEqual({
      ok: true,
      subject: "You are invited",
      to: "p@example.test",
    });
    const message = await db.selectFrom("outbox").where("id", "=", id).selectAll().executeTakeFirstOrThrow();
    expect(message.status).toBe("pending");
    expect(message.next_attempt_at <= nowIso()).toBe(true);
    expect(
      await db
        .selectFrom("audit_events")
        .select(["action", "actor_person_id", "address", "subject_type", "subject_id", "cohort_id"])
        .execute(),
    ).toEqual([
      {
        action: "email.resent",
        actor_person_id: world.people.admin.id,
        address: "192.0.2.1",
        subject_type: "email",
        subject_id: id,
        cohort_id: world.cohortA.id,
      },
    ]);
  });

  it("refuses, changing nothing, an email the server accepted, one being sent, or none", async () => {
    const id = await failedEmail();
    for (const status of ["sent", "sending"] as const) {
      await db.updateTable("outbox").set({ status }).where("id", "=", id).execute();
      const before = await snapshot();
      const outcome = await run(db, admin(), retryMessage, { messageId: id });
      expect(outcome.ok).toBe(false);
      expect(await snapshot()).toEqual(before);
      const row = await db
        .selectFrom("outbox")
        .where("id", "=", id)
        .select("status")
        .executeTakeFirstOrThrow();
      expect(row.status).toBe(status);
    }
    expect(await run(db, admin(), retryMessage, { messageId: id + 100 })).toEqual({
      ok: false,
      invalid: { message: ["There is no such email in the outbox"] },
    });
  });
});

describe("asking for a reset link", () => {
  const ask = (email: string, address = "198.51.100.7") =>
    run(db, { ...SYSTEM, address }, requestPasswordReset, { email, address });

  it("emails a reset link to the account, audited with the client's address", async () => {
    expect(await ask(world.people.leader.email)).toEqual({ ok: true, sent: true });
    const [message] = await db.selectFrom("outbox").selectAll().execute();
    expect(message).toMatchObject({ kind: "password_reset", to_address: world.people.leader.email });
    const events = await db
      .selectFrom("audit_events")
      .select(["action", "actor_person_id", "address", "subject_id"])
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      {
        action: "password.reset_requested",
        actor_person_id: null,
        address: "198.51.100.7",
        subject_id: world.people.leader.id,
      },
      {
        action: "password.reset_link_created",
        actor_person_id: null,
        address: "198.51.100.7",
        subject_id: world.people.leader.id,
      },
    ]);
  });

  it("for an address nobody has, or an anonymised person's, only counts the request", async () => {
    await db.transaction().execute((tx) => anonymisePerson(tx, world.people.sponsor.id));
    const { email } = await db
      .selectFrom("people")
      .where("id", "=", world.people.sponsor.id)
      .select("email")
      .executeTakeFirstOrThrow();
    for (const address of ["nobody@example.test", email]) {
      const before = await snapshot();
      expect(await ask(address)).toEqual({ ok: true, sent: false });
      expect(await snapshot()).toEqual({ ...before, requests: before.requests + 1 });
    }
  });

  it("over the limit, changes nothing at all", async () => {
    for (let i = 0; i < MAX_RESETS_PER_EMAIL; i++)
      await ask(world.people.mentor.email, `198.51.100.${20 + i}`);
    const before = await snapshot();
    expect(await ask(world.people.mentor.email, "198.51.100.99")).toEqual({ ok: true, sent: false });
    expect(await snapshot()).toEqual(before);
  });

  it("forgets requests older than the window as it counts new ones", async () => {
    await db
      .insertInto("password_reset_requests")
      .values({ email_hash: "old", address: "198.51.100.1", at: "2020-01-01T00:00:00.000Z" })
      .execute();
    await ask("someone@example.test");
    expect(await db.selectFrom("password_reset_requests").select("email_hash").execute()).toHaveLength(1);
  });
});
