// Email through the outbox, delivered to a real SMTP server started by the test: a message is written in the
// transaction of the change that causes it (a refused change writes none), sent once when the server accepts it,
// tried again after a temporary refusal, marked failed with the server's reason after a permanent one, and kept
// waiting while the server is down.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { invitePerson } from "~/commands/invitations.server";
import { type Actor, run } from "~/commands/runner.server";
import { enqueueMessages, getMessage, listMessages, requeueMessage } from "~/models/outbox.server";
import type { Db } from "../../db/connection";
import { type MailDelivery, startMailDelivery } from "../../server/mail-delivery";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

let db: Db;
let world: World;
let smtp: TestSmtpServer;
let delivery: MailDelivery | null;
const APP = "https://tandem.example.test";

beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  smtp = await startSmtpServer();
  delivery = null;
});
afterEach(async () => {
  await delivery?.stop();
  await smtp.stop();
  await db.destroy();
});

const coordinator = (): Actor => ({
  personId: world.people.coordinator.id,
  address: "192.0.2.1",
  appUrl: APP,
});

const invite = (email = "new.person@example.test") =>
  run(db, coordinator(), invitePerson, {
    name: "New Person",
    email,
    role: "participant",
    organisationId: null,
    jobTitle: null,
    profession: null,
    cohortId: world.cohortA.id,
    appointer: { personId: world.people.coordinator.id, isAdmin: false },
  });

const deliver = (options: { retryBaseMs?: number } = {}) => {
  delivery = startMailDelivery(db, { smtpUrl: smtp.url, pollMs: 60_000, retryBaseMs: 1, ...options });
  return delivery;
};

const all = () => listMessages(db, { limit: 100, offset: 0 });

describe("the outbox", () => {
  it("writes an invitation with its one-time link in the transaction of the invitation", async () => {
    const outcome = await invite();
    if (!outcome.ok || !outcome.link) throw new Error("expected an invitation with a link");
    const [listed] = await all();
    const message = await getMessage(db, listed!.id);
    expect(message).toMatchObject({
      kind: "invitation",
      person_id: outcome.personId,
      cohort_id: world.cohortA.id,
      to_address: "new.person@example.test",
      to_name: "New Person",
      status: "pending",
      subject: `You are invited to ${world.cohortA.name}`,
    });
    expect(message!.text_body).toContain(`${APP}/set-password/${outcome.link.token}`);
    expect(message!.text_body).toContain(`${world.people.coordinator.name} invited you to join`);
    expect(message!.html_body).toContain(`href="${APP}/set-password/${outcome.link.token}"`);
  });

  it("writes nothing when the change is refused", async () => {
    await invite();
    const again = await invite();
    expect(again.ok).toBe(false);
    expect(await all()).toHaveLength(1);
  });

  it("enqueues a message with a dedupe key once, however often it is asked for", async () => {
    const reminder = {
      kind: "password_reset" as const,
      to: { personId: null, address: "someone@example.test", name: "Someone" },
      subject: "Once",
      text: "Once only",
      html: "<p>Once only</p>",
      dedupeKey: "reminder:1:2026-12-02",
    };
    const written = await db
      .transaction()
      .execute(async (tx) => [await enqueueMessages(tx, [reminder]), await enqueueMessages(tx, [reminder])]);
    expect(written).toEqual([1, 0]);
    expect(await all()).toHaveLength(1);
  });

  it("keeps a name with a line break from adding a header", async () => {
    await db.transaction().execute((tx) =>
      enqueueMessages(tx, [
        {
          kind: "password_reset",
          to: { personId: null, address: "victim@example.test", name: "Eve\r\nBcc: everyone@example.test" },
          subject: "Hello\r\nBcc: everyone@example.test",
          text: "Hi",
          html: "<p>Hi</p>",
        },
      ]),
    );
    await deliver().flush();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.bcc).toBeUndefined();
    expect(mail!.subject).toBe("Hello Bcc: everyone@example.test");
  });
});

describe("delivery over SMTP", () => {
  it("sends each message once, with its text and HTML parts, and marks it sent", async () => {
    const outcome = await invite();
    if (!outcome.ok || !outcome.link) throw new Error("expected an invitation with a link");
    const worker = deliver();
    await worker.flush();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: "new.person@example.test", name: "New Person" }] });
    expect(mail!.subject).toBe(`You are invited to ${world.cohortA.name}`);
    expect(mail!.text).toContain(`${APP}/set-password/${outcome.link.token}`);
    expect(mail!.html).toContain("Set your password");
    await worker.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.messages).toHaveLength(1);
    const [sent] = await all();
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("tries again after a temporary refusal (4xx), and delivers once", async () => {
    smtp.refuse(() => ({ code: 451, message: "Greylisted, try again later" }));
    await invite();
    const worker = deliver({ retryBaseMs: 300 });
    await worker.flush();
    const [waiting] = await all();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.last_error).toContain("Greylisted");
    smtp.refuse(() => null);
    await worker.flush();
    expect(smtp.messages).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await worker.flush();
    await smtp.waitFor(1);
    expect(await all()).toMatchObject([{ status: "sent", attempts: 2 }]);
    expect(smtp.messages).toHaveLength(1);
  });

  it("marks a message failed, with the server's reason, after a permanent refusal (5xx)", async () => {
    smtp.refuse(() => ({ code: 550, message: "No such user here" }));
    await invite();
    await deliver().flush();
    const [failed] = await all();
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.last_error).toContain("No such user here");
    expect(smtp.messages).toHaveLength(0);
  });

  it("keeps messages waiting while the mail server is down, and sends them when it is back", async () => {
    const port = smtp.port;
    await smtp.stop();
    await invite();
    const worker = deliver({ retryBaseMs: 300 });
    await worker.flush();
    const [waiting] = await all();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.last_error).toMatch(/ECONNREFUSED|connect/i);
    smtp = await startSmtpServer(port);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await worker.flush();
    await smtp.waitFor(1);
    expect(await all()).toMatchObject([{ status: "sent", attempts: 2 }]);
  });

  it("gives up on a temporary failure that lasts past the time allowed", async () => {
    smtp.refuse(() => ({ code: 421, message: "Service not available" }));
    await invite();
    delivery = startMailDelivery(db, { smtpUrl: smtp.url, pollMs: 60_000, retryBaseMs: 1, giveUpAfterMs: 0 });
    await delivery.flush();
    const [failed] = await all();
    expect(failed!.status).toBe("failed");
    expect(failed!.last_error).toContain("Gave up after trying for 24 hours");
  });

  it("gives a message sent again days after it was written a new 24 hours of tries", async () => {
    await invite();
    const [message] = await all();
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000).toISOString();
    await db
      .updateTable("outbox")
      .set({ created_at: twoDaysAgo, next_attempt_at: twoDaysAgo, status: "failed", last_error: "Gave up" })
      .where("id", "=", message!.id)
      .execute();
    await db.transaction().execute((tx) => requeueMessage(tx, message!.id));
    smtp.refuse(() => ({ code: 421, message: "Service not available" }));
    delivery = startMailDelivery(db, { smtpUrl: smtp.url, pollMs: 60_000, retryBaseMs: 60_000 });
    await delivery.flush();
    const [again] = await all();
    expect(again!.status).toBe("pending");
    expect(again!.last_error).toContain("Service not available");
    expect(again!.last_error).not.toContain("Gave up");
  });
});
