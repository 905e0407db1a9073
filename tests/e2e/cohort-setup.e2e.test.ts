// A coordinator sets up a new cohort: imports the demo nominations (fixing what the check reports), marks hosts,
// imports a second file over people already in the cohort (blank cells kept, changes old → new, a repeated row
// merged, disagreeing rows left out, a quota exceeded only once confirmed), plans the company visits, moves one,
// finds that attendance waits for the visit to start, confirms the visits and downloads the cohort's .ics.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership, createCohort } from "~/models/programme.server";
import { seedDemo } from "../../scripts/seed-demo";
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

async function expectBanner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success").getByText(text).waitFor();
}

for (const js of [true, false]) {
  describe(`Setting up a cohort's nominations and visits ${jsLabel(js)}`, () => {
    // Each pass has its own server: the first pass creates the organisation the second would find.
    let server: TestServer;
    let cohortId = 0;
    let coordinator = { email: "", password: "" };
    beforeAll(async () => {
      server = await startServer(async (db) => {
        const { accounts } = await seedDemo(db);
        const fiona = accounts.find((a) => a.role === "coordinator")!;
        coordinator = { email: fiona.email, password: fiona.password };
        const programme = await db.selectFrom("programmes").select("id").executeTakeFirstOrThrow();
        const cohort = await createCohort(db, programme.id, {
          name: "Tech Connect 2027",
          startDate: "2027-01-04",
          weeks: 12,
          teamCount: 6,
          status: "planning",
        });
        cohortId = cohort.id;
        const person = await db
          .selectFrom("people")
          .where("email", "=", fiona.email)
          .select("id")
          .executeTakeFirstOrThrow();
        await addMembership(db, cohort.id, person.id, "coordinator");
      });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("imports, fixes, confirms, imports again over quota, plans, moves, waits for attendance and downloads the calendar", async () => {
      const page = await browser.open(server.url, { js });
      const base = `/cohorts/${cohortId}`;
      await signInAs(page, coordinator.email, coordinator.password);
      await visit(page, base);
      await expectHeading(page, /Tech Connect 2027/);
      // The cohort's status is a tag with its label, not the stored value.
      await page
        .locator(".govuk-summary-list .govuk-tag", { hasText: /^(Planning|Running|Finished)$/ })
        .waitFor();
      await checkPage(page, "cohort-setup-overview");

      // Nominations: the demo file has three problems.
      await page.getByRole("link", { name: "Nominations and line manager releases" }).click();
      await arriveAt(page, `${base}/nominations`);
      await checkPage(page);
      await page.getByRole("button", { name: "Import nominations" }).click();
      await arriveAt(page, `${base}/nominations/import`);
      await expectHeading(page, /Import nominations/);
      await checkPage(page, "nominations-import");

      await page.getByLabel("Upload a CSV file").setInputFiles("tests/fixtures/demo-nominations.csv");
      await page.getByRole("button", { name: "Upload and check" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary
        .getByText("The file has 2 problems: correct them in your spreadsheet and upload it again")
        .waitFor();
      await page.waitForFunction(() => document.title.startsWith("Error: "));
      const problems = page.locator("table.tandem-problems tbody tr");
      expect(await problems.allInnerTexts()).toEqual([
        "3\temail\t“liam.osei.dwp.example” is not an email address, like name@example.com",
        "5\tsector\tSector “Public sector” is not known: use government or industry",
      ]);
      // Row 11 repeats row 2 with the email in capitals: Aoife is imported once, and the page says so.
      await page.getByText("Row 11 (AOIFE.BRENNAN@hmrc.example) is the same as row 2").waitFor();
      expect(await page.getByRole("button", { name: /Confirm and import/ }).count()).toBe(0);
      await checkPage(page, "nominations-problems");

      // The corrected file: no problems, but Northwind Labs is new to Tandem.
      await page
        .getByLabel("Upload a CSV file")
        .setInputFiles("tests/fixtures/demo-nominations-corrected.csv");
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.getByRole("button", { name: "Confirm and import 12 rows" }).waitFor();
      expect(await page.locator(".govuk-error-summary").count()).toBe(0);
      await page.getByText("Create Northwind Labs").waitFor();
      await checkPage(page, "nominations-preview");
      await page.getByRole("button", { name: "Confirm and import 12 rows" }).click();
      await page
        .locator(".govuk-error-summary")
        .getByText(
          "Select “Create Northwind Labs”, or correct the organisation's name in your spreadsheet and upload it again",
        )
        .waitFor();
      await checkPage(page);
      await page.getByLabel("Create Northwind Labs").check();
      await page.getByLabel("UK region of Northwind Labs").selectOption("england-and-wales");
      await page.getByRole("button", { name: "Confirm and import 12 rows" }).click();
      await arriveAt(page, `${base}/nominations`);
      await expectBanner(page, /Nominations imported from demo-nominations-corrected.csv: 12 new/);
      await page.getByText("11 participants are not yet released by their line manager.").waitFor();
      await checkPage(page, "nominations");

      // A second file: blank cells keep what Tandem holds, a change shows old → new, a repeated row is merged,
      // two rows that disagree are left out, and Kestrel going over its quota needs the coordinator's word.
      await page.getByRole("button", { name: "Import nominations" }).click();
      await arriveAt(page, `${base}/nominations/import`);
      await page.getByLabel("Upload a CSV file").setInputFiles("tests/fixtures/demo-nominations-update.csv");
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.getByRole("button", { name: "Confirm and import 3 rows" }).waitFor();
      const outcomes = page.getByRole("table", { name: "Rows as they will be imported" }).locator("tbody tr");
      expect(await outcomes.allInnerTexts()).toEqual([
        expect.stringMatching(/^2\tAoife Brennan\t.*\tAlready in the cohort$/),
        expect.stringMatching(/^3\tMarcus Webb\t.*\tUpdated\nJob title: Graduate Consultant → Consultant$/),
        expect.stringMatching(/^4\tNadia Quinn\t.*\tNew person$/),
      ]);
      await page.getByText("Row 5 (NADIA.QUINN@kestrel.example) is the same as row 4").waitFor();
      expect(await page.locator("table.tandem-left-out tbody tr").allInnerTexts()).toEqual([
        "6, 7\tsian.pritchard@thistle.example\tRows 6 and 7 are both for sian.pritchard@thistle.example but give a different job title: keep one row for this person and upload the file again to import them",
      ]);
      await page.getByText("Kestrel Systems will have 3 nominations, over its quota of 2.").waitFor();
      await checkPage(page, "nominations-update-preview");
      await page.getByRole("button", { name: "Confirm and import 3 rows" }).click();
      await expectErrorSummary(page, [
        {
          field: "overQuota",
          text: "Confirm that Kestrel Systems will have 3 nominations, over its quota of 2, or take rows out of your spreadsheet and upload it again",
        },
      ]);
      await checkPage(page);
      await page
        .getByLabel("I understand Kestrel Systems will have 3 nominations, over its quota of 2")
        .check();
      await page.getByRole("button", { name: "Confirm and import 3 rows" }).click();
      await arriveAt(page, `${base}/nominations`);
      await expectBanner(
        page,
        "Nominations imported from demo-nominations-update.csv: 1 new, 0 already in Tandem joined, 1 updated, 1 unchanged",
      );

      // Two companies host a visit.
      for (const host of ["Kestrel Systems", "Thistle Networks"]) {
        await visit(page, `${base}/organisations`);
        await page.getByRole("link", { name: `${host} (change)` }).click();
        await expectHeading(page, new RegExp(host));
        await page.getByLabel("Hosts a visit for the cohort").check();
        await page.getByRole("button", { name: "Save changes" }).click();
        await arriveAt(page, `${base}/organisations`);
        await expectBanner(page, `${host} saved`);
      }
      await page
        .getByRole("row", { name: /Kestrel Systems/ })
        .getByText("Yes")
        .waitFor();
      await checkPage(page, "organisations");

      // Plan the visits.
      await visit(page, `${base}/visits`);
      await page.getByRole("button", { name: "Plan visits" }).click();
      await arriveAt(page, `${base}/visits/plan`);
      await page.getByRole("cell", { name: "Wednesday 27 January 2027" }).waitFor();
      await page.getByRole("cell", { name: "Wednesday 3 March 2027" }).waitFor();
      await checkPage(page, "visits-plan");
      await page.getByRole("button", { name: "Save these visits" }).click();
      await arriveAt(page, `${base}/visits`);
      await expectBanner(page, "2 visits planned. Check them, move or cancel any, then confirm them.");
      await checkPage(page, "visits");

      // Move Kestrel's visit a week later.
      await page.getByRole("link", { name: "Kestrel Systems" }).click();
      await arriveAt(page, /\/visits\/\d+$/);
      const visitPath = new URL(page.url()).pathname;
      await checkPage(page, "visit");
      await page.getByRole("button", { name: "Change or move this visit" }).click();
      await arriveAt(page, `${visitPath}/edit`);
      await checkPage(page, "visit-edit");
      await page.getByLabel("Day").fill("3");
      await page.getByLabel("Month").fill("2");
      await page.getByRole("button", { name: "Save changes" }).click();
      await arriveAt(page, visitPath);
      await expectBanner(page, "Visit to Kestrel Systems moved to 3 February 2027");

      // Attendance is recorded once the visit has started: until then the page says when.
      await page.getByRole("button", { name: "Record attendance" }).click();
      await arriveAt(page, `${visitPath}/attendance`);
      await page
        .getByText(
          /^You can record attendance from \S+ on Wednesday 3 February 2027, when the visit starts\.$/,
        )
        .waitFor();
      expect(await page.getByRole("button", { name: "Save attendance" }).count()).toBe(0);
      await checkPage(page, "visit-attendance");

      // Confirm the planned visits, look at the schedule, download the cohort's calendar.
      await visit(page, `${base}/visits`);
      await page.getByRole("button", { name: "Confirm planned visits" }).click();
      await arriveAt(page, `${base}/visits`);
      await expectBanner(page, "2 visits confirmed");
      await visit(page, `${base}/schedule`);
      await page.getByRole("link", { name: "Visit to Kestrel Systems" }).waitFor();
      await checkPage(page, "schedule");
      await visit(page, `${base}/visits`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download the cohort calendar (.ics)" }).click(),
      ]);
      const text = readFileSync((await download.path())!, "utf8");
      const events = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents("vevent")
        .map((vevent) => new ICAL.Event(vevent));
      expect(events).toHaveLength(6);
      const kestrel = events.find((e) => e.summary.includes("Kestrel Systems"))!;
      expect(kestrel.startDate.toJSDate().toISOString()).toBe("2027-02-03T10:00:00.000Z");
      expect(kestrel.sequence).toBe(1);
      expect(events.filter((e) => e.startDate.isDate).map((e) => e.startDate.toString())).toEqual([
        "2027-01-04",
        "2027-01-29",
        "2027-02-17",
        "2027-03-25",
      ]);
      // The longest journey: with JavaScript, every page's axe check on a busy machine takes it past a minute.
    }, 120_000);
  });
}
