// The server's scheduler, end to end: a server started with SMTP_URL pointing at a test SMTP server, over a cohort
// with a visit on the next working day, emails the visit reminder (with its .ics) to each participant and mentor
// once, however many times its job runs; the link in it opens the visit for the person it was sent to.
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { isWorkingDay, mondayOf, shiftDate } from "~/domain/working-days";
import { makeReminderWorld } from "../setup/reminders";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

let smtp: TestSmtpServer;
let server: TestServer;
let seeded: Awaited<ReturnType<typeof makeReminderWorld>>;

/** The next working day in England and Wales: its reminder is due today, whatever day today is. */
function nextWorkingDay(today: string): string {
  let day = shiftDate(today, 1);
  while (!isWorkingDay(day, "england-and-wales")) day = shiftDate(day, 1);
  return day;
}

const today = todayInLondon();
const visitDate = nextWorkingDay(today);

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer(
    async (db) => {
      seeded = await makeReminderWorld(db, {
        start: mondayOf(today),
        visitDate,
        sessionDate: today,
        actionDue: shiftDate(today, 30),
      });
    },
    // The reminders job every 100 ms, at any hour: it runs many times while the test watches.
    { SMTP_URL: smtp.url, MAIL_POLL_MS: "100", REMINDERS_EVERY_MS: "100", REMINDERS_HOUR: "0" },
  );
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const visitMails = () => smtp.messages.filter((m) => m.subject?.startsWith("Company visit"));

async function waitForVisitMails(count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 20_000;
  while (visitMails().length < count) {
    if (Date.now() > until) throw new Error(`${visitMails().length} of ${count} visit reminders arrived`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return visitMails();
}

describe("the scheduled visit reminder", () => {
  it("reaches each participant and mentor once, with the visit as an .ics attachment", async () => {
    const { participant, mentor } = seeded.world.people;
    await waitForVisitMails(3);
    // A second more: ten more rounds of the job, and of the delivery worker.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mails = visitMails();
    expect(mails.map((m) => (Array.isArray(m.to) ? "" : m.to?.value[0]?.address)).sort()).toEqual(
      [participant.email, mentor.email, "tia@example.test"].sort(),
    );
    const mail = mails.find((m) => !Array.isArray(m.to) && m.to?.value[0]?.address === participant.email)!;
    expect(mail.text).toContain("Host contact: Kim Host");
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics!.filename).toBe("visit.ics");
    expect(ics!.contentType).toBe("text/calendar");
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!,
    );
    expect(event.uid).toBe(`visit-${seeded.visitId}@tandem`);
    expect(event.startDate.toJSDate().toISOString().slice(0, 10)).toBe(visitDate);

    const sent = await server.db
      .selectFrom("outbox")
      .where("kind", "=", "visit_reminder")
      .select(["status", "attempts"])
      .execute();
    expect(sent).toEqual(Array(3).fill({ status: "sent", attempts: 1 }));
  });

  it("links to the visit, which opens for the person it was sent to", async () => {
    const mail = visitMails().find(
      (m) => !Array.isArray(m.to) && m.to?.value[0]?.address === seeded.world.people.participant.email,
    )!;
    const link = /^(http:\/\/\S+\/cohorts\/\d+\/visits\/\d+)$/m.exec(mail.text ?? "")?.[1];
    expect(link).toBeDefined();
    const cookie = await sessionCookieFor(server.db, seeded.world.people.participant.id);
    const page = await get(link!.replace("localhost", "127.0.0.1"), cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Visit to ${seeded.world.industry.name}`);
  });

  it("carries a one-click unsubscribe link that turns visit reminders off, signed out", async () => {
    const { participant } = seeded.world.people;
    const mail = visitMails().find(
      (m) => !Array.isArray(m.to) && m.to?.value[0]?.address === participant.email,
    )!;
    const line = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const link = /<(http\S+\/unsubscribe\/\S+)>/.exec(line)?.[1];
    expect(link).toBeDefined();
    expect(mail.text).toContain(`Stop these emails: ${link}`);
    const response = await post(link!.replace("localhost", "127.0.0.1"), { "List-Unsubscribe": "One-Click" });
    expect(response.status).toBe(200);
    const off = await server.db
      .selectFrom("email_opt_outs")
      .where("person_id", "=", participant.id)
      .select("kind")
      .execute();
    expect(off).toEqual([{ kind: "visit_reminder" }]);
  });
});

describe("the scheduler without SMTP_URL", () => {
  it("still enqueues the reminders, which wait in the outbox", async () => {
    const quiet = await startServer(
      async (db) => {
        await makeReminderWorld(db, {
          start: mondayOf(today),
          visitDate,
          sessionDate: today,
          actionDue: shiftDate(today, 30),
        });
      },
      { REMINDERS_EVERY_MS: "100", REMINDERS_HOUR: "0" },
    );
    try {
      const waiting = () =>
        quiet.db
          .selectFrom("outbox")
          .where("kind", "=", "visit_reminder")
          .select(["status", "attempts"])
          .execute();
      const until = Date.now() + 20_000;
      while ((await waiting()).length < 3 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await waiting()).toEqual(Array(3).fill({ status: "pending", attempts: 0 }));
    } finally {
      await quiet.stop();
    }
  }, 60_000);
});
