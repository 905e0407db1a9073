// A coordinator forms a cohort's teams, locks, regenerates, moves, pairs mentors and publishes; a participant
// and a mentor then see their team.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTeamCohort, makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
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
let world: World;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    // One realistic cohort per pass (29 + the world's participant = 30): both passes share the server.
    await makeTeamCohort(db, world.cohortA.id, { participants: 29, prefix: "Js" });
    await makeTeamCohort(db, world.cohortB.id, { participants: 29, prefix: "Html" });
  });
});

afterAll(async () => {
  await server?.stop();
});

const browser = browserPerFile();

async function expectBanner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success").getByText(text).waitFor();
}

function teamTable(page: Page, number: number) {
  return page.locator("table", {
    has: page.locator("caption", { hasText: new RegExp(`^Team ${number}(:|$)`) }),
  });
}

async function membersOf(page: Page, number: number): Promise<string[]> {
  return teamTable(page, number).locator("tbody th").allTextContents();
}

for (const js of [true, false]) {
  describe(`Forming teams and pairing mentors ${jsLabel(js)}`, () => {
    const prefix = js ? "Js" : "Html";
    const cohortId = () => (js ? world.cohortA.id : world.cohortB.id);
    const coordinatorEmail = js ? "coordinator@example.test" : "other@example.test";

    it("forms, locks, regenerates, moves, pairs mentors and publishes; then a participant and a mentor see their team", async () => {
      const page = await browser.open(server.url, { js });
      await signInAs(page, coordinatorEmail, TEST_PASSWORD);
      await visit(page, `/cohorts/${cohortId()}`);
      await page.getByRole("link", { name: "Form teams and pair mentors" }).click();
      const teamsPath = `/cohorts/${cohortId()}/teams`;
      await arriveAt(page, teamsPath);
      await expectHeading(page, /Teams/);
      await page.getByText("The teams have not been formed yet.").waitFor();
      await checkPage(page, "teams-empty");

      // Propose teams.
      await page.getByRole("button", { name: "Propose teams" }).click();
      await expectBanner(page, /6 teams formed, at a cost of/);
      await page.getByRole("heading", { name: "How good the teams are", exact: true }).waitFor();
      // Each rule in a sentence, with a tag saying whether it holds; no rule codes anywhere.
      const rules = page.getByRole("table", { name: "The rules, and whether these teams keep them" });
      await rules.getByRole("row", { name: /Team sizes Every team has 5 members.* Holds/ }).waitFor();
      expect(await page.locator("main").textContent()).not.toMatch(/\b[HC][1-3]\b/);
      for (let n = 1; n <= 6; n++) expect(await membersOf(page, n)).toHaveLength(5);
      await checkPage(page, "teams-formed");

      // Lock the first person of team 1, then regenerate around the lock.
      const locked = (await membersOf(page, 1)).find((name) => name.startsWith(prefix))!;
      await page.getByRole("button", { name: `Lock ${locked}` }).click();
      await expectBanner(page, "Locked to team 1");
      await page.getByRole("button", { name: "Regenerate teams" }).click();
      await expectBanner(page, /6 teams formed/);
      expect(await membersOf(page, 1)).toContain(locked);
      await teamTable(page, 1)
        .getByRole("button", { name: `Unlock ${locked}` })
        .waitFor();
      await checkPage(page, "teams-regenerated");

      // Move someone from team 2 to team 3: the report says both break the team sizes; moving back clears it.
      const mover = (await membersOf(page, 2))[0]!;
      await page.getByLabel("Person").selectOption({ label: mover });
      await page.getByLabel("Move to").selectOption({ label: "Team 3" });
      await page.getByRole("button", { name: "Move person" }).click();
      await expectBanner(page, `${mover} moved from team 2 to team 3`);
      expect(await membersOf(page, 3)).toContain(mover);
      await page.getByText("Team 3 has 6 members; every team needs 5.").waitFor();
      await page.getByText("Team 2 has 4 members; every team needs 5.").waitFor();
      await rules.getByRole("row", { name: /Team sizes .* Broken/ }).waitFor();
      await checkPage(page, "teams-moved");
      await page.getByLabel("Person").selectOption({ label: mover });
      await page.getByLabel("Move to").selectOption({ label: "Team 2" });
      await page.getByRole("button", { name: "Move person" }).click();
      await expectBanner(page, `${mover} moved from team 3 to team 2`);
      expect(await page.getByText("has 6 members").count()).toBe(0);

      // Pair mentors.
      await page.getByRole("link", { name: "Pair mentors with teams" }).click();
      await arriveAt(page, `${teamsPath}/mentors`);
      await expectHeading(page, /Pair mentors with teams/);
      await page.getByText("A pairing without any conflict exists.").waitFor();
      await checkPage(page, "mentors");
      await page.getByRole("button", { name: "Pair mentors" }).click();
      await expectBanner(page, "Mentors paired with every team, with no conflicts");
      await page
        .getByRole("cell", { name: new RegExp(`${prefix} Government Mentor`) })
        .first()
        .waitFor();
      await checkPage(page, "mentors-paired");

      // Publish.
      await page.getByRole("link", { name: "Back to teams" }).click();
      await arriveAt(page, teamsPath);
      await page.getByRole("button", { name: "Publish teams" }).click();
      await expectBanner(page, "Teams published: participants and mentors can now see their team");
      const team1 = await membersOf(page, 1);
      await checkPage(page, "teams-published");

      await visit(page, "/how-teams-are-formed");
      await expectHeading(page, "How teams are formed");
      await checkPage(page, "how-teams-are-formed");

      // A participant sees their team and its mentors.
      const participantPage = await browser.open(server.url, { js });
      const participantNumber = Number(/(\d+)$/.exec(locked)![1]);
      await signInAs(
        participantPage,
        `${prefix.toLowerCase()}.participant${participantNumber}@example.test`,
        TEST_PASSWORD,
      );
      await participantPage.getByRole("link", { name: "See your team and mentors" }).click();
      await arriveAt(participantPage, `/cohorts/${cohortId()}/team`);
      await expectHeading(participantPage, "Your team");
      await participantPage.getByRole("heading", { name: "Team 1", exact: true }).waitFor();
      await participantPage.getByText(`${locked} (you)`).waitFor();
      for (const name of team1)
        await participantPage.getByRole("rowheader", { name: new RegExp(name) }).waitFor();
      await participantPage.getByText("Government mentor", { exact: true }).waitFor();
      await participantPage.getByText("Industry mentor", { exact: true }).waitFor();
      await checkPage(participantPage, "your-team-participant");

      // A mentor sees the team they mentor and their co-mentor.
      const mentorName = (await participantPage
        .locator(".govuk-summary-list__value")
        .first()
        .textContent())!.split(",")[0]!;
      const mentorNumber = Number(/(\d+)$/.exec(mentorName)![1]);
      const mentorKind = mentorName.includes("Government") ? "gov" : "ind";
      const mentorPage = await browser.open(server.url, { js });
      await signInAs(
        mentorPage,
        `${prefix.toLowerCase()}.${mentorKind}mentor${mentorNumber}@example.test`,
        TEST_PASSWORD,
      );
      await mentorPage.getByRole("link", { name: "See the team you mentor and your co-mentor" }).click();
      await arriveAt(mentorPage, `/cohorts/${cohortId()}/team`);
      await mentorPage.getByText(/^You mentor this team with /).waitFor();
      await mentorPage.getByRole("rowheader", { name: locked }).waitFor();
      await checkPage(mentorPage, "your-team-mentor");
    });

    it("regenerates the published teams only after showing who would move and asking why, and restores them", async () => {
      const page = await browser.open(server.url, { js });
      await signInAs(page, coordinatorEmail, TEST_PASSWORD);
      const teamsPath = `/cohorts/${cohortId()}/teams`;
      await visit(page, teamsPath);
      const before = await membersOf(page, 2);
      await page.getByText("nothing changes yet: you will see who would move").waitFor();
      await page.getByRole("button", { name: "Regenerate teams" }).click();
      await arriveAt(page, new RegExp(`^${teamsPath}/regenerate\\?.*proposal=`));
      await expectHeading(page, "Check who would move before regenerating the teams");
      await page.getByRole("columnheader", { name: "From" }).first().waitFor();
      await checkPage(page, js ? "teams-regenerate-confirm" : undefined);

      // Without a reason nothing changes, and the same proposal is shown again.
      const proposal = new URL(page.url()).searchParams.get("proposal");
      await page.getByRole("button", { name: "Regenerate teams" }).click();
      await expectErrorSummary(page, [
        {
          field: "reason",
          text: "Enter why you are regenerating the teams: the people who move will see it in their team's history",
        },
      ]);
      expect(new URL(page.url()).searchParams.get("proposal")).toBe(proposal);
      await checkPage(page, js ? "teams-regenerate-confirm-error" : undefined);
      await page.getByLabel("Why are you regenerating the teams?").fill("Two teams had no data analyst");
      await page.getByRole("button", { name: "Regenerate teams" }).click();
      await arriveAt(page, teamsPath);
      await expectBanner(page, /Teams regenerated: \d+ (person|people) moved/);
      await page.getByRole("heading", { name: "Previous versions of the teams" }).waitFor();
      await page.getByRole("cell", { name: "Two teams had no data analyst" }).waitFor();

      // Restoring goes through its own confirmation.
      await page.getByRole("link", { name: /^Restore/ }).click();
      await expectHeading(page, "Check who would move before restoring these teams");
      await checkPage(page, js ? "teams-restore-confirm" : undefined);
      await page.getByLabel("Why are you restoring these teams?").fill("The old teams had started work");
      await page.getByRole("button", { name: "Restore these teams" }).click();
      await arriveAt(page, teamsPath);
      await expectBanner(page, /Teams restored as they were before/);
      expect(await membersOf(page, 2)).toEqual(before);
      await checkPage(page);
    });
  });
}
