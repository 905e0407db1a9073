// Mentoring journeys: a mentor logs a session with two actions on a phone; a participant ticks an action; two
// participants edit the problem statement at once and the second, on a phone, keeps or drops each part both
// changed while the rest merges (pressing save without choosing, or after a third save, never overwrites); the
// team submits, a mentor
// asks for changes, the team resubmits, both mentors approve; the coordinator's health view shows it all and
// flags a quiet team.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { createSession } from "~/models/mentoring.server";
import { publishTeams, replaceMentors, saveTeams } from "~/models/team.server";
import type { Db } from "../../db/connection";
import { makeMember, makeOrganisation, makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
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
const cohorts: Record<string, CohortPeople> = {};

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type CohortPeople = {
  cohortId: number;
  team1: number;
  team2: number;
  emails: { p1: string; p2: string; industry: string; government: string; coordinator: string };
  names: { p1: string; p2: string };
};

/** Two published teams in a cohort that started three weeks ago (statements due in four days); team 2 last met 20 days ago. */
async function mentoringCohort(db: Db, cohortId: number, prefix: string, coordinator: string) {
  await db
    .updateTable("cohorts")
    .set({ start_date: daysFromToday(-21) })
    .where("id", "=", cohortId)
    .execute();
  const gov = await makeOrganisation(db, "government", `${prefix} Department`);
  const ind = await makeOrganisation(db, "industry", `${prefix} Company`);
  const person = (role: "participant" | "mentor", name: string, organisationId: number) =>
    makeMember(db, cohortId, role, {
      name: `${prefix} ${name}`,
      email: `${prefix.toLowerCase()}.${name.toLowerCase().replace(/\W/g, "")}@example.test`,
      organisationId,
    });
  const p1 = await person("participant", "Priya", gov.id);
  const p2 = await person("participant", "Tom", ind.id);
  const p3 = await person("participant", "Quiet One", gov.id);
  const p4 = await person("participant", "Quiet Two", ind.id);
  const industry = await person("mentor", "Ines Industry", ind.id);
  const government = await person("mentor", "Gareth Government", gov.id);
  const industry2 = await person("mentor", "Ivo Industry", ind.id);
  const government2 = await person("mentor", "Greta Government", gov.id);
  await db.transaction().execute((tx) =>
    saveTeams(
      tx,
      cohortId,
      [
        [p1.id, p2.id],
        [p3.id, p4.id],
      ],
      new Set(),
    ),
  );
  const [team1, team2] = await db
    .selectFrom("teams")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .orderBy("number")
    .execute();
  await db.transaction().execute((tx) =>
    replaceMentors(tx, cohortId, [
      { teamId: team1!.id, personId: industry.id, sector: "industry", overrideReason: null },
      { teamId: team1!.id, personId: government.id, sector: "government", overrideReason: null },
      { teamId: team2!.id, personId: industry2.id, sector: "industry", overrideReason: null },
      { teamId: team2!.id, personId: government2.id, sector: "government", overrideReason: null },
    ]),
  );
  await db.transaction().execute((tx) => publishTeams(tx, cohortId));
  await db.transaction().execute((tx) =>
    createSession(
      tx,
      team2!.id,
      industry2.id,
      {
        date: daysFromToday(-20),
        durationMinutes: 30,
        format: "phone",
        summary: "Kick-off call",
        followUpDate: null,
        attendees: [{ personId: p3.id, role: "member" }],
        actions: [],
      },
      null,
    ),
  );
  cohorts[prefix] = {
    cohortId,
    team1: team1!.id,
    team2: team2!.id,
    emails: {
      p1: p1.email,
      p2: p2.email,
      industry: industry.email,
      government: government.email,
      coordinator,
    },
    names: { p1: p1.name, p2: p2.name },
  };
}

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await mentoringCohort(db, world.cohortA.id, "Js", "coordinator@example.test");
    await mentoringCohort(db, world.cohortB.id, "Html", "other@example.test");
  });
});

afterAll(async () => {
  await server?.stop();
});

const browser = browserPerFile();

async function expectBanner(page: Page, text: string | RegExp) {
  await page.locator(".govuk-notification-banner--success").getByText(text).waitFor();
}

async function fillDate(page: Page, prefix: string, date: string) {
  const [y, m, d] = date.split("-");
  await page.locator(`[id="${prefix}-day"]`).fill(String(Number(d)));
  await page.locator(`[id="${prefix}-month"]`).fill(String(Number(m)));
  await page.locator(`[id="${prefix}-year"]`).fill(y!);
}

const STATEMENT = {
  Title: "Refunds take weeks to reach taxpayers",
  "Department or service it concerns": "HM Revenue & Customs: Self Assessment",
  "The problem": "People wait weeks for refunds and cannot see why.",
  "Who it affects and what they need": "Taxpayers owed money need to know when it will arrive.",
  Evidence: "Helpline logs and complaints.",
  "Proposed approach": "Show progress online.",
  "How success would be measured": "Fewer calls asking for progress.",
};

async function fillStatement(page: Page, text: Record<string, string>) {
  await page.getByLabel("Operational").check();
  for (const [label, value] of Object.entries(text))
    await page.getByLabel(label, { exact: true }).fill(value);
}

for (const js of [true, false]) {
  describe(`Mentoring sessions and the problem statement ${jsLabel(js)}`, () => {
    const c = () => cohorts[js ? "Js" : "Html"]!;
    const teamPath = () => `/cohorts/${c().cohortId}/teams/${c().team1}`;

    it("a mentor logs a session with two actions on a phone", async () => {
      const page = await browser.open(server.url, { js, phone: true });
      await signInAs(page, c().emails.industry, TEST_PASSWORD);
      await page.getByRole("link", { name: "Log a session with Team 1: none logged yet" }).click();
      await arriveAt(page, `${teamPath()}/sessions/new`);
      await expectHeading(page, "Log a mentoring session");
      await checkPage(page, "mentoring-log-session-phone");

      await page.getByLabel("Duration in minutes").fill("0");
      await page.getByLabel("Video call").check();
      await page.getByLabel("Summary").fill("We chose to look at refunds and agreed who will find evidence.");
      await page.locator('[id="actions[0].text"]').fill("Interview two helpline staff");
      await page.locator('[id="actions[0].owner"]').selectOption({ label: c().names.p1 });
      await fillDate(page, "actions[0].due", daysFromToday(6));
      // One more row than the three shown, keeping what was typed.
      await page.getByRole("button", { name: "Add another action" }).click();
      await page.locator('[id="actions[3].text"]').waitFor();
      expect(await page.locator('[id="actions[0].text"]').inputValue()).toBe("Interview two helpline staff");
      await page.locator('[id="actions[1].text"]').fill("Find published refund times");
      await page.locator('[id="actions[1].owner"]').selectOption({ label: c().names.p2 });
      await fillDate(page, "actions[1].due", daysFromToday(10));
      await page.getByRole("button", { name: "Save session" }).click();
      await expectErrorSummary(page, [
        { field: "duration", text: "Duration must be between 1 and 480 minutes (8 hours)" },
      ]);
      await checkPage(page, "mentoring-log-session-error-phone");
      expect(await page.locator('[id="actions[1].text"]').inputValue()).toBe("Find published refund times");

      await page.getByLabel("Duration in minutes").fill("60");
      await page.getByRole("button", { name: "Save session" }).click();
      await expectBanner(page, "Session logged with 2 actions");
      await expectHeading(page, /Session on/);
      await page.getByText("Interview two helpline staff", { exact: true }).waitFor();
      await page.getByRole("heading", { name: "Private notes" }).waitFor();
      await checkPage(page, "mentoring-session-phone");
    });

    it("a participant ticks off their action", async () => {
      const page = await browser.open(server.url, { js });
      await signInAs(page, c().emails.p1, TEST_PASSWORD);
      await page.getByRole("link", { name: /Your action: Interview two helpline staff/ }).click();
      await arriveAt(page, teamPath());
      await expectHeading(page, "Team 1");
      expect(await page.getByRole("heading", { name: "Private notes" }).count()).toBe(0);
      await checkPage(page, "mentoring-team-page");
      await page.getByRole("button", { name: /^Mark as done\s*: Interview two helpline staff$/ }).click();
      await expectBanner(page, "Action marked as done: Interview two helpline staff");
      await page
        .getByRole("button", { name: /^Mark as not done\s*: Interview two helpline staff$/ })
        .waitFor();
      // Another member's action has no button for them.
      expect(
        await page.getByRole("button", { name: /Mark as done\s*: Find published refund times/ }).count(),
      ).toBe(0);
    });

    it("two participants edit the statement at once: the second settles each clash on a phone and nothing is lost", async () => {
      const first = await browser.open(server.url, { js });
      const second = await browser.open(server.url, { js, phone: true });
      await signInAs(first, c().emails.p1, TEST_PASSWORD);
      await signInAs(second, c().emails.p2, TEST_PASSWORD);
      for (const page of [first, second]) {
        await visit(page, `${teamPath()}/statement`);
        await page.getByRole("link", { name: "Start writing the statement" }).click();
        await arriveAt(page, `${teamPath()}/statement/edit`);
      }
      await checkPage(first, "mentoring-statement-edit");
      await fillStatement(first, STATEMENT);
      await fillStatement(second, {
        ...STATEMENT,
        Title: "Refund delays frustrate taxpayers",
        Evidence: "",
        "Proposed approach": "Text people when their refund is sent.",
      });
      await first.getByRole("button", { name: "Save draft" }).click();
      await expectBanner(first, "Draft saved as version 1");
      await second.getByRole("button", { name: "Save draft" }).click();

      // Only the two parts both changed are shown, each with both texts and a choice; the evidence is merged.
      await expectHeading(second, "Merge your changes with theirs");
      await second
        .locator(".govuk-error-summary")
        .getByText(/Someone else saved version 1/)
        .waitFor();
      expect(await second.locator("legend").allTextContents()).toEqual(["Title", "Proposed approach"]);
      const title = second.getByRole("group", { name: "Title" });
      await title.getByText("Refund delays frustrate taxpayers").waitFor();
      await title.getByText("Refunds take weeks to reach taxpayers").waitFor();
      await title.getByRole("heading", { name: `Saved meanwhile by ${c().names.p1}` }).waitFor();
      await second.getByText(`Evidence is merged from ${c().names.p1}’s version`).waitFor();
      expect(await second.getByRole("textbox").count()).toBe(0);
      await checkPage(second, "statement-conflict-phone");

      // Pressing the button again without choosing saves nothing.
      await second.getByRole("button", { name: "Save the merged draft" }).click();
      await second.locator(".govuk-error-summary").getByText("Title: select whether").waitFor();
      await expectErrorSummary(second, [
        { field: "keep.title", text: "Title: select whether to keep your text or theirs" },
        { field: "keep.approach", text: "Proposed approach: select whether to keep your text or theirs" },
      ]);
      await checkPage(second, "mentoring-statement-conflict-error");

      // Meanwhile the first person saves again.
      await visit(first, `${teamPath()}/statement/edit`);
      await first.getByLabel("How success would be measured").fill("Fewer calls; refunds within 10 days.");
      await first.getByRole("button", { name: "Save draft" }).click();
      await expectBanner(first, "Draft saved as version 2");

      // The choices are checked against version 1, which is no longer the latest: merged again, nothing clashes.
      await title.getByLabel("Keep mine").check();
      await second.getByRole("group", { name: "Proposed approach" }).getByLabel("Keep theirs").check();
      await second.getByRole("button", { name: "Save the merged draft" }).click();
      await second.getByText("None of your changes clash with theirs").waitFor();
      await second
        .getByText(`How success would be measured is merged from ${c().names.p1}’s version`)
        .waitFor();
      expect(await second.locator("legend").count()).toBe(0);
      await checkPage(second);
      await second.getByRole("button", { name: "Save the merged draft" }).click();
      await expectBanner(second, "Merged draft saved as version 3");
      await second.getByText("Refund delays frustrate taxpayers").waitFor();
      await second.getByText("Show progress online.").waitFor();
      await second.getByText("Helpline logs and complaints.").waitFor();
      await second.getByText("Fewer calls; refunds within 10 days.").waitFor();
      await second.getByRole("link", { name: "Version history" }).click();
      await arriveAt(second, `${teamPath()}/statement/history`);
      await second.getByRole("heading", { name: "Changes from version 2 to version 3" }).waitFor();
      await second.locator("ins", { hasText: "frustrate" }).waitFor();
      await checkPage(second, "mentoring-statement-history");
    });

    it("the team submits, a mentor asks for changes, the team resubmits and both mentors approve", async () => {
      const participant = await browser.open(server.url, { js });
      await signInAs(participant, c().emails.p2, TEST_PASSWORD);
      await visit(participant, `${teamPath()}/statement`);
      await participant.getByRole("button", { name: "Submit to your mentors" }).click();
      await expectBanner(participant, /Problem statement submitted/);
      await checkPage(participant, "mentoring-statement-submitted");

      const industry = await browser.open(server.url, { js });
      await signInAs(industry, c().emails.industry, TEST_PASSWORD);
      await industry.getByRole("link", { name: "Review Team 1's problem statement" }).click();
      await arriveAt(industry, `${teamPath()}/statement`);
      await checkPage(industry, "mentoring-statement-review");
      await industry.getByLabel("Ask for changes").check();
      await industry.getByRole("button", { name: "Send review" }).click();
      await expectErrorSummary(industry, [{ field: "comment", text: "Enter what the team should change" }]);
      await industry.getByLabel("Comment for the team").fill("Say how you will measure time saved.");
      await industry.getByRole("button", { name: "Send review" }).click();
      await expectBanner(industry, "Changes requested: the statement is back with the team");

      await visit(participant, `${teamPath()}/statement/edit`);
      await participant
        .getByLabel("How success would be measured")
        .fill("Fewer calls asking for progress; days from return to refund.");
      await participant.getByRole("button", { name: "Save draft" }).click();
      await expectBanner(participant, "Draft saved as version 4");
      await participant.getByRole("button", { name: "Submit to your mentors" }).click();
      await expectBanner(participant, /Problem statement submitted/);

      await visit(industry, `${teamPath()}/statement`);
      await industry.getByLabel("Approve it").check();
      await industry.getByRole("button", { name: "Send review" }).click();
      await expectBanner(industry, "You approved the problem statement");

      const government = await browser.open(server.url, { js });
      await signInAs(government, c().emails.government, TEST_PASSWORD);
      await visit(government, `${teamPath()}/statement`);
      await government.getByLabel("Approve it").check();
      await government.getByRole("button", { name: "Send review" }).click();
      await expectBanner(government, "Problem statement approved by both mentors");
      await government.locator(".govuk-tag", { hasText: "Approved" }).first().waitFor();
    });

    it("the coordinator's health view shows it all and flags the quiet team", async () => {
      const page = await browser.open(server.url, { js });
      await signInAs(page, c().emails.coordinator, TEST_PASSWORD);
      await visit(page, `/cohorts/${c().cohortId}`);
      await page.getByRole("link", { name: "Team health" }).click();
      await arriveAt(page, `/cohorts/${c().cohortId}/health`);
      await expectHeading(page, "Team health");
      const rows = page.locator("table").first().locator("tbody tr");
      const team1 = rows.filter({ hasText: "Team 1" });
      const team2 = rows.filter({ hasText: "Team 2" });
      await team1.getByText("Approved").waitFor();
      expect(await team1.locator("td").nth(1).textContent()).toBe("1");
      await team1.getByText(/Ines Industry: 1 of 1/).waitFor();
      expect(await team1.locator("td").nth(3).textContent()).toBe("1");
      expect(await team1.getByText("No", { exact: true }).count()).toBe(1);
      await team2.getByText("No session for 20 days").waitFor();
      await page.getByRole("rowheader", { name: c().names.p1 }).waitFor();
      await checkPage(page, "mentoring-health");

      await team1.getByRole("link", { name: "Team 1", exact: true }).click();
      await arriveAt(page, teamPath());
      await checkPage(page, "mentoring-team-page-coordinator");
    });
  });
}
