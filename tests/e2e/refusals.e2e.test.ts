// Pages people may not see: the GOV.UK-styled 403 page, and signed-out visitors sent to sign in and back.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../setup/factories";
import { serveWorld } from "../setup/server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  expectHeading,
  jsLabel,
  pathOf,
  signInAs,
  visit,
} from "./browser";

const ctx = serveWorld();

const browser = browserPerFile();

const FORBIDDEN = "You do not have permission to see this page";

/** Visits a path and expects the 403 page, signed in (the header still says who), with the way home. */
async function expectForbidden(page: Page, path: string, screenshotName?: string) {
  expect(await visit(page, path), `status of ${path}`).toBe(403);
  await expectHeading(page, FORBIDDEN);
  expect(pathOf(page)).toBe(path);
  expect(await page.title()).toBe(`${FORBIDDEN} – Tandem`);
  await page.getByText("If you think you should, ask your cohort coordinator to check your role.").waitFor();
  await page.getByRole("link", { name: "Go to your Tandem home page" }).waitFor();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await checkPage(page, screenshotName);
}

for (const js of [true, false]) {
  describe(`Refusals ${jsLabel(js)}`, () => {
    for (const role of ["participant", "mentor", "leader"] as const) {
      it(`refuses a ${role} the cohort's management pages and the programmes`, async () => {
        const page = await browser.open(ctx.server.url, { js });
        await signInAs(page, `${role}@example.test`, TEST_PASSWORD);
        await arriveAt(page, "/");
        const cohort = `/cohorts/${ctx.world.cohortA.id}`;
        await expectForbidden(page, cohort, role === "participant" ? "forbidden" : undefined);
        await expectForbidden(page, `${cohort}/people`);
        await expectForbidden(page, "/programmes");
        await expectForbidden(page, "/programmes/new");

        // The error page's link goes home, where their own cohort still shows.
        await page.getByRole("link", { name: "Go to your Tandem home page" }).click();
        await arriveAt(page, "/");
        await page.locator(".govuk-summary-card", { hasText: "Cohort A" }).waitFor();
        await checkPage(page);
      });
    }

    it("refuses the coordinator of another cohort every page of cohort A", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await signInAs(page, "other@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      const a = `/cohorts/${ctx.world.cohortA.id}`;
      for (const path of [
        a,
        `${a}/edit`,
        `${a}/people`,
        `${a}/people/invite`,
        `${a}/people/${ctx.world.people.participant.id}/link`,
      ]) {
        await expectForbidden(page, path);
      }
      await expectForbidden(page, `/programmes/${ctx.world.programme.id}`);

      // Their own cohort is theirs to manage.
      expect(await visit(page, `/cohorts/${ctx.world.cohortB.id}`)).toBe(200);
      await expectHeading(page, "Cohort B");
      await checkPage(page);
    });

    it("sends a signed-out visitor from home to sign in, and back home after", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await visit(page, "/");
      await arriveAt(page, "/sign-in");
      await expectHeading(page, "Sign in to Tandem");
      expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
      await checkPage(page);

      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Pat Participant");
    });

    it("brings a signed-out coordinator back to the page they asked for, query and all", async () => {
      const page = await browser.open(ctx.server.url, { js });
      const asked = `/cohorts/${ctx.world.cohortA.id}/people/invite?role=mentor`;
      await visit(page, asked);
      await arriveAt(page, `/sign-in?redirectTo=${encodeURIComponent(asked)}`);
      await expectHeading(page, "Sign in to Tandem");
      await checkPage(page);

      await signInAs(page, "coordinator@example.test", TEST_PASSWORD);
      await arriveAt(page, asked);
      await expectHeading(page, /Invite a person/);
      expect(await page.getByLabel("Mentor").isChecked()).toBe(true);
      await checkPage(page);
    });

    it("brings a signed-out participant back to a page they may not see, and refuses it", async () => {
      const page = await browser.open(ctx.server.url, { js });
      const asked = `/cohorts/${ctx.world.cohortA.id}`;
      await visit(page, asked);
      await arriveAt(page, `/sign-in?redirectTo=${encodeURIComponent(asked)}`);
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      await arriveAt(page, asked);
      await expectHeading(page, FORBIDDEN);
      await checkPage(page);
    });

    it("does not follow a redirectTo that leads off the site", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await visit(page, `/sign-in?redirectTo=${encodeURIComponent("//evil.example/steal")}`);
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      expect(new URL(page.url()).origin).toBe(ctx.server.url);
      await arriveAt(page, "/");
      await expectHeading(page, "Hello, Pat Participant");
    });
  });
}
