// The outbox survives `kill -9`: a message enqueued by a server that dies (SIGKILL) before the mail server has
// accepted it is delivered, exactly once, by the server started after it (on SQLite and PostgreSQL).
import { describe, expect, it } from "vitest";
import { fileDb } from "../setup/db";
import { makeWorld } from "../setup/factories";
import { serveProcess } from "../setup/serve-process";
import { post, sessionCookieFor } from "../setup/server";
import { startSmtpServer } from "../setup/smtp";

async function until(done: () => Promise<boolean>, what: string, ms = 20_000) {
  const giveUp = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > giveUp) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a server killed before its mail was accepted", () => {
  it("leaves the message in the outbox, and the next server delivers it exactly once", async () => {
    const database = await fileDb();
    const db = database.db;
    const world = await makeWorld(db);
    const smtp = await startSmtpServer();
    // The mail server says "later" until the first server is dead.
    smtp.refuse(() => ({ code: 451, message: "Greylisted, try again later" }));
    const settings = {
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: "100",
      MAIL_RETRY_BASE_MS: "1500",
      REMINDERS_EVERY_MS: "0",
    };
    const first = await serveProcess(database.url, settings);
    let second: Awaited<ReturnType<typeof serveProcess>> | null = null;
    try {
      const cookie = await sessionCookieFor(db, world.people.coordinator.id);
      const invited = await post(
        `${first.base}/cohorts/${world.cohortA.id}/people/invite`,
        { name: "Kit Killed", email: "kit@example.test", role: "participant" },
        cookie,
      );
      expect(invited.status).toBe(302);
      const row = () =>
        db.selectFrom("outbox").select(["status", "attempts", "last_error"]).executeTakeFirstOrThrow();
      await until(
        async () => (await row()).attempts === 1 && (await row()).status === "pending",
        "a refusal",
      );
      expect((await row()).last_error).toContain("Greylisted");

      first.child.kill("SIGKILL");
      await first.exited;
      smtp.refuse(() => null);
      expect(smtp.messages).toHaveLength(0);

      second = await serveProcess(database.url, settings);
      const [mail] = await smtp.waitFor(1, 20_000);
      expect(mail!.subject).toBe(`You are invited to ${world.cohortA.name}`);
      // Long enough for several more looks at the outbox: nothing is sent again.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(smtp.messages).toHaveLength(1);
      const sent = await row();
      expect(sent.status).toBe("sent");
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      first.child.kill("SIGKILL");
      second?.child.kill("SIGKILL");
      await smtp.stop();
      await database.remove();
    }
  }, 60_000);
});
