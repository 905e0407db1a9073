// Two app processes on one PostgreSQL database, one mail server: every message in the outbox is claimed by one
// process only and delivered exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessages } from "~/models/outbox.server";
import { fileDb, type TestDatabase } from "../setup/db";
import { serveProcess } from "../setup/serve-process";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

const MESSAGES = 300;

let database: TestDatabase;
let smtp: TestSmtpServer;
let servers: Array<Awaited<ReturnType<typeof serveProcess>>>;

beforeAll(async () => {
  database = await fileDb();
  smtp = await startSmtpServer();
  const settings = { SMTP_URL: smtp.url, MAIL_POLL_MS: "50", REMINDERS_EVERY_MS: "0" };
  servers = await Promise.all([serveProcess(database.url, settings), serveProcess(database.url, settings)]);
});
afterAll(async () => {
  for (const server of servers ?? []) server.child.kill("SIGKILL");
  await smtp?.stop();
  await database?.remove();
});

describe("two app processes delivering one outbox", () => {
  it("deliver each message exactly once", async () => {
    await database.db.transaction().execute((tx) =>
      enqueueMessages(
        tx,
        Array.from({ length: MESSAGES }, (_, i) => ({
          kind: "password_reset" as const,
          to: { personId: null, address: `person${i}@example.test`, name: `Person ${i}` },
          subject: `Message ${i}`,
          text: `Message ${i}`,
          html: `<p>Message ${i}</p>`,
        })),
      ),
    );
    await smtp.waitFor(MESSAGES, 60_000);
    // Both processes keep looking at the outbox for a while longer: nothing goes twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const subjects = smtp.messages.map((m) => m.subject);
    expect(subjects).toHaveLength(MESSAGES);
    expect(new Set(subjects).size).toBe(MESSAGES);
    const rows = await database.db.selectFrom("outbox").select(["status", "attempts"]).execute();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  }, 90_000);
});
