// Email end to end, in a browser: the server delivers to a real SMTP server started here, and people follow the
// links in the mail they get. A coordinator invites someone, who sets a password from the invitation and signs in;
// someone who forgot their password asks for a link and signs in with a new one; an administrator reads the mail
// in the Outbox.
import type { ParsedMail } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
import { startServer, type TestServer } from "../setup/server";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  expectErrorSummary,
  expectHeading,
  jsLabel,
  signInAs,
  visit,
} from "./browser";

let smtp: TestSmtpServer;
let server: TestServer;
let world: World;
/** People who forget their password, one for each pass. */
const forgetful: Record<string, { name: string; email: string }> = {};

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer(
    async (db) => {
      world = await makeWorld(db);
      for (const pass of ["js", "html"])
        forgetful[pass] = await makeMember(db, world.cohortA.id, "mentor", {
          name: `Forgetful Fran ${pass}`,
          email: `forgetful.${pass}@example.test`,
        });
    },
    { SMTP_URL: smtp.url, MAIL_POLL_MS: "200" },
  );
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const browser = browserPerFile();

/** The mail to an address, once it has arrived at the test SMTP server. */
async function mailTo(address: string): Promise<ParsedMail> {
  for (let i = 0; i < 300; i++) {
    const mail = smtp.messages.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value.some((to) => to.address === address),
    );
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No mail arrived for ${address}`);
}

function setPasswordLink(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`No set-password link in the mail:\n${mail.text}`);
  return link;
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await arriveAt(page, "/sign-in?passwordSet=1");
  await page.getByText("Your password is set. Sign in with it now.").waitFor();
  await checkPage(page);
}

for (const js of [true, false]) {
  const pass = js ? "js" : "html";

  describe(`Email ${jsLabel(js)}`, () => {
    it("invites a person, who opens the link in their mail, sets a password and signs in", async () => {
      const invitee = { name: `Ife Invited ${pass}`, email: `ife.invited.${pass}@example.test` };
      const coordinator = await browser.open(server.url, { js });
      await signInAs(coordinator, "coordinator@example.test", TEST_PASSWORD);
      await visit(coordinator, `/cohorts/${world.cohortA.id}/people/invite`);
      await expectHeading(coordinator, /Invite a person/);
      await checkPage(coordinator);
      await coordinator.getByLabel("Full name").fill(invitee.name);
      await coordinator.getByLabel("Email address").fill(invitee.email);
      await coordinator.getByLabel("Participant").check();
      await coordinator.getByRole("button", { name: "Invite" }).click();
      await arriveAt(coordinator, new RegExp(`^/cohorts/${world.cohortA.id}/people/\\d+/link$`));
      await coordinator.getByText(`${invitee.name} added as a participant`).waitFor();
      await checkPage(coordinator);

      const mail = await mailTo(invitee.email);
      expect(mail.subject).toBe(`You are invited to ${world.cohortA.name}`);
      expect(mail.text).toContain(`${world.people.coordinator.name} invited you to join`);
      const link = setPasswordLink(mail);

      const newcomer = await browser.open(server.url, { js });
      await newcomer.goto(link);
      await arriveAt(newcomer, new URL(link).pathname);
      await expectHeading(newcomer, `Welcome to Tandem, ${invitee.name}`);
      await checkPage(newcomer);
      await choosePassword(newcomer, "juniper meadow kettle 2033");
      await signInAs(newcomer, invitee.email, "juniper meadow kettle 2033");
      await arriveAt(newcomer, "/");
      await expectHeading(newcomer, `Hello, ${invitee.name}`);
      await checkPage(newcomer);
    });

    it("sends a reset link to someone who forgot their password, who signs in with a new one", async () => {
      const person = forgetful[pass]!;
      const page = await browser.open(server.url, { js });
      await visit(page, "/sign-in");
      await page.getByRole("link", { name: "I have forgotten my password" }).click();
      await arriveAt(page, "/forgotten-password");
      await expectHeading(page, "If you have forgotten your password");
      await checkPage(page);

      await page.getByRole("button", { name: "Send me a link" }).click();
      await expectErrorSummary(page, [{ field: "email", text: "Enter your email address" }]);
      await checkPage(page);

      await page.getByLabel("Email address").fill(person.email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      await arriveAt(page, "/forgotten-password?sent=1");
      await expectHeading(page, "Check your email");
      await page.getByText("If there is an account for that address, we have sent a link").waitFor();
      await checkPage(page);

      const mail = await mailTo(person.email);
      expect(mail.subject).toBe("Reset your Tandem password");
      await page.goto(setPasswordLink(mail));
      await expectHeading(page, "Set a new password");
      await checkPage(page);
      await choosePassword(page, "saffron rowing compass 2036");
      await signInAs(page, person.email, "saffron rowing compass 2036");
      await arriveAt(page, "/");
      await expectHeading(page, `Hello, ${person.name}`);
    });

    it("shows an administrator the mail in the Outbox, its HTML part in a frame", async () => {
      await mailTo(forgetful[pass]!.email);
      const admin = await browser.open(server.url, { js });
      await signInAs(admin, "admin@example.test", TEST_PASSWORD);
      await admin.getByRole("link", { name: "Outbox" }).click();
      await arriveAt(admin, "/admin/outbox");
      await expectHeading(admin, "Outbox");
      await checkPage(admin);

      await admin.getByLabel("Status").selectOption("sent");
      await admin.getByRole("button", { name: "Filter" }).click();
      await arriveAt(admin, "/admin/outbox?status=sent");
      await checkPage(admin);

      const row = admin.getByRole("row", { name: new RegExp(forgetful[pass]!.email) });
      await row.getByRole("link", { name: "Reset your Tandem password" }).click();
      await arriveAt(admin, /^\/admin\/outbox\/\d+$/);
      await expectHeading(admin, /Reset your Tandem password/);
      await admin.locator(".govuk-tag", { hasText: "Sent" }).waitFor();
      await admin.getByRole("link", { name: /\/set-password\// }).waitFor();
      const frame = admin.frameLocator("iframe.tandem-mail-frame");
      await frame.getByText(`Dear ${forgetful[pass]!.name},`).waitFor();
      await frame.getByRole("link", { name: "Set a new password" }).waitFor();
      await checkPage(admin, js ? "outbox-message" : undefined);
    });
  });
}
