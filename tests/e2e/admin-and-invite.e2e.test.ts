// An administrator sets up a programme and a cohort, appoints its coordinator, and the coordinator joins.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TEST_PASSWORD } from "../setup/factories";
import { startServer, type TestServer } from "../setup/server";
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

let server: TestServer;

beforeAll(async () => {
  server = await startServer(async (db) => {
    await makeWorld(db);
  });
});

afterAll(async () => {
  await server?.stop();
});

const browser = browserPerFile();

const GOOD_PASSWORD = "plum orchard ladder 2031";

async function expectBanner(page: Page, text: string) {
  const banner = page.locator(".govuk-notification-banner--success");
  await banner.getByText(text).waitFor();
}

async function fillStartDate(page: Page, day: string, month: string, year: string) {
  await page.getByLabel("Day").fill(day);
  await page.getByLabel("Month").fill(month);
  await page.getByLabel("Year").fill(year);
}

for (const js of [true, false]) {
  describe(`Setting up a cohort and inviting its coordinator ${jsLabel(js)}`, () => {
    // Each pass makes its own programme and coordinator: both passes share one server.
    const suffix = js ? "with JS" : "without JS";
    const programmeName = `Data Bridge ${suffix}`;
    const cohortName = `Data Bridge 2027 ${suffix}`;
    const coordinator = {
      name: `Nia Newcombe ${suffix}`,
      email: `nia.newcombe.${js ? "js" : "html"}@example.test`,
    };

    it("creates a programme and a cohort, appoints a coordinator who sets a password and signs in", async () => {
      const admin = await browser.open(server.url, { js });
      await signInAs(admin, "admin@example.test", TEST_PASSWORD);
      await arriveAt(admin, "/");
      await checkPage(admin);

      // Programmes, then a programme with no name, then with one.
      await admin.getByRole("link", { name: "Manage programmes and cohorts" }).click();
      await arriveAt(admin, "/programmes");
      await expectHeading(admin, "Programmes");
      await checkPage(admin, "programmes");

      await admin.getByRole("button", { name: "Create a programme" }).click();
      await arriveAt(admin, "/programmes/new");
      await expectHeading(admin, "Create a programme");
      expect(await admin.title()).toBe("Create a programme – Tandem");
      await checkPage(admin, "programme-new");

      await admin.getByRole("button", { name: "Create programme" }).click();
      await expectErrorSummary(admin, [{ field: "name", text: "Enter the programme name" }]);
      expect(await admin.title()).toBe("Error: Create a programme – Tandem");
      await checkPage(admin, "programme-new-error");

      await admin.getByLabel("Programme name").fill(programmeName);
      await admin.getByLabel("Description (optional)").fill("Data specialists from government and industry.");
      await admin.getByRole("button", { name: "Create programme" }).click();
      await arriveAt(admin, /^\/programmes\/\d+$/);
      await expectHeading(admin, programmeName);
      await expectBanner(admin, `Programme ${programmeName} created`);
      expect(await admin.title()).toBe(`${programmeName} – Tandem`);
      await admin.getByText("This programme has no cohorts yet.").waitFor();
      await checkPage(admin, "programme");
      const programmePath = new URL(admin.url()).pathname;

      // A cohort starting on a Wednesday and running 60 weeks: both refused, everything typed kept.
      await admin.getByRole("button", { name: "Add a cohort" }).click();
      await arriveAt(admin, `${programmePath}/cohorts/new`);
      await expectHeading(admin, /Add a cohort/);
      await checkPage(admin, "cohort-new");

      await admin.getByLabel("Cohort name").fill(cohortName);
      await fillStartDate(admin, "6", "1", "2027");
      await admin.getByLabel("Number of weeks").fill("60");
      await admin.getByRole("button", { name: "Add cohort" }).click();
      await expectErrorSummary(admin, [
        { field: "startDate-day", text: "Start date must be a Monday" },
        { field: "weeks", text: "Number of weeks must be between 1 and 52" },
      ]);
      expect(await admin.title()).toBe("Error: Add a cohort – Tandem");
      expect(await admin.getByLabel("Cohort name").inputValue()).toBe(cohortName);
      expect(await admin.getByLabel("Day").inputValue()).toBe("6");
      expect(await admin.getByLabel("Month").inputValue()).toBe("1");
      expect(await admin.getByLabel("Year").inputValue()).toBe("2027");
      expect(await admin.getByLabel("Number of weeks").inputValue()).toBe("60");
      expect(await admin.getByLabel("Number of teams").inputValue()).toBe("6");
      expect(await admin.getByLabel("Planning").isChecked()).toBe(true);
      await checkPage(admin, "cohort-new-error");

      await fillStartDate(admin, "4", "1", "2027");
      await admin.getByLabel("Number of weeks").fill("12");
      await admin.getByRole("button", { name: "Add cohort" }).click();
      await arriveAt(admin, programmePath);
      await expectBanner(admin, `Cohort ${cohortName} added. Now appoint its coordinator.`);
      const row = admin.getByRole("row", { name: new RegExp(cohortName) });
      await row.getByText("4 January 2027 to").waitFor();
      await row.getByText("None yet").waitFor();
      await checkPage(admin, "programme-with-cohort");

      // Appoint the coordinator: the invite form arrives with Coordinator chosen.
      await row.getByRole("link", { name: `Appoint a coordinator for ${cohortName}` }).click();
      await arriveAt(admin, /^\/cohorts\/\d+\/people\/invite\?role=coordinator$/);
      await expectHeading(admin, /Invite a person/);
      const cohortPath = new URL(admin.url()).pathname.replace(/\/people\/invite$/, "");
      expect(await admin.getByLabel("Coordinator").isChecked()).toBe(true);
      await checkPage(admin, "invite");

      await admin.getByLabel("Full name").fill(coordinator.name);
      await admin.getByLabel("Email address").fill(coordinator.email);
      await admin.getByLabel("Coordinator").check();
      await admin.getByRole("button", { name: "Invite" }).click();
      await arriveAt(admin, new RegExp(`^${cohortPath}/people/\\d+/link$`));
      const linkPagePath = new URL(admin.url()).pathname;
      await expectBanner(admin, `${coordinator.name} added as a coordinator`);
      await admin.getByRole("heading", { level: 1, name: "Invitation link created" }).waitFor();
      await admin.getByText(coordinator.email).waitFor();
      const link = (await admin.locator("#one-time-link").textContent())?.trim() ?? "";
      expect(link).toMatch(new RegExp(`^${server.url}/set-password/[A-Za-z0-9_-]{20,}$`));
      await checkPage(admin, "one-time-link");

      // The link is shown once only.
      await visit(admin, linkPagePath);
      await expectHeading(admin, `Sign-in link for ${coordinator.name}`);
      expect(await admin.locator("#one-time-link").count()).toBe(0);
      await admin.getByRole("button", { name: "Create new invitation link" }).waitFor();
      await checkPage(admin, "one-time-link-hidden");

      // The programme lists the new coordinator.
      await visit(admin, programmePath);
      await admin
        .getByRole("row", { name: new RegExp(cohortName) })
        .getByText(coordinator.name)
        .waitFor();

      // The coordinator, in a browser of their own, opens the link.
      const newcomer = await browser.open(server.url, { js });
      await visit(newcomer, new URL(link).pathname);
      await expectHeading(newcomer, `Welcome to Tandem, ${coordinator.name}`);
      expect(await newcomer.title()).toBe("Set your password – Tandem");
      await newcomer.getByText(coordinator.email).waitFor();
      expect(await newcomer.locator("#password-hint").textContent()).toContain("Use 12 characters or more.");
      await checkPage(newcomer, "set-password");

      await newcomer.getByLabel("Create a password").fill("too short");
      await newcomer.getByLabel("Confirm your password").fill("too short");
      await newcomer.getByRole("button", { name: "Set password" }).click();
      await expectErrorSummary(newcomer, [
        { field: "password", text: "Password must be 12 characters or more" },
      ]);
      await checkPage(newcomer, "set-password-error");

      await newcomer.getByLabel("Create a password").fill(GOOD_PASSWORD);
      await newcomer.getByLabel("Confirm your password").fill(GOOD_PASSWORD);
      await newcomer.getByRole("button", { name: "Set password" }).click();
      await arriveAt(newcomer, "/sign-in?passwordSet=1");
      await expectHeading(newcomer, "Sign in to Tandem");
      await expectBanner(newcomer, "Your password is set. Sign in with it now.");
      await checkPage(newcomer, "sign-in-password-set");

      await signInAs(newcomer, coordinator.email, GOOD_PASSWORD);
      await arriveAt(newcomer, "/");
      await expectHeading(newcomer, `Hello, ${coordinator.name}`);
      const card = newcomer.locator(".govuk-summary-card", { hasText: cohortName });
      await card.locator(".govuk-tag", { hasText: "Coordinator" }).waitFor();
      await card.getByText(`${programmeName} · 4 January 2027 to`).waitFor();
      await checkPage(newcomer, "home-new-coordinator");

      await card.getByRole("link", { name: "Manage cohort" }).click();
      await arriveAt(newcomer, cohortPath);
      await expectHeading(newcomer, new RegExp(cohortName));
      await checkPage(newcomer, "cohort-overview");

      // The link worked once.
      await visit(newcomer, new URL(link).pathname);
      await expectHeading(newcomer, "This link cannot be used");
      await newcomer.getByText("This link has already been used. Each link works once.").waitFor();
      expect(await newcomer.title()).toBe("This link cannot be used – Tandem");
      await checkPage(newcomer, "set-password-used");
    });
  });
}

for (const js of [true, false]) {
  describe(`Appointing another system administrator ${jsLabel(js)}`, () => {
    it("lists the administrators, refuses an empty form, and appoints a new one who is emailed", async () => {
      const admin = await browser.open(server.url, { js });
      // Signing in with the second factor counts as confirming it is them for the next 10 minutes.
      await signInAs(admin, "admin@example.test", TEST_PASSWORD);
      await arriveAt(admin, "/");
      await admin.getByRole("link", { name: "Administrators" }).click();
      await arriveAt(admin, "/admin/administrators");
      await expectHeading(admin, "System administrators");
      await admin.getByRole("cell", { name: "Ada Admin" }).waitFor();
      await checkPage(admin, "administrators");

      await admin.getByRole("button", { name: "Appoint an administrator" }).click();
      await arriveAt(admin, "/admin/administrators/new");
      await expectHeading(admin, "Appoint a system administrator");
      await admin.getByLabel("Email address").fill("not an email");
      await admin.getByRole("button", { name: "Appoint administrator" }).click();
      await expectErrorSummary(admin, [
        { field: "name", text: "Enter the person's full name" },
        { field: "email", text: "Enter an email address in the correct format, like name@example.com" },
      ]);
      expect(await admin.getByLabel("Email address").inputValue()).toBe("not an email");
      await checkPage(admin, "administrator-new-error");

      const email = `grace.${js ? "js" : "html"}@example.test`;
      await admin.getByLabel("Full name").fill(`Grace Hopper ${jsLabel(js)}`);
      await admin.getByLabel("Email address").fill(email);
      await admin.getByRole("button", { name: "Appoint administrator" }).click();
      await arriveAt(admin, "/admin/administrators");
      await expectBanner(admin, `Grace Hopper ${jsLabel(js)} is now a system administrator.`);
      await admin.getByRole("cell", { name: email }).waitFor();
      const mail = await server.db
        .selectFrom("outbox")
        .where("to_address", "=", email)
        .select("kind")
        .execute();
      expect(mail.map((m) => m.kind)).toEqual(["invitation"]);
    });
  });
}
