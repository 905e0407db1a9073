// The Outbox pages over real HTTP: the list (newest first, by status, a page at a time, and a warning when this
// server sends no email), one email with its text and its HTML part (served framable by Tandem only, with no
// script), and "Send again", which re-queues a failed email, is audited, and delivers it once to a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_PREVIEW_POLICY } from "~/domain/mail/preview";
import type { MessageStatus } from "~/domain/vocabulary";
import { enqueueMessages } from "~/models/outbox.server";
import type { Db } from "../../db/connection";
import { makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

/** Writes an email to the outbox as a command would, then gives it a status; answers its id. */
async function email(
  db: Db,
  subject: string,
  status: MessageStatus = "pending",
  fields: { last_error?: string; smtp_response?: string; text?: string; html?: string } = {},
) {
  await db.transaction().execute((tx) =>
    enqueueMessages(tx, [
      {
        kind: "invitation",
        to: { personId: null, address: "sam.okafor@example.test", name: "Sam Okafor" },
        subject,
        text:
          fields.text ?? `Dear Sam,\n\nJoin here: https://tandem.example.test/set-password/abc.\n\n— Tandem`,
        html:
          fields.html ??
          `<!doctype html><html lang="en"><head><title>${subject}</title></head><body><p>Dear Sam</p></body></html>`,
      },
    ]),
  );
  const { id } = await db
    .selectFrom("outbox")
    .select("id")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("outbox")
    .set({
      status,
      attempts: status === "pending" ? 0 : 1,
      last_error: fields.last_error ?? null,
      smtp_response: fields.smtp_response ?? null,
      sent_at: status === "sent" ? new Date().toISOString() : null,
    })
    .where("id", "=", id)
    .execute();
  return id;
}

describe("without a mail server", () => {
  let server: TestServer;
  let world: World;
  let admin: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer(async (db) => {
      world = await makeWorld(db);
      for (let n = 1; n <= 27; n++) await email(db, `Waiting ${n}`);
      ids.sent = await email(db, "Already sent", "sent", { smtp_response: "250 2.0.0 Ok: queued as 12345" });
      ids.failed = await email(db, "Bounced", "failed", {
        last_error: "550 5.1.1 <sam.okafor@example.test>: Recipient address rejected",
        text: "Follow https://tandem.example.test/a?b=1&c=2, then stop. <b>Not bold</b>",
        html: '<html><head><title>Bounced</title></head><body><p>Hi</p><script>document.title = "ran"</script></body></html>',
      });
    });
    admin = await sessionCookieFor(server.db, world.people.admin.id);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists every email newest first, says none is being sent, and pages through them", async () => {
    const response = await get(`${server.url}/admin/outbox`, admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Emails wait here and are not being sent");
    expect(html).toContain("27 waiting to send, 1 sent, 1 failed.");
    expect(html).toContain("29 emails; page 1 of 2.");
    const subjects = [...html.matchAll(/href="\/admin\/outbox\/\d+">([^<]+)</g)].map((m) => m[1]);
    expect(subjects.slice(0, 4)).toEqual(["Bounced", "Already sent", "Waiting 27", "Waiting 26"]);
    expect(subjects).toHaveLength(25);
    expect(html).toContain('<strong class="govuk-tag govuk-tag--red">Failed</strong>');
    expect(html).toContain("550 5.1.1 &lt;sam.okafor@example.test&gt;: Recipient address rejected");
    expect(html).toContain("Invitation to a cohort");
    expect(html).toContain('href="/admin/outbox?page=2"');

    const second = await (await get(`${server.url}/admin/outbox?page=2`, admin)).text();
    expect([...second.matchAll(/href="\/admin\/outbox\/\d+">([^<]+)</g)].map((m) => m[1])).toEqual([
      "Waiting 4",
      "Waiting 3",
      "Waiting 2",
      "Waiting 1",
    ]);
  });

  it("filters by status, ignoring a status that does not exist", async () => {
    const failed = await (await get(`${server.url}/admin/outbox?status=failed`, admin)).text();
    expect(failed).toContain("1 email; page 1 of 1.");
    expect(failed).toContain(">Bounced<");
    expect(failed).not.toContain(">Waiting 1<");
    const nonsense = await get(`${server.url}/admin/outbox?status=lost&page=x`, admin);
    expect(nonsense.status).toBe(200);
    expect(await nonsense.text()).toContain("29 emails; page 1 of 2.");
  });

  it("shows one email: who it is to, what happened, its text with links, its HTML in a sandboxed frame", async () => {
    const response = await get(`${server.url}/admin/outbox/${ids.failed}`, admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<title>Bounced – Tandem</title>");
    expect(html).toContain("Sam Okafor");
    expect(html).toContain("(sam.okafor@example.test)");
    expect(html).toContain("Recipient address rejected");
    expect(html).toContain(">Send again</button>");
    // The text's address is a link, without the punctuation after it; the rest is text, not markup.
    expect(html).toContain('href="https://tandem.example.test/a?b=1&amp;c=2"');
    expect(html).toContain("&lt;b&gt;Not bold&lt;/b&gt;");
    const frame = /<iframe[^>]*>/.exec(html)?.[0] ?? "";
    expect(frame).toContain(`src="/admin/outbox/${ids.failed}/html"`);
    expect(frame).toMatch(/sandbox="[^"]*"/);
    expect(frame).not.toContain("allow-scripts");
    expect(frame).not.toContain("allow-same-origin");
    expect(frame).toContain('title="The HTML part of the email “Bounced”"');

    const sent = await (await get(`${server.url}/admin/outbox/${ids.sent}`, admin)).text();
    expect(sent).toContain("250 2.0.0 Ok: queued as 12345");
    expect(sent).not.toContain(">Send again</button>");

    expect((await get(`${server.url}/admin/outbox/999999`, admin)).status).toBe(404);
    expect((await get(`${server.url}/admin/outbox/nonsense`, admin)).status).toBe(404);
  });

  it("serves the HTML part under its own policy: framed by Tandem only, no script, links open outside", async () => {
    const response = await get(`${server.url}/admin/outbox/${ids.failed}/html`, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(EMAIL_PREVIEW_POLICY);
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(
      '<html><head><base target="_blank"><title>Bounced</title></head><body><p>Hi</p><script>document.title = "ran"</script></body></html>',
    );

    // Refused and missing ones get the same policy; every other page may still be framed by nobody.
    const refused = await get(
      `${server.url}/admin/outbox/${ids.failed}/html`,
      await sessionCookieFor(server.db, world.people.coordinator.id),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-security-policy")).toBe(EMAIL_PREVIEW_POLICY);
    const page = await get(`${server.url}/admin/outbox/${ids.failed}`, admin);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const lookalike = await get(`${server.url}/admin/outbox/${ids.failed}/html/`, admin);
    expect(lookalike.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends a failed email again, audited, and refuses to send one the server accepted", async () => {
    const again = await post(`${server.url}/admin/outbox/${ids.failed}`, { intent: "send-again" }, admin);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/admin/outbox/${ids.failed}`);
    const row = await server.db
      .selectFrom("outbox")
      .where("id", "=", ids.failed!)
      .select(["status", "next_attempt_at"])
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
    expect(Date.parse(row.next_attempt_at)).toBeLessThanOrEqual(Date.now());
    const page = await (await get(`${server.url}/admin/outbox/${ids.failed}`, admin)).text();
    expect(page).toContain("The email “Bounced” to sam.okafor@example.test will be sent again");
    const events = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "email.resent")
      .select(["actor_person_id", "subject_type", "subject_id", "details"])
      .execute();
    expect(events).toEqual([
      {
        actor_person_id: world.people.admin.id,
        subject_type: "email",
        subject_id: ids.failed,
        details: JSON.stringify({ kind: "invitation", subject: "Bounced" }),
      },
    ]);
    const audit = await (await get(`${server.url}/audit`, admin)).text();
    expect(audit).toContain(
      `${world.people.admin.name} queued the email “Bounced” (invitation to a cohort) to be sent again`,
    );

    const refused = await post(`${server.url}/admin/outbox/${ids.sent}`, { intent: "send-again" }, admin);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("This email cannot be sent again: it is sent");
    const sent = await server.db
      .selectFrom("outbox")
      .where("id", "=", ids.sent!)
      .select("status")
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe("sent");
  });

  it("is linked from an administrator's home page", async () => {
    expect(await (await get(`${server.url}/`, admin)).text()).toContain('href="/admin/outbox"');
  });
});

describe("with a mail server", () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let world: World;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    smtp.refuse((address) =>
      address === "bounces@example.test" ? { code: 550, message: "No such mailbox here" } : null,
    );
    server = await startServer(
      async (db) => {
        world = await makeWorld(db);
      },
      { SMTP_URL: smtp.url, MAIL_POLL_MS: "200" },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it("shows a refused email as failed with the server's reason; sent again, it arrives once", async () => {
    const id = await server.db.transaction().execute(async (tx) => {
      await enqueueMessages(tx, [
        {
          kind: "invitation",
          to: { personId: null, address: "bounces@example.test", name: "Bo Unce" },
          subject: "You are invited",
          text: "Dear Bo",
          html: "<p>Dear Bo</p>",
        },
      ]);
      const row = await tx.selectFrom("outbox").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
      return row.id;
    });
    const admin = await sessionCookieFor(server.db, world.people.admin.id);
    let status = "";
    for (let i = 0; i < 100 && status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (
        await server.db.selectFrom("outbox").where("id", "=", id).select("status").executeTakeFirstOrThrow()
      ).status;
    }
    const page = await (await get(`${server.url}/admin/outbox/${id}`, admin)).text();
    expect(page).toContain('<strong class="govuk-tag govuk-tag--red">Failed</strong>');
    expect(page).toContain("No such mailbox here");
    expect(page).not.toContain("Emails wait here and are not being sent");

    smtp.refuse(() => null);
    const again = await post(`${server.url}/admin/outbox/${id}`, { intent: "send-again" }, admin);
    expect(again.status).toBe(302);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("You are invited");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(smtp.messages).toHaveLength(1);
    const sent = await (await get(`${server.url}/admin/outbox/${id}`, admin)).text();
    expect(sent).toContain('<strong class="govuk-tag govuk-tag--green">Sent</strong>');
    expect(sent).not.toContain(">Send again</button>");
  });
});
