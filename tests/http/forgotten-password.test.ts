// The forgotten-password page over real HTTP, with the server delivering to a real SMTP server started here: the
// reset link arrives once and works when followed; an unknown address gets the same answer and no mail; the rate
// limit (per email, per client address) answers the same page too. Client addresses come from X-Forwarded-For
// (TRUST_PROXY), so each test asks from an address of its own.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RESETS_PER_ADDRESS, MAX_RESETS_PER_EMAIL } from "~/models/password-reset.server";
import { makePerson, makeWorld, type World } from "../setup/factories";
import { get, post, signIn, startServer, type TestServer } from "../setup/server";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

let smtp: TestSmtpServer;
let server: TestServer;
let world: World;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer(
    async (db) => {
      world = await makeWorld(db);
    },
    { SMTP_URL: smtp.url, MAIL_POLL_MS: "200", TRUST_PROXY: "loopback" },
  );
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const ask = (email: string, from: string) =>
  post(`${server.url}/forgotten-password`, { email }, undefined, { "X-Forwarded-For": from });

/** The outbox rows for an address (the server writes them in the request's transaction). */
const outboxTo = (address: string) =>
  server.db.selectFrom("outbox").where("to_address", "=", address).selectAll().execute();

const mailsTo = (address: string) =>
  smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

async function mailTo(address: string): Promise<ParsedMail> {
  for (let i = 0; i < 250 && mailsTo(address).length === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 40));
  const [mail] = mailsTo(address);
  if (!mail) throw new Error(`No mail arrived for ${address}`);
  return mail;
}

const THE_ANSWER = "If there is an account for that address, we have sent a link to reset its password.";

describe("asking for a reset link", () => {
  it("asks for an email address, and says what is wrong with one that is not", async () => {
    const page = await (await get(`${server.url}/forgotten-password`)).text();
    expect(page).toContain("If you have forgotten your password");
    expect(page).toContain('name="email"');

    const empty = await ask("", "198.51.100.1");
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("govuk-error-summary");
    expect(emptyHtml).toContain('href="#email"');
    expect(emptyHtml).toContain("Enter your email address");

    const wrong = await ask("not-an-email", "198.51.100.1");
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Enter an email address in the correct format, like name@example.com");
    expect(wrongHtml).toContain('value="not-an-email"');
  });

  it("emails a reset link once, which sets a new password to sign in with", async () => {
    const person = world.people.mentor;
    const response = await ask(person.email.toUpperCase(), "198.51.100.2");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/forgotten-password?sent=1");
    const answer = await (await get(`${server.url}/forgotten-password?sent=1`)).text();
    expect(answer).toContain("Check your email");
    expect(answer).toContain(THE_ANSWER);

    const mail = await mailTo(person.email);
    expect(mail.subject).toBe("Reset your Tandem password");
    expect(mail.text).toContain(`Dear ${person.name},`);
    expect(mail.text).toContain("Someone, we hope you, asked to reset the password");
    const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
    if (!link) throw new Error(`No link in:\n${mail.text}`);
    expect(mail.html).toContain(`href="${link}"`);

    // The link, followed by the HTTP client as a mail program would.
    const form = await fetch(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Set a new password");
    const newPassword = "quince harbour lantern 2038";
    const set = await post(link, { password: newPassword, confirm: newPassword });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/sign-in?passwordSet=1");
    expect(await signIn(server.url, person.email, newPassword)).toMatch(/^tandem_session=/);

    // Once: nothing more arrives for the person, and the outbox holds the one message, sent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(mailsTo(person.email)).toHaveLength(1);
    expect((await outboxTo(person.email)).map((m) => [m.kind, m.status])).toEqual([
      ["password_reset", "sent"],
    ]);

    const events = await server.db
      .selectFrom("audit_events")
      .where("subject_id", "=", person.id)
      .where("action", "in", ["password.reset_requested", "password.reset_link_created", "password.reset"])
      .select(["action", "actor_person_id", "address"])
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { action: "password.reset_requested", actor_person_id: null, address: "198.51.100.2" },
      { action: "password.reset_link_created", actor_person_id: null, address: "198.51.100.2" },
      { action: "password.reset", actor_person_id: person.id, address: "127.0.0.1" },
    ]);
  });

  it("answers an unknown address exactly as a known one, and sends nothing", async () => {
    const unknown = await ask("nobody.here@example.test", "198.51.100.3");
    const known = await ask(world.people.leader.email, "198.51.100.3");
    expect([unknown.status, unknown.headers.get("location")]).toEqual([
      known.status,
      known.headers.get("location"),
    ]);
    await mailTo(world.people.leader.email);
    expect(await outboxTo("nobody.here@example.test")).toEqual([]);
    expect(mailsTo("nobody.here@example.test")).toEqual([]);
    const audited = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "password.reset_requested")
      .where("address", "=", "198.51.100.3")
      .select("subject_id")
      .execute();
    expect(audited).toEqual([{ subject_id: world.people.leader.id }]);
  });
});

describe("the rate limit", () => {
  it(`sends at most ${MAX_RESETS_PER_EMAIL} links an hour for one email, from any address, answering the same`, async () => {
    const person = await makePerson(server.db, { email: "often.forgets@example.test" });
    const answers: string[] = [];
    for (let i = 0; i <= MAX_RESETS_PER_EMAIL; i++) {
      const response = await ask(person.email, `203.0.113.${10 + i}`);
      answers.push(`${response.status} ${response.headers.get("location")}`);
    }
    expect(new Set(answers)).toEqual(new Set(["302 /forgotten-password?sent=1"]));
    expect(await outboxTo(person.email)).toHaveLength(MAX_RESETS_PER_EMAIL);
  });

  it(`lets one client address ask ${MAX_RESETS_PER_ADDRESS} times an hour, for any emails, known or not`, async () => {
    const from = "203.0.113.99";
    for (let i = 0; i < MAX_RESETS_PER_ADDRESS; i++) {
      const response = await ask(`guess${i}@example.test`, from);
      expect(response.headers.get("location")).toBe("/forgotten-password?sent=1");
    }
    const limited = await ask(world.people.sponsor.email, from);
    expect(limited.headers.get("location")).toBe("/forgotten-password?sent=1");
    expect(await outboxTo(world.people.sponsor.email)).toEqual([]);

    // Another address is not held back by this one's requests.
    await ask(world.people.sponsor.email, "203.0.113.100");
    expect(await outboxTo(world.people.sponsor.email)).toHaveLength(1);
  });
});
