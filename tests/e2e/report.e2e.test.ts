// Reports on the demo cohort: a coordinator reads the charts and their tables (mentoring per team per week and
// problem statements among them), downloads CSVs, opens the printable evaluation summary and the programme view
// with the pilot cohort's released pitch results; a participant answers the start questionnaire; the sponsor reads
// the report without anyone's individual figures.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoAccount, seedDemo } from "../../scripts/seed-demo";
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

const browser = browserPerFile();
let server: TestServer;
let cohortId = 0;
let accounts: DemoAccount[] = [];
/** Participants who have not answered the start questionnaire yet: one for each pass. */
let unanswered: DemoAccount[] = [];

beforeAll(async () => {
  server = await startServer(async (db) => {
    const seeded = await seedDemo(db);
    cohortId = seeded.cohortId;
    accounts = seeded.accounts;
    const answered = await db
      .selectFrom("skills_answers")
      .innerJoin("people", "people.id", "skills_answers.person_id")
      .select("people.email")
      .distinct()
      .execute();
    const emails = new Set(answered.map((a) => a.email));
    unanswered = accounts.filter((a) => a.role === "participant" && !emails.has(a.email));
  });
});
afterAll(async () => {
  await server?.stop();
});

const account = (role: DemoAccount["role"]) => accounts.find((a) => a.role === role)!;

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

for (const js of [true, false]) {
  describe(`The cohort report ${jsLabel(js)}`, () => {
    it("shows a coordinator the charts and their tables, CSVs, the printable evaluation summary and the programme view", async () => {
      const page = await browser.open(server.url, { js });
      const coordinator = account("coordinator");
      await signInAs(page, coordinator.email, coordinator.password);
      await page.getByRole("link", { name: "Report" }).first().click();
      await arriveAt(page, `/cohorts/${cohortId}/report`);
      await expectHeading(page, /Report: Tech Connect/);
      expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(9);
      await page.getByRole("img", { name: /^Mentoring sessions per team per week\./ }).waitFor();
      await page.getByRole("img", { name: /^Problem statements by category and status\./ }).waitFor();
      // The week-by-week table sits behind a details element, which opens without JavaScript too.
      await page.getByText("Sessions and minutes per team per week, as a table").click();
      for (const caption of [
        "Participants by sector",
        "Attendance by visit",
        "Attendance by participant",
        "Mentoring sessions per team per week",
        "Mentoring sessions per team",
        "Problem statements by category and status",
      ]) {
        await page.locator("caption", { hasText: caption }).first().waitFor();
      }
      const weekly = page.locator("table", {
        has: page.locator("caption", { hasText: "Mentoring sessions per team per week" }),
      });
      // Six teams in each of weeks 1 to 6 (the demo cohort is always in its sixth week).
      expect(await weekly.locator("tbody tr").count()).toBe(36);
      const statements = page.locator("table", {
        has: page.locator("caption", { hasText: "Problem statements by category and status" }),
      });
      expect(await statements.locator("tbody tr").allInnerTexts()).toEqual([
        expect.stringMatching(/Technology\s+1\s+1\s+1\s+0\s+3/),
        expect.stringMatching(/Operational\s+0\s+0\s+0\s+1\s+1/),
        expect.stringMatching(/Policy\s+0\s+1\s+0\s+0\s+1/),
        expect.stringMatching(/Uncategorised\s+0\s+0\s+0\s+0\s+0/),
      ]);
      const sector = page.locator("table", {
        has: page.locator("caption", { hasText: "Participants by sector" }),
      });
      expect(await sector.locator("tbody tr").allInnerTexts()).toEqual([
        expect.stringMatching(/Government\s+20\s+50%/),
        expect.stringMatching(/Industry\s+20\s+50%/),
      ]);
      await page.getByText("This cohort has no pitch day yet.").waitFor();
      await checkPage(page, "report");

      const sectorCsv = await download(page, "Download “Participants by sector” (CSV)");
      expect(sectorCsv.name).toMatch(/^tech-connect-\d{4}-sector\.csv$/);
      expect(sectorCsv.text).toBe("\uFEFFSector,People,Share\nGovernment,20,50\nIndustry,20,50\n");
      const visitsCsv = await download(page, "Download “Attendance by visit” (CSV)");
      expect(visitsCsv.text.split("\n")[0]).toBe("\uFEFFDate,Host,Attended,Apologies,Absent,Attendance");
      expect(visitsCsv.text.split("\n")[1]).toMatch(/^\d{4}-\d{2}-\d{2},/);
      const weeklyCsv = await download(page, "Download “Mentoring sessions per team per week” (CSV)");
      expect(weeklyCsv.name).toMatch(/^tech-connect-\d{4}-mentoring-by-week\.csv$/);
      const weeklyLines = weeklyCsv.text.trimEnd().split("\n");
      expect(weeklyLines[0]).toBe("\uFEFFWeek,Week starting,Team,Sessions,Minutes");
      expect(weeklyLines).toHaveLength(1 + 36);
      expect(weeklyLines[1]).toMatch(/^1,\d{4}-\d{2}-\d{2},Team 1,\d+,\d+$/);
      const statementsCsv = await download(
        page,
        "Download “Problem statements by category and status” (CSV)",
      );
      expect(statementsCsv.text).toBe(
        "\uFEFFCategory,Draft,Submitted for review,Changes requested,Approved,Total\n" +
          "Technology,1,1,1,0,3\nOperational,0,0,0,1,1\nPolicy,0,1,0,0,1\nUncategorised,0,0,0,0,0\n",
      );

      await page.getByRole("link", { name: "Evaluation summary (printable)" }).click();
      await arriveAt(page, `/cohorts/${cohortId}/report/summary`);
      await expectHeading(page, /Evaluation summary: Tech Connect/);
      await page.getByRole("heading", { name: "Method" }).waitFor();
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".govuk-service-navigation").isVisible()).toBe(false);
      expect(await page.getByRole("heading", { name: "Findings" }).isVisible()).toBe(true);
      expect(
        await page.locator("caption", { hasText: "Problem statements by category and status" }).isVisible(),
      ).toBe(true);
      await page.emulateMedia({ media: "screen" });
      await page
        .getByText(/^26 sessions \(24 hours 30 minutes\) across 6 teams, in 6 programme weeks$/)
        .waitFor();
      await page
        .getByText(/^1 of 6 teams approved; draft 1, submitted for review 2, changes requested 1/)
        .waitFor();
      await page.getByText("No pitch day yet", { exact: true }).waitFor();
      await checkPage(page, "evaluation-summary");

      // The programme view: the pilot cohort's pitch day was held and its results released.
      await page.getByRole("link", { name: "Back to the report" }).click();
      await arriveAt(page, `/cohorts/${cohortId}/report`);
      await page.getByRole("link", { name: "Tech Connect: every cohort" }).click();
      await arriveAt(page, /^\/programmes\/\d+\/report$/);
      await expectHeading(page, /Programme report/);
      await page.getByRole("img", { name: /^Adjusted pitch scores by cohort/ }).waitFor();
      const pitches = page.locator("table", {
        has: page.locator("caption", { hasText: "Pitch results by cohort" }),
      });
      expect(await pitches.locator("tbody tr").allInnerTexts()).toEqual([
        expect.stringMatching(
          /Tech Connect pilot\s+24 November 2022\s+Released\s+2\s+Team 1: Ledger\s+73\.33\s+68\.58/,
        ),
        expect.stringMatching(/Tech Connect \d{4}\s+–\s+No pitch day yet\s+–\s+–\s+–\s+–/),
      ]);
      await checkPage(page, "programme-report");
    });

    it("fits the report on a phone", async () => {
      const page = await browser.open(server.url, { js, phone: true });
      const coordinator = account("coordinator");
      await signInAs(page, coordinator.email, coordinator.password);
      expect(await visit(page, `/cohorts/${cohortId}/report`)).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, "report-phone");
    });

    it("lets a participant answer the start questionnaire from their home page", async () => {
      const page = await browser.open(server.url, { js });
      const participant = unanswered[js ? 0 : 1]!;
      await signInAs(page, participant.email, participant.password);
      await page.getByRole("link", { name: /Answer the start-of-programme skills questionnaire by/ }).click();
      await arriveAt(page, `/cohorts/${cohortId}/skills/start`);
      await expectHeading(page, /Start of programme skills questionnaire/);
      await checkPage(page);
      const fieldsets = page.locator("form#questionnaire fieldset");
      const count = await fieldsets.count();
      expect(count).toBe(9);
      // Leave the last question unanswered: the form says which.
      for (let i = 0; i < count - 1; i++) await fieldsets.nth(i).getByLabel("4 – Confident").check();
      await page.getByRole("button", { name: "Send your answers" }).click();
      const last = await fieldsets
        .nth(count - 1)
        .locator("input")
        .first()
        .getAttribute("name");
      await expectErrorSummary(page, [
        {
          field: last!,
          text: "Select how confident you are: Collaborating with people from the other sector",
        },
      ]);
      await checkPage(page);
      expect(await fieldsets.nth(0).getByLabel("4 – Confident").isChecked()).toBe(true);
      await fieldsets
        .nth(count - 1)
        .getByLabel("3 – Fairly confident")
        .check();
      await page.getByRole("button", { name: "Send your answers" }).click();
      await arriveAt(page, "/");
      await page
        .locator(".govuk-notification-banner--success")
        .getByText(/Your answers are saved/)
        .waitFor();
      await page
        .getByRole("link", { name: /You answered the start-of-programme skills questionnaire/ })
        .waitFor();
      await checkPage(page);
    });

    it("shows the sponsor the report but no individual's answers or attendance", async () => {
      const page = await browser.open(server.url, { js });
      const sponsor = account("sponsor");
      await signInAs(page, sponsor.email, sponsor.password);
      await page.getByRole("link", { name: "See the cohort report" }).click();
      await arriveAt(page, `/cohorts/${cohortId}/report`);
      await expectHeading(page, /Report: Tech Connect/);
      expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(6);
      await page.getByText("Attendance by participant is shown to the cohort's coordinators only.").waitFor();
      await page.locator("caption", { hasText: "Problem statements by category and status" }).waitFor();
      await page.locator("caption", { hasText: /^Mentoring sessions per team$/ }).waitFor();
      expect(await page.locator("caption", { hasText: "Attendance by participant" }).count()).toBe(0);
      const html = await page.content();
      for (const participant of accounts.filter((a) => a.role === "participant")) {
        expect(html).not.toContain(participant.name);
      }
      await checkPage(page, "report-sponsor");
      expect(await visit(page, `/cohorts/${cohortId}/skills`)).toBe(403);
    });
  });
}
