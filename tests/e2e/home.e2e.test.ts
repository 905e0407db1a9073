// Each role's home page on the demo cohort, with JavaScript on and off: what is next for a coordinator, a mentor,
// a participant, a senior leader and a sponsor, checked with axe. With JavaScript, one desktop screenshot per role
// is saved as home-<role>.png (into docs/ with DOCS_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoAccount, seedDemo } from "../../scripts/seed-demo";
import { startServer, type TestServer } from "../setup/server";
import { browserPerFile, checkPage, DOCS_SCREENSHOTS, expectHeading, jsLabel, signInAs } from "./browser";

const browser = browserPerFile();
let server: TestServer;
let cohortId = 0;
let accounts: DemoAccount[] = [];

beforeAll(async () => {
  server = await startServer(async (db) => {
    const seeded = await seedDemo(db);
    cohortId = seeded.cohortId;
    accounts = seeded.accounts;
  });
});
afterAll(async () => {
  await server?.stop();
});

const account = (role: DemoAccount["role"]) => accounts.find((a) => a.role === role)!;

/** What each role's home page must say on the demo cohort (in its sixth week, no pitch day yet), and a link on it. */
const ROLES = [
  {
    role: "coordinator",
    file: "home-coordinator",
    says: [/\d+ participants added/, /This is week 6 of \d+\./],
    link: { name: "Run the pitch day", href: () => `/cohorts/${cohortId}/pitch-day` },
  },
  {
    role: "mentor",
    file: "home-mentor",
    says: [/See the team you mentor and your co-mentor/],
    link: { name: "See the team you mentor and your co-mentor", href: () => `/cohorts/${cohortId}/team` },
  },
  {
    role: "participant",
    file: "home-participant",
    says: [/See your team and mentors/],
    link: { name: "See your team and mentors", href: () => `/cohorts/${cohortId}/team` },
  },
  {
    role: "leader",
    file: "home-senior-leader",
    says: [/The teams pitch in the final week of the programme \(week \d+\)\./],
    link: null,
  },
  {
    role: "sponsor",
    file: "home-sponsor",
    says: [/Teams are working with their mentors towards the pitch day in week \d+\./],
    link: { name: "See the cohort report", href: () => `/cohorts/${cohortId}/report` },
  },
] as const;

for (const js of [true, false]) {
  describe(`Home pages ${jsLabel(js)}`, () => {
    for (const { role, file, says, link } of ROLES) {
      it(`tells a ${role} what is next`, async () => {
        const page = await browser.open(server.url, { js });
        const person = account(role);
        await signInAs(page, person.email, person.password);
        await expectHeading(page, `Hello, ${person.name}`);
        const main = (await page.locator("main").textContent()) ?? "";
        for (const text of says) expect(main).toMatch(text);
        // Plurals are right: never "1 participants", "1 actions", "1 days" and the like.
        expect(main).not.toMatch(/\b1 (participants|actions|days|teams|sheets|pitches|statements|people)\b/);
        if (link) {
          expect(await page.getByRole("link", { name: link.name }).first().getAttribute("href")).toBe(
            link.href(),
          );
        }
        await checkPage(page, file);
        if (js) await page.screenshot({ path: `${DOCS_SCREENSHOTS}${file}.png`, fullPage: true });
      });
    }
  });
}
