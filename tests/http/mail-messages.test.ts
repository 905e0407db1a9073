// An email a change causes, end to end through the built server and a real SMTP server: the coordinator adds a
// leader to the pitch-day panel, the leader's mail arrives with its link and its unsubscribe headers, the link to
// stop the mail works signed out (the page, then a mail program's RFC 8058 one-click POST) and no more mail of that
// kind goes to them; a tampered link gets a clear page. Then the profile's choices and the coordinator's view.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPitchEvent } from "~/models/pitch.server";
import { makeMember, makeWorld, PITCH_DAY, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

let server: TestServer;
let smtp: TestSmtpServer;
let world: World;
let eventId: number;
let secondLeader: { id: number; email: string };

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer(
    async (db) => {
      world = await makeWorld(db);
      secondLeader = await makeMember(db, world.cohortA.id, "leader", {
        name: "Lou Leader",
        email: "second.leader@example.test",
      });
      eventId = (await db.transaction().execute((tx) => createPitchEvent(tx, world.cohortA.id, PITCH_DAY)))
        .id;
    },
    { SMTP_URL: smtp.url, MAIL_POLL_MS: "200" },
  );
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const cohort = () => `${server.url}/cohorts/${world.cohortA.id}`;
const coordinator = () => sessionCookieFor(server.db, world.people.coordinator.id);
const eventVersion = async () =>
  (
    await server.db
      .selectFrom("pitch_events")
      .where("id", "=", eventId)
      .select("version")
      .executeTakeFirstOrThrow()
  ).version;
const panel = async (intent: "add" | "remove", personId: number) =>
  post(
    `${cohort()}/pitch-day/panel`,
    { intent, personId: String(personId), version: String(await eventVersion()) },
    await coordinator(),
  );

/** A header as the mail carried it, unparsed. */
const rawHeader = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "") ?? null;
/** A link from an email, on the test server (the server's own address may be spelled `localhost`). */
const onServer = (link: string) => `${server.url}${new URL(link).pathname}`;

let unsubscribeLink: string;

describe("an email a change causes, end to end", () => {
  it("arrives once, with the day, time and venue, a link that works, and the unsubscribe headers", async () => {
    expect((await panel("add", world.people.leader.id)).status).toBe(302);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: "leader@example.test", name: "Lee Leader" }] });
    expect(mail!.subject).toBe("You are on the pitch-day panel for Cohort A");
    expect(mail!.text).toContain("When: Thursday 25 March 2027, starting at 10am");
    expect(mail!.text).toContain("Where: HMRC, 100 Parliament Street");
    expect(mail!.html).toContain("Cora Coordinator added you to the panel");
    const timetable = /See the pitch-day timetable:\n(\S+)/.exec(mail!.text ?? "")?.[1] ?? "";
    expect(new URL(timetable).pathname).toBe(`/cohorts/${world.cohortA.id}/pitch-day/timetable`);
    const leader = await sessionCookieFor(server.db, world.people.leader.id);
    expect((await get(onServer(timetable), leader)).status).toBe(200);

    unsubscribeLink = /^<(.+)>$/.exec(rawHeader(mail!, "List-Unsubscribe") ?? "")?.[1] ?? "";
    expect(new URL(unsubscribeLink).pathname).toMatch(/^\/unsubscribe\/\d+\.panel_added\.[\w-]{22}$/);
    expect(rawHeader(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain(`Stop these emails: ${unsubscribeLink}`);
  });

  it("asks first when the unsubscribe link is opened, signed out, and changes nothing", async () => {
    const response = await get(onServer(unsubscribeLink));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Stop emails about “You were added to a pitch-day panel”?");
    expect(html).toMatch(/<form method="post"[^>]*>/);
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(await server.db.selectFrom("email_opt_outs").selectAll().execute()).toEqual([]);
  });

  it("turns the kind off with a mail program's one-click POST, even marked cross-site", async () => {
    const response = await fetch(onServer(unsubscribeLink), {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://webmail.example.com",
        "Sec-Fetch-Site": "cross-site",
      },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      "You will no longer get emails about “You were added to a pitch-day panel”",
    );
    expect(await server.db.selectFrom("email_opt_outs").select(["person_id", "kind"]).execute()).toEqual([
      { person_id: world.people.leader.id, kind: "panel_added" },
    ]);
    const [event] = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "email.unsubscribed")
      .select(["actor_person_id", "subject_id"])
      .execute();
    expect(event).toEqual({ actor_person_id: world.people.leader.id, subject_id: world.people.leader.id });
    expect((await get(onServer(unsubscribeLink))).status).toBe(200);
    expect(await (await get(onServer(unsubscribeLink))).text()).toContain("These emails are already stopped");
  });

  it("sends no more of that kind to them, while others still get theirs", async () => {
    expect((await panel("remove", world.people.leader.id)).status).toBe(302);
    expect((await panel("add", world.people.leader.id)).status).toBe(302);
    expect((await panel("add", secondLeader.id)).status).toBe(302);
    const mails = await smtp.waitFor(2);
    // Give a stray message for the first leader time to arrive, were there one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(mails.map((m) => m.to && "value" in m.to && m.to.value[0]?.address)).toEqual([
      "leader@example.test",
      "second.leader@example.test",
    ]);
    expect(
      await server.db.selectFrom("outbox").where("kind", "=", "panel_added").select("to_address").execute(),
    ).toHaveLength(2);
  });

  it("answers a tampered or made-up link with a page saying it does not work, and changes nothing", async () => {
    const path = new URL(unsubscribeLink).pathname;
    const tampered = path.replace(/\.panel_added\./, ".scoring_open.");
    const otherPerson = path.replace(/^\/unsubscribe\/\d+/, `/unsubscribe/${secondLeader.id}`);
    for (const bad of [tampered, otherPerson, "/unsubscribe/nonsense"]) {
      const page = await get(`${server.url}${bad}`);
      expect(page.status, bad).toBe(404);
      expect(await page.text()).toContain("This link does not work");
      const posted = await post(`${server.url}${bad}`, { "List-Unsubscribe": "One-Click" });
      expect(posted.status, bad).toBe(404);
      expect(await posted.text()).toContain("This link does not work");
    }
    expect(await server.db.selectFrom("email_opt_outs").select(["person_id", "kind"]).execute()).toEqual([
      { person_id: world.people.leader.id, kind: "panel_added" },
    ]);
    expect(server.errorLog()).toEqual([]);
  });

  it("lets only the unsubscribe link through the cross-site guard", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.participant.id);
    const crossSite = await post(`${server.url}/profile`, { intent: "email-preferences" }, cookie, {
      Origin: "https://evil.example",
      "Sec-Fetch-Site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
  });
});

/** The profile's box for a kind of email. */
const box = (html: string, kind: string) =>
  new RegExp(`<input[^>]*name="wanted"[^>]*value="${kind}"[^>]*>`).exec(html)?.[0] ?? "no box";

describe("email choices", () => {
  it("shows a person a box per kind they can turn off, and saves what they untick", async () => {
    const cookie = await sessionCookieFor(server.db, world.people.participant.id);
    const before = await (await get(`${server.url}/profile`, cookie)).text();
    expect(before).toContain("Your emails");
    expect(box(before, "visit_reminder")).toContain("checked");
    expect(before).not.toContain('value="password_reset"');
    const body = new URLSearchParams([
      ["intent", "email-preferences"],
      ["wanted", "team_published"],
      ["wanted", "statement_reviewed"],
    ]);
    const saved = await fetch(`${server.url}/profile`, {
      method: "POST",
      body,
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(saved.status).toBe(302);
    const after = await (await get(`${server.url}/profile`, cookie)).text();
    expect(after).toContain("Your email choices are saved");
    expect(box(after, "team_published")).toContain("checked");
    expect(box(after, "visit_reminder")).not.toContain("checked");
  });

  it("shows coordinators who turned what off and whose email could not be delivered, with the reason", async () => {
    const at = new Date().toISOString();
    await server.db
      .insertInto("outbox")
      .values({
        kind: "team_published",
        person_id: world.people.mentor.id,
        cohort_id: world.cohortA.id,
        to_address: world.people.mentor.email,
        to_name: world.people.mentor.name,
        subject: "Your team in Cohort A",
        text_body: "",
        html_body: "",
        status: "failed",
        last_error: "550 5.1.1 No such mailbox here",
        next_attempt_at: at,
        created_at: at,
      })
      .execute();
    const page = await (await get(`${cohort()}/people`, await coordinator())).text();
    expect(page).toContain("Not delivered");
    expect(page).toContain("550 5.1.1 No such mailbox here");
    expect(page).toContain("Turned off: You were added to a pitch-day panel");
  });
});
