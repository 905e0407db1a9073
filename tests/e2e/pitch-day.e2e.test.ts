// Pitch day end to end: the coordinator sets the running order and rubric and opens scoring; three leaders score
// on phones (one is refused a conflicted team, one leaves a draft); the coordinator closes scoring, reviews the
// results with their flags and releases them through the confirmation page (one team, withdrawn, then all); a
// participant sees only their own team's feedback and scores.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePitchDayCohort, makeWorld, TEST_PASSWORD } from "../setup/factories";
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
const cohorts: Record<string, Awaited<ReturnType<typeof makePitchDayCohort>>> = {};

beforeAll(async () => {
  server = await startServer(async (db) => {
    const world = await makeWorld(db);
    // One cohort per pass: both passes share the server.
    cohorts.Js = await makePitchDayCohort(db, world.programme.id, "Js");
    cohorts.Html = await makePitchDayCohort(db, world.programme.id, "Html");
  });
});

afterAll(async () => {
  await server?.stop();
});

const browser = browserPerFile();

async function expectBanner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success").getByText(text).waitFor();
}

/** Chooses `score` on every criterion of the sheet (or only the first `only`), and writes the feedback. */
async function fillSheet(page: Page, score: number, words: string, only?: number) {
  const groups = page.locator(".govuk-radios");
  const count = only ?? (await groups.count());
  for (let i = 0; i < count; i++)
    await groups
      .nth(i)
      .locator(".govuk-radios__item")
      .nth(score - 1)
      .locator("label")
      .click();
  await page.getByLabel("What worked well").fill(`${words} worked well`);
  await page.getByLabel("What could be better").fill(`${words} could be better`);
}

for (const js of [true, false]) {
  describe(`Pitch day ${jsLabel(js)}`, () => {
    const prefix = js ? "Js" : "Html";
    const p = prefix.toLowerCase();

    it("runs from set-up to released feedback", async () => {
      const { cohort, teams } = cohorts[prefix]!;
      const base = `/cohorts/${cohort.id}/pitch-day`;

      // The coordinator sets up the day.
      const coordinator = await browser.open(server.url, { js });
      await signInAs(coordinator, `${p}.coordinator@example.test`, TEST_PASSWORD);
      await coordinator.getByRole("link", { name: "Run the pitch day" }).click();
      await arriveAt(coordinator, base);
      await expectHeading(coordinator, /Run the pitch day/);
      await checkPage(coordinator, "pitch-day-start");
      await coordinator.getByRole("button", { name: "Set up the pitch day" }).click();
      await arriveAt(coordinator, `${base}/event`);
      await coordinator.getByLabel("Venue").fill("HMRC, 100 Parliament Street");
      await coordinator.getByRole("button", { name: "Save pitch day details" }).click();
      await expectErrorSummary(coordinator, [{ field: "date-day", text: "Enter the date of the pitch day" }]);
      await checkPage(coordinator);
      await coordinator.getByLabel("Day").fill("25");
      await coordinator.getByLabel("Month").fill("3");
      await coordinator.getByLabel("Year").fill("2099");
      await coordinator.getByRole("button", { name: "Save pitch day details" }).click();
      await expectBanner(coordinator, "Pitch day details saved");

      // Running order: drawn at random, then set by hand.
      await coordinator.getByRole("link", { name: "Running order" }).click();
      await arriveAt(coordinator, `${base}/order`);
      await coordinator.getByRole("button", { name: "Draw the running order" }).click();
      await expectBanner(coordinator, /Running order drawn at random \(seed \d+\)/);
      for (const n of [1, 2, 3])
        await coordinator.getByLabel(`Slot ${n}`).selectOption({ label: `Team ${n}` });
      await coordinator.getByRole("button", { name: "Save running order" }).click();
      await expectBanner(coordinator, "Running order saved");
      await coordinator.getByRole("cell", { name: "10:20" }).waitFor();
      await checkPage(coordinator, "pitch-day-order");

      // The panel, with leader 3's conflict with team 1.
      await visit(coordinator, `${base}/panel`);
      for (const n of [1, 2, 3]) {
        await coordinator
          .getByLabel("Add a senior leader to the panel")
          .selectOption({ label: `${prefix} Leader ${n}${n === 3 ? ` (${prefix} Org 1)` : ""}` });
        await coordinator.getByRole("button", { name: "Add to the panel" }).click();
        await expectBanner(coordinator, `${prefix} Leader ${n} added to the panel`);
      }
      await coordinator
        .getByRole("cell", { name: `${prefix} Org 1: team member ${prefix} Team 1 Person 1` })
        .waitFor();
      await checkPage(coordinator, "pitch-day-panel");

      // The rubric: a weight of zero is refused; a real change is saved.
      await visit(coordinator, `${base}/rubric`);
      await coordinator.locator('[id="criteria[1].weight"]').fill("0");
      await coordinator.getByRole("button", { name: "Save rubric" }).click();
      await expectErrorSummary(coordinator, [
        {
          field: "criteria[1].weight",
          text: "Criterion 2: weight must be a number greater than 0, up to 1000",
        },
      ]);
      await checkPage(coordinator, "pitch-day-rubric-error");
      await coordinator.locator('[id="criteria[1].weight"]').fill("30");
      await coordinator.getByRole("button", { name: "Save rubric" }).click();
      await expectBanner(coordinator, "Rubric saved");

      // Open scoring: the pitch day is years away, so the coordinator confirms opening it this early.
      await visit(coordinator, base);
      await coordinator.getByRole("button", { name: "Open scoring" }).click();
      await arriveAt(coordinator, `${base}/open-scoring`);
      await expectHeading(coordinator, /Open scoring now\?/);
      await coordinator.getByText(/The pitch day is on 25 March 2099, in \d+ years\./).waitFor();
      await checkPage(coordinator, "pitch-day-open-confirm");
      await coordinator.getByRole("button", { name: "Yes, open scoring now" }).click();
      await expectBanner(coordinator, "Scoring is open: the panel can score the pitches");
      await checkPage(coordinator, "pitch-day-open");

      // Leader 1 scores every team on a phone.
      const leader1 = await browser.open(server.url, { js, phone: true });
      await signInAs(leader1, `${p}.leader1@example.test`, TEST_PASSWORD);
      await leader1.getByRole("link", { name: "Score the pitches (0 of 3 done)" }).click();
      await arriveAt(leader1, `${base}/scoring`);
      await leader1.getByText("0 of 3 teams scored").waitFor();
      await checkPage(leader1, "pitch-day-leader-list");
      for (const [n, score] of [
        [1, 4],
        [2, 3],
        [3, 2],
      ] as const) {
        await leader1.getByRole("link", { name: `Team ${n}` }).click();
        await arriveAt(leader1, `${base}/scoring/${teams[n - 1]!.id}`);
        await expectHeading(leader1, `Score Team ${n}`);
        if (n === 1) await checkPage(leader1, "pitch-day-sheet-phone");
        await fillSheet(leader1, score, `L1 on team ${n}:`);
        await leader1.getByRole("button", { name: "Submit sheet" }).click();
        await expectBanner(leader1, `Sheet for Team ${n} submitted`);
      }
      await leader1.getByText("3 of 3 teams scored").waitFor();

      // Leader 2 scores team 2 and leaves a draft for team 3, which keeps what was typed.
      const leader2 = await browser.open(server.url, { js, phone: true });
      await signInAs(leader2, `${p}.leader2@example.test`, TEST_PASSWORD);
      await visit(leader2, `${base}/scoring/${teams[1]!.id}`);
      await fillSheet(leader2, 5, "L2 on team 2:");
      await leader2.getByRole("button", { name: "Submit sheet" }).click();
      await expectBanner(leader2, "Sheet for Team 2 submitted");
      await visit(leader2, `${base}/scoring/${teams[2]!.id}`);
      await fillSheet(leader2, 3, "L2 on team 3:", 1);
      await leader2.getByRole("button", { name: "Save draft" }).click();
      await expectBanner(leader2, "Draft saved for Team 3");
      expect(await leader2.getByLabel("What worked well").inputValue()).toBe("L2 on team 3: worked well");
      await leader2.getByText("This is a draft").waitFor();
      await checkPage(leader2, "pitch-day-draft-phone");

      // Leader 3 is not offered team 1, and is refused it.
      const leader3 = await browser.open(server.url, { js, phone: true });
      await signInAs(leader3, `${p}.leader3@example.test`, TEST_PASSWORD);
      await visit(leader3, `${base}/scoring`);
      await leader3.getByText("0 of 2 teams scored").waitFor();
      expect(await leader3.getByRole("link", { name: "Team 1" }).count()).toBe(0);
      await leader3.getByText(`Team 1: Conflict`).waitFor();
      expect(await visit(leader3, `${base}/scoring/${teams[0]!.id}`)).toBe(403);
      await expectHeading(leader3, "You cannot score this team");
      await checkPage(leader3, "pitch-day-conflict-phone");
      for (const n of [2, 3]) {
        await visit(leader3, `${base}/scoring/${teams[n - 1]!.id}`);
        await fillSheet(leader3, 4, `L3 on team ${n}:`);
        await leader3.getByRole("button", { name: "Submit sheet" }).click();
        await expectBanner(leader3, `Sheet for Team ${n} submitted`);
      }

      // The coordinator closes scoring and reviews the results with their flags.
      await visit(coordinator, base);
      await coordinator.getByRole("button", { name: "Close scoring" }).click();
      await expectBanner(coordinator, "Scoring is closed");
      await coordinator.getByRole("link", { name: "See the results" }).click();
      await arriveAt(coordinator, `${base}/results`);
      await expectHeading(coordinator, /Pitch day results/);
      await coordinator.getByText("Fewer than two counted sheets").first().waitFor();
      await coordinator.getByText("Has incomplete or unsubmitted sheets").first().waitFor();
      await coordinator.getByText("1 conflicted leader").first().waitFor();
      await coordinator.getByRole("cell", { name: "Draft, not submitted" }).waitFor();
      await checkPage(coordinator, "pitch-day-results");
      const csv = await coordinator.request.get(`${base}/sheets.csv`);
      expect(csv.status()).toBe(200);
      const bytes = await csv.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString("utf8")).toContain("L2 on team 3: worked well");

      // Release, through the confirmation page: what each team will see, and leader 2's draft and missing sheet
      // named. Team 2's results first, on their own; then withdrawn and released again with the others.
      await visit(coordinator, base);
      await coordinator.getByRole("button", { name: "Release results to teams" }).click();
      await arriveAt(coordinator, `${base}/release`);
      await expectHeading(coordinator, /Release the results of 3 teams\?/);
      await coordinator
        .getByText(`${prefix} Leader 2's sheet is a draft that was never submitted: it will not count`)
        .waitFor();
      await coordinator.getByText(`${prefix} Leader 2 has no sheet for Team 1`).waitFor();
      await coordinator.getByText("2 sheets will not count").waitFor();
      await checkPage(coordinator, "pitch-release-confirm");
      await coordinator.getByRole("link", { name: "Release only Team 2's results" }).click();
      await arriveAt(coordinator, `${base}/release?team=${teams[1]!.id}`);
      await expectHeading(coordinator, /Release Team 2's results\?/);
      await coordinator.getByText("What the panel wrote (3 sheets)").click();
      await coordinator.getByText("L1 on team 2: worked well").waitFor();
      await checkPage(coordinator, "pitch-release-confirm-one-team");
      await coordinator.getByRole("button", { name: "Release Team 2's results" }).click();
      await expectBanner(
        coordinator,
        "Results released to Team 2: each team can now read its own feedback and scores",
      );
      // The page says which teams can see their results, as a tag, and no longer "only coordinators".
      await coordinator.locator(".govuk-tag", { hasText: "Released to 1 of 3 teams" }).waitFor();
      expect(await coordinator.getByText("only coordinators can see them").count()).toBe(0);
      await checkPage(coordinator, "pitch-day-released-to-some");
      await coordinator.getByRole("link", { name: "Withdraw Team 2's results" }).click();
      await arriveAt(coordinator, `${base}/withdraw/${teams[1]!.id}`);
      await coordinator.getByRole("button", { name: "Withdraw the results" }).click();
      await expectErrorSummary(coordinator, [
        { field: "reason", text: "Enter why you are withdrawing the results" },
      ]);
      await checkPage(coordinator, "pitch-withdraw-error");
      await coordinator
        .getByLabel("Why are you withdrawing them?")
        .fill("Released before the others by mistake");
      await coordinator.getByRole("button", { name: "Withdraw the results" }).click();
      await expectBanner(coordinator, "Team 2's results withdrawn: its members can no longer see them");
      await coordinator.getByRole("button", { name: "Release results to teams" }).click();
      await arriveAt(coordinator, `${base}/release`);
      await coordinator.getByRole("button", { name: "Release the results of 3 teams" }).click();
      await expectBanner(
        coordinator,
        "Results released to Team 1, Team 2, Team 3: each team can now read its own feedback and scores",
      );

      // A participant in team 2 is told to read the feedback (and no longer when their team pitches: that is past
      // news once it is released), and sees only their own team's feedback and scores.
      const participant = await browser.open(server.url, { js });
      await signInAs(participant, `${p}.t2p1@example.test`, TEST_PASSWORD);
      const feedbackLink = participant.getByRole("link", { name: "Read the panel's feedback on your pitch" });
      await feedbackLink.waitFor();
      expect(await participant.getByText(/Your team pitches at/).count()).toBe(0);
      await feedbackLink.click();
      await arriveAt(participant, `${base}/feedback`);
      await expectHeading(participant, "Your pitch feedback");
      await participant.getByText("L1 on team 2: worked well").waitFor();
      await participant.getByText("L2 on team 2: could be better").waitFor();
      await participant.getByText("L3 on team 2: worked well").waitFor();
      await participant.getByRole("heading", { name: new RegExp(`${prefix} Leader 1`) }).waitFor();
      const text = await participant.locator("main").innerText();
      expect(text).not.toMatch(/on team [13]/);
      await checkPage(participant, "pitch-day-feedback");

      // The timetable prints: the print stylesheet hides the navigation.
      await visit(participant, `${base}/timetable`);
      await participant.getByRole("cell", { name: "Team 2 (your team)" }).waitFor();
      await checkPage(participant, "pitch-day-timetable");
      if (js) {
        await participant.emulateMedia({ media: "print" });
        expect(await participant.locator(".govuk-service-navigation").isVisible()).toBe(false);
        expect(await participant.locator(".govuk-back-link").isVisible()).toBe(false);
      }
      // The whole day, with its confirmation pages, is longer than one page's default minute on two busy cores.
    }, 240_000);
  });
}
