// Signing in as each role, signing out, a wrong password, and the pages anyone can see.
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../setup/factories";
import { serveWorld } from "../setup/server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  expectErrorSummary,
  expectHeading,
  jsLabel,
  signInAs,
  signOut,
  visit,
} from "./browser";

const ctx = serveWorld();

const browser = browserPerFile();

const MEMBERS = [
  {
    role: "mentor",
    email: "mentor@example.test",
    name: "Max Mentor",
    tag: "Mentor",
    step: "Your coordinator will pair you with a team",
  },
  {
    role: "participant",
    email: "participant@example.test",
    name: "Pat Participant",
    tag: "Participant",
    step: "Your coordinator will put you in a mixed team",
  },
  {
    role: "leader",
    email: "leader@example.test",
    name: "Lee Leader",
    tag: "Senior leader",
    step: "The teams pitch in the final week of the programme (week 12).",
  },
] as const;

for (const js of [true, false]) {
  describe(`Signing in ${jsLabel(js)}`, () => {
    it("shows an administrator the way to programmes, then signs them out", async () => {
      const page = await browser.open(ctx.server.url, { js });
      expect(await visit(page, "/sign-in")).toBe(200);
      await expectHeading(page, "Sign in to Tandem");
      await checkPage(page, "sign-in");

      await signInAs(page, "admin@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Ada Admin");
      await page.getByRole("link", { name: "Manage programmes and cohorts" }).waitFor();
      await page.locator(".govuk-service-navigation").getByRole("link", { name: "Programmes" }).waitFor();
      expect(await page.getByText("Signed in as Ada Admin").count()).toBe(1);
      await checkPage(page, "home-admin");

      await signOut(page);
      await checkPage(page);
      // Signed out for real: home sends them back to sign in.
      await visit(page, "/");
      await arriveAt(page, "/sign-in");
    });

    it("shows a coordinator their cohort card with the way to manage it", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await signInAs(page, "coordinator@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Cora Coordinator");
      const card = page.locator(".govuk-summary-card", { hasText: "Cohort A" });
      await card.locator(".govuk-tag", { hasText: "Coordinator" }).waitFor();
      const manage = card.getByRole("link", { name: "Manage cohort" });
      expect(await manage.getAttribute("href")).toBe(`/cohorts/${ctx.world.cohortA.id}`);
      // Coordinators are not administrators.
      expect(await page.getByRole("link", { name: "Manage programmes and cohorts" }).count()).toBe(0);
      expect(
        await page.locator(".govuk-service-navigation").getByRole("link", { name: "Programmes" }).count(),
      ).toBe(0);
      await checkPage(page, "home-coordinator");

      await signOut(page);
    });

    for (const member of MEMBERS) {
      it(`shows a ${member.role} their role and next steps`, async () => {
        const page = await browser.open(ctx.server.url, { js });
        await signInAs(page, member.email, TEST_PASSWORD);
        await arriveAt(page, "/");
        await expectHeading(page, `Hello, ${member.name}`);
        const card = page.locator(".govuk-summary-card", { hasText: "Cohort A" });
        await card.locator(".govuk-tag", { hasText: member.tag }).waitFor();
        await card.getByText("The cohort starts on").waitFor();
        await card.getByText(member.step).waitFor();
        expect(await card.getByRole("link", { name: "Manage cohort" }).count()).toBe(0);
        expect(await page.getByRole("link", { name: "Manage programmes and cohorts" }).count()).toBe(0);
        await checkPage(page, `home-${member.role}`);

        await signOut(page);
      });
    }

    it("fits a participant's home page on a phone", async () => {
      const page = await browser.open(ctx.server.url, { js, phone: true });
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Pat Participant");
      // Nothing sideways: the page is no wider than the phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, "home-participant-phone");
    });

    it("explains a wrong password, linking to the email field and keeping the email", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await visit(page, "/sign-in");
      await page.getByLabel("Email address").fill("participant@example.test");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("Signing in as participant@example.test").waitFor();
      await checkPage(page, "sign-in-password");
      await page.getByLabel("Password", { exact: true }).fill("not the password at all");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expectErrorSummary(page, [
        { field: "email", text: "The email address or password is not right. Check them and try again." },
      ]);
      expect(await page.getByLabel("Email address").inputValue()).toBe("participant@example.test");
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      await checkPage(page, "sign-in-error");

      // The summary's link takes you to the field: GOV.UK Frontend focuses it; without JavaScript, it is a jump.
      await page.locator(".govuk-error-summary").getByRole("link").click();
      if (js) await page.locator("#email:focus").waitFor();
      else expect(new URL(page.url()).hash).toBe("#email");

      // And the right password still works afterwards.
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Pat Participant");
    });

    it("shows the footer pages to anyone", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await visit(page, "/sign-in");
      const pages = [
        {
          link: "Accessibility statement",
          path: "/accessibility",
          heading: "Accessibility statement for Tandem",
          title: "Accessibility statement",
        },
        { link: "Privacy notice", path: "/privacy", heading: "Privacy notice", title: "Privacy notice" },
        { link: "Cookies", path: "/cookies", heading: "Cookies", title: "Cookies" },
      ];
      for (const { link, path, heading, title } of pages) {
        await page.locator(".govuk-footer").getByRole("link", { name: link }).click();
        await arriveAt(page, path);
        await expectHeading(page, heading);
        expect(await page.title()).toBe(`${title} – Tandem`);
        await checkPage(page, path.slice(1));
      }
      expect(await visit(page, "/forgotten-password")).toBe(200);
      await expectHeading(page, "If you have forgotten your password");
      await checkPage(page, "forgotten-password");
    });

    it("shows the GOV.UK page-not-found page for an unknown address", async () => {
      const page = await browser.open(ctx.server.url, { js });
      expect(await visit(page, "/no-such-page")).toBe(404);
      await expectHeading(page, "Page not found");
      expect(await page.title()).toBe("Page not found – Tandem");
      await page.getByRole("link", { name: "Go to your Tandem home page" }).waitFor();
      await checkPage(page, "not-found");

      // Signed in, too.
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      expect(await visit(page, "/cohorts/999999/nothing-here")).toBe(404);
      await expectHeading(page, "Page not found");
      await checkPage(page);
    });
  });
}
