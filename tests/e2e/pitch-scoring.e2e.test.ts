// The "How scores are calculated" page: any signed-in person can read the method and its worked example.
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../setup/factories";
import { serveWorld } from "../setup/server";
import { arriveAt, browserPerFile, checkPage, expectHeading, jsLabel, signInAs, visit } from "./browser";

const ctx = serveWorld();

const browser = browserPerFile();

for (const js of [true, false]) {
  describe(`How scores are calculated ${jsLabel(js)}`, () => {
    it("shows a senior leader the method and the worked example, with its results", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await signInAs(page, "leader@example.test", TEST_PASSWORD);
      expect(await visit(page, "/pitch-scoring")).toBe(200);
      await expectHeading(page, "How scores are calculated");
      expect(await page.title()).toBe("How scores are calculated – Tandem");
      await page.getByText("total = 100 × Σ (weight × score ÷ top of scale) ÷ Σ weight").waitFor();
      await page.getByText("adjusted[team] = average of (total[leader, team] − b[leader])").waitFor();

      // The example's results, as the domain code computes them (checked by hand in its unit test).
      const results = page.locator("table", { has: page.locator("caption", { hasText: /^Results$/ }) });
      const rows = await results
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll("td, th")].map((cell) => cell.textContent?.trim())),
        );
      expect(rows).toEqual([
        ["1", "Team 1", "79.00", "79.00", "3"],
        ["2", "Team 2", "74.48", "83.50", "2"],
        ["3", "Team 4", "72.48", "64.00", "2"],
        ["4", "Team 3", "61.67", "61.67", "3"],
      ]);
      await page
        .getByText("On raw scores Team 2 would come first, helped by not being scored by Leader A.")
        .waitFor();
      const totals = page.locator("table", {
        has: page.locator("caption", { hasText: "Every leader's total" }),
      });
      await totals.getByRole("cell", { name: "Conflict" }).waitFor();
      await totals.getByRole("cell", { name: "Missed the pitch" }).waitFor();

      // The level descriptors sit behind a GOV.UK details element, which works with and without JavaScript.
      await page.getByText("What each level means").click();
      await page.getByText("An insightful understanding that changes how we see the problem").waitFor();
      await checkPage(page, "pitch-scoring");
    });

    it("fits a participant's phone", async () => {
      const page = await browser.open(ctx.server.url, { js, phone: true });
      await signInAs(page, "participant@example.test", TEST_PASSWORD);
      expect(await visit(page, "/pitch-scoring")).toBe(200);
      await expectHeading(page, "How scores are calculated");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, "pitch-scoring-phone");
    });

    it("sends a signed-out visitor to sign in first, then back to the page", async () => {
      const page = await browser.open(ctx.server.url, { js });
      await visit(page, "/pitch-scoring");
      await arriveAt(page, `/sign-in?redirectTo=${encodeURIComponent("/pitch-scoring")}`);
      await signInAs(page, "mentor@example.test", TEST_PASSWORD);
      await arriveAt(page, "/pitch-scoring");
      await expectHeading(page, "How scores are calculated");
    });
  });
}
