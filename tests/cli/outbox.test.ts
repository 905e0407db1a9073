// `npm run tandem -- outbox` lists the outbox and `… outbox retry <id>` queues an email to be sent again, through
// the same command as the Outbox page (audited as the command line's).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { cliWorkspace } from "../setup/cli";

// Each case starts the command line a few times, a few seconds each on a busy machine.
const SLOW = 90_000;

const { dir, tandem } = cliWorkspace("outbox", () => ({ APP_URL: "https://tandem.example" }));
const db = openDatabase(`file:${join(dir, "cli.sqlite")}`);
let id: number;

const statusOf = async (messageId: number) =>
  (await db.selectFrom("outbox").where("id", "=", messageId).select("status").executeTakeFirstOrThrow())
    .status;

beforeAll(() => {
  // Without SMTP_URL, reset-link's email waits in the outbox: the list has something to show.
  expect(tandem("create-admin", "--email", "rita.root@example.test", "--name", "Rita Root").status).toBe(0);
});
afterAll(async () => {
  await db.destroy();
});

describe("npm run tandem -- outbox", () => {
  it("says when the outbox is empty", () => {
    const { status, out } = tandem("outbox");
    expect(status).toBe(0);
    expect(out).toContain("The outbox is empty.");
  });

  it(
    "lists each email: id, status, kind, recipient, subject, attempts and last error",
    async () => {
      expect(tandem("reset-link", "--email", "rita.root@example.test").status).toBe(0);
      const message = await db.selectFrom("outbox").select("id").executeTakeFirstOrThrow();
      id = message.id;
      await db
        .updateTable("outbox")
        .set({ status: "failed", attempts: 3, last_error: "550 5.2.1 Mailbox unavailable" })
        .where("id", "=", id)
        .execute();
      const { status, out } = tandem("outbox");
      expect(status).toBe(0);
      const lines = out.trim().split("\n");
      expect(lines[0]).toBe("Outbox: 1 failed.");
      expect(lines[1]).toMatch(/^ID\s+STATUS\s+KIND\s+TO\s+SUBJECT\s+ATTEMPTS\s+LAST ERROR$/);
      expect(lines[2]).toMatch(
        new RegExp(
          `^${id}\\s+failed\\s+password_reset\\s+rita\\.root@example\\.test\\s+Reset your Tandem password\\s+3\\s+550 5\\.2\\.1 Mailbox unavailable$`,
        ),
      );
      expect(tandem("outbox", "--status", "sent").out).toContain("No sent emails.");
      expect(tandem("outbox", "--status", "failed").out).toContain("Reset your Tandem password");
    },
    SLOW,
  );

  it(
    "queues a failed email to be sent again, audited as the command line's",
    async () => {
      const { status, out } = tandem("outbox", "retry", String(id));
      expect(status).toBe(0);
      expect(out).toContain(`Email ${id} (“Reset your Tandem password” to rita.root@example.test) is queued`);
      expect(await statusOf(id)).toBe("pending");
      const events = await db
        .selectFrom("audit_events")
        .where("action", "=", "email.resent")
        .select(["actor_person_id", "subject_id", "details"])
        .execute();
      expect(events).toEqual([
        {
          actor_person_id: null,
          subject_id: id,
          details: JSON.stringify({
            kind: "password_reset",
            subject: "Reset your Tandem password",
            via: "cli",
          }),
        },
      ]);
    },
    SLOW,
  );

  it(
    "refuses an email the server accepted, one that does not exist, and a malformed id",
    async () => {
      await db.updateTable("outbox").set({ status: "sent" }).where("id", "=", id).execute();
      const sent = tandem("outbox", "retry", String(id));
      expect(sent.status).toBe(1);
      expect(sent.err).toContain(`Email ${id}: This email cannot be sent again: it is sent.`);
      expect(await statusOf(id)).toBe("sent");

      const missing = tandem("outbox", "retry", "99999");
      expect(missing.status).toBe(1);
      expect(missing.err).toContain("There is no such email in the outbox");

      for (const args of [
        ["retry", "abc"],
        ["--status", "lost"],
      ]) {
        const { status, err } = tandem("outbox", ...args);
        expect(status, args.join(" ")).toBe(2);
        expect(err).not.toBe("");
      }
    },
    SLOW,
  );
});
