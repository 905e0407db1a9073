// Small things people trip on (issue 16), on the demo cohort: a copy button beside one-time links and calendar
// addresses (only with JavaScript; without it the address is shown to select), chart labels readable and whole on a
// phone, and every rubric level shown in full on the rubric and scoring pages, on a phone and a desktop.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPanelMember, createPitchEvent } from "~/models/pitch.server";
import { listTeams } from "~/models/team.server";
import { type DemoAccount, seedDemo } from "../../scripts/seed-demo";
import { PITCH_DAY } from "../setup/factories";
import { startServer, type TestServer } from "../setup/server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  DOCS_SCREENSHOTS,
  expectHeading,
  jsLabel,
  signInAs,
  visit,
} from "./browser";

const browser = browserPerFile();
let server: TestServer;
let cohortId = 0;
let teamIds: number[] = [];
let accounts: DemoAccount[] = [];

beforeAll(async () => {
  server = await startServer(async (db) => {
    const seeded = await seedDemo(db);
    cohortId = seeded.cohortId;
    accounts = seeded.accounts;
    teamIds = (await listTeams(db, cohortId)).map((t) => t.id);
    const leader = accounts.find((a) => a.role === "leader")!;
    const leaderId = (await db
      .selectFrom("people")
      .where("email", "=", leader.email)
      .select("id")
      .executeTakeFirstOrThrow())!.id;
    await db.transaction().execute(async (tx) => {
      const event = await createPitchEvent(tx, cohortId, PITCH_DAY);
      await addPanelMember(tx, event.id, leaderId);
    });
  });
});
afterAll(async () => {
  await server?.stop();
});

const account = (role: DemoAccount["role"], index = 0) => accounts.filter((a) => a.role === role)[index]!;

async function signedIn(role: DemoAccount["role"], js: boolean, phone = false): Promise<Page> {
  const page = await browser.open(server.url, { js, phone });
  if (js)
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const person = account(role);
  await signInAs(page, person.email, person.password);
  return page;
}

/** With JavaScript the button copies the address and says so; without it there is no button and the address is shown. */
async function expectCopyable(page: Page, js: boolean, address: string, buttonName: string | RegExp) {
  // The address is text on the page, to select and copy by hand too.
  await page.getByText(address, { exact: true }).waitFor();
  const button = page.getByRole("button", { name: buttonName });
  if (!js) {
    expect(await button.count()).toBe(0);
    return;
  }
  await button.click();
  await page.getByText("Copied", { exact: false }).first().waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  // The confirmation is in a live region, so screen readers announce it.
  const live = page.locator("[aria-live=polite]", { hasText: "Copied" });
  expect(await live.count()).toBeGreaterThanOrEqual(1);
}

for (const js of [true, false]) {
  describe(`Copying one-time links and calendar addresses ${jsLabel(js)}`, () => {
    it("lets a coordinator copy a new sign-in link", async () => {
      const page = await signedIn("coordinator", js);
      const participant = account("participant", js ? 2 : 3);
      await visit(page, `/cohorts/${cohortId}/people`);
      const personId = await server.db
        .selectFrom("people")
        .where("email", "=", participant.email)
        .select("id")
        .executeTakeFirstOrThrow();
      await visit(page, `/cohorts/${cohortId}/people/${personId.id}/link`);
      await page.getByRole("button", { name: /Create (password reset|new invitation) link/ }).click();
      await arriveAt(page, `/cohorts/${cohortId}/people/${personId.id}/link`);
      const url = (await page.locator("#one-time-link").textContent())?.trim() ?? "";
      expect(url).toMatch(/\/set-password\/[A-Za-z0-9_-]{20,}$/);
      await expectCopyable(page, js, url, "Copy link");
      await checkPage(page, "copy-sign-in-link");
    });

    it("lets a person copy their calendar address, and a coordinator their cohort's", async () => {
      const page = await signedIn("coordinator", js, true);
      await visit(page, "/profile");
      await page.getByRole("button", { name: /(Make|Reset) your calendar address/ }).click();
      await arriveAt(page, "/profile");
      const url = (await page.locator("#calendar-feed-url").textContent())?.trim() ?? "";
      expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{20,}\.ics$/);
      await expectCopyable(page, js, url, "Copy your calendar address");
      const cohortFeed = page.locator("[id^=cohort-calendar-feed-url-]").first();
      const cohortUrl = (await cohortFeed.textContent())?.trim() ?? "";
      expect(cohortUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{20,}\/cohorts\/\d+\.ics$/);
      await expectCopyable(page, js, cohortUrl, /^Copy the calendar address of /);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, "copy-calendar-address-phone");
    });
  });

  describe(`Reading charts and rubrics on a phone ${jsLabel(js)}`, () => {
    it("shows every chart label at 14px or more, whole and inside its chart", async () => {
      const page = await signedIn("coordinator", js, true);
      expect(await visit(page, `/cohorts/${cohortId}/report`)).toBe(200);
      const labels = await page.locator("svg[role=img]").evaluateAll((svgs) =>
        svgs
          .filter((svg) => svg.getClientRects().length > 0)
          .flatMap((svg) => {
            const box = svg.getBoundingClientRect();
            const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
            return [...svg.querySelectorAll("text")].map((text) => {
              const rect = text.getBoundingClientRect();
              // A wrapped label's lines are tspans: read them as the words they are.
              const lines = [...text.querySelectorAll("tspan")].map((line) => line.textContent ?? "");
              return {
                text: lines.length ? lines.join(" ") : (text.textContent ?? ""),
                size: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
                overflow: getComputedStyle(text).textOverflow,
                where: `${rect.left.toFixed(0)},${rect.top.toFixed(0)},${rect.right.toFixed(0)},${rect.bottom.toFixed(0)} in ${box.left.toFixed(0)},${box.top.toFixed(0)},${box.right.toFixed(0)},${box.bottom.toFixed(0)}`,
                inside:
                  rect.left >= box.left - 0.5 &&
                  rect.right <= box.right + 0.5 &&
                  rect.top >= box.top - 0.5 &&
                  rect.bottom <= box.bottom + 0.5,
              };
            });
          }),
      );
      expect(labels.length).toBeGreaterThan(20);
      expect(labels.filter((l) => l.size < 13.95).map((l) => `${l.text}: ${l.size.toFixed(1)}px`)).toEqual(
        [],
      );
      expect(labels.filter((l) => l.text.includes("…") || l.overflow === "ellipsis")).toEqual([]);
      expect(labels.filter((l) => !l.inside).map((l) => `${l.text} ${l.where}`)).toEqual([]);
      // Long names wrap rather than being cut.
      const words = labels.map((l) => l.text).join(" ");
      expect(words.replace(/\s+/g, " ")).toContain("Department for Work and Pensions");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page);
      if (js) {
        // For the docs: the charts around the one that used to cut "Department for Work and Pe…".
        const figure = page.locator("figure.tandem-chart", { hasText: "" }).filter({
          has: page.locator("svg.tandem-chart__svg--narrow text", { hasText: "Department for Work and" }),
        });
        const box = (await figure.first().boundingBox())!;
        const top = Math.max(0, box.y + (await page.evaluate(() => window.scrollY)) - 400);
        await page.screenshot({
          path: `${DOCS_SCREENSHOTS}report-phone.png`,
          fullPage: true,
          clip: { x: 0, y: top, width: 390, height: 1800 },
        });
      }
    });

    for (const phone of [true, false]) {
      it(`shows every rubric level in full ${phone ? "on a phone" : "on a desktop"}`, async () => {
        const coordinator = await signedIn("coordinator", js, phone);
        expect(await visit(coordinator, `/cohorts/${cohortId}/pitch-day/rubric`)).toBe(200);
        await expectHeading(coordinator, "Rubric");
        const boxes = await coordinator.locator("textarea").evaluateAll((areas) =>
          areas.map((a) => ({
            name: a.getAttribute("name"),
            clipped: a.scrollHeight > a.clientHeight + 1,
          })),
        );
        expect(boxes.length).toBeGreaterThanOrEqual(8);
        expect(boxes.filter((b) => b.clipped).map((b) => b.name)).toEqual([]);
        await checkPage(coordinator);

        const leader = await signedIn("leader", js, phone);
        // The first team the leader has no conflict with.
        let status: number | undefined;
        for (const teamId of teamIds) {
          status = await visit(leader, `/cohorts/${cohortId}/pitch-day/scoring/${teamId}`);
          if (status === 200) break;
        }
        expect(status).toBe(200);
        const groups = leader.locator(".govuk-radios");
        expect(await groups.count()).toBeGreaterThanOrEqual(4);
        for (const group of await groups.all()) {
          const levels = await group.locator(".govuk-radios__label").evaluateAll((labels) =>
            labels.map((label) => ({
              text: label.textContent ?? "",
              visible: label.getClientRects().length > 0,
              clipped:
                label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1,
            })),
          );
          expect(levels.length).toBe(5);
          expect(levels.filter((l) => !l.visible || l.clipped)).toEqual([]);
        }
        const overflow = await leader.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await checkPage(leader);
        if (js && phone)
          await leader.screenshot({ path: `${DOCS_SCREENSHOTS}scoring-phone.png`, fullPage: true });
      });
    }
  });
}
