// Changing teams that are published, over real HTTP (issue 16 points 1 and 4): regenerating and pairing mentors
// again go through a confirmation that shows who would move and asks why; nothing changes without it, a stale
// proposal is refused, the teams as they were are kept and can be restored; Team health keeps each person's
// sessions with the team they were in; only participants their line manager released are placed.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, makeTeamCohort, makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let coordinator: string;
let declined: { id: number; name: string };
let notYet: { id: number; name: string };

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await makeTeamCohort(db, world.cohortA.id, { participants: 29, prefix: "Live" });
    declined = await makeMember(db, world.cohortA.id, "participant", { name: "Dana Declined" });
    notYet = await makeMember(db, world.cohortA.id, "participant", { name: "Nia Notyet" });
    for (const [person, status] of [
      [declined, "declined"],
      [notYet, "requested"],
    ] as const)
      await db
        .updateTable("memberships")
        .set({ release_status: status })
        .where("cohort_id", "=", world.cohortA.id)
        .where("person_id", "=", person.id)
        .execute();
  });
  // Signed in with a second factor: restoring teams asks for one within the last 10 minutes (step-up).
  coordinator = await sessionCookieFor(server.db, world.people.coordinator.id, "password-and-code");
});
afterAll(async () => {
  await server?.stop();
});

const cohortUrl = () => `${server.url}/cohorts/${world.cohortA.id}`;
const teamsUrl = () => `${cohortUrl()}/teams`;
const version = async () =>
  (
    await server.db
      .selectFrom("cohorts")
      .where("id", "=", world.cohortA.id)
      .select("teams_version")
      .executeTakeFirstOrThrow()
  ).teams_version;
const memberships = () =>
  server.db
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .where("team_members.cohort_id", "=", world.cohortA.id)
    .select(["team_members.person_id", "teams.number"])
    .orderBy("team_members.person_id")
    .execute();
const mentorships = () =>
  server.db
    .selectFrom("team_mentors")
    .innerJoin("teams", "teams.id", "team_mentors.team_id")
    .where("teams.cohort_id", "=", world.cohortA.id)
    .select(["team_mentors.person_id", "teams.number"])
    .orderBy("team_mentors.person_id")
    .execute();
const formFields = async () => ({
  intent: "form",
  version: String(await version()),
  balance: "profession",
  weightColleagues: "100",
  weightNotAlone: "10",
  weightBalance: "1",
});
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The hidden fields of the confirmation page's form, as the page drew them. */
function hiddenFields(html: string) {
  const fields: Array<[string, string]> = [];
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields.push([match[1]!, match[2]!.replaceAll("&amp;", "&")]);
  return fields;
}
const asForm = (fields: Array<[string, string]>, extra: Record<string, string> = {}) => {
  const body = new URLSearchParams(fields);
  for (const [name, value] of Object.entries(extra)) body.set(name, value);
  return body;
};
async function postBody(url: string, body: URLSearchParams) {
  return fetch(url, {
    method: "POST",
    headers: { Cookie: coordinator },
    body,
    redirect: "manual",
  });
}

/** Asks to regenerate the published teams: the answer sends the coordinator to the confirmation page. */
async function proposeRegeneration() {
  const response = await post(teamsUrl(), await formFields(), coordinator);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!, server.url);
  expect(location.pathname).toBe(`/cohorts/${world.cohortA.id}/teams/regenerate`);
  return location.toString();
}

/** The health page's "attended of sessions" for one participant. */
async function attendanceOf(name: string) {
  const html = await (await get(`${cohortUrl()}/health`, coordinator)).text();
  const row = html.split("<tr").find((r) => r.includes(`>${name}<`));
  return row?.match(/(\d+) of (\d+)/)?.[0];
}

describe("placing only released participants", () => {
  it("forms teams of the released participants and lists the others with the reason", async () => {
    expect((await post(teamsUrl(), await formFields(), coordinator)).status).toBe(302);
    const placed = (await memberships()).map((m) => m.person_id);
    expect(placed).toHaveLength(30);
    expect(placed).not.toContain(declined.id);
    expect(placed).not.toContain(notYet.id);
    const html = await (await get(teamsUrl(), coordinator)).text();
    expect(html).toContain("Not placed in a team");
    expect(html).toMatch(/Dana Declined<\/th><td[^>]*>Their line manager declined to release them/);
    expect(html).toMatch(/Nia Notyet<\/th><td[^>]*>Their line manager has not released them yet/);
    // Nor can they be chosen to be moved into a team.
    expect(html).not.toContain(`<option value="${declined.id}">`);
  });
});

describe("changing published teams", () => {
  let mover: { person_id: number; number: number };
  let moverName: string;

  beforeAll(async () => {
    const mentors = await post(
      `${teamsUrl()}/mentors`,
      { intent: "pair", version: String(await version()) },
      coordinator,
    );
    expect(mentors.status).toBe(302);
    const published = await post(
      teamsUrl(),
      { intent: "publish", version: String(await version()) },
      coordinator,
    );
    expect(published.status).toBe(302);
    // Team 1 met twice with everyone there.
    const team1 = await server.db
      .selectFrom("teams")
      .where("cohort_id", "=", world.cohortA.id)
      .where("number", "=", 1)
      .select("id")
      .executeTakeFirstOrThrow();
    const members = (await memberships()).filter((m) => m.number === 1);
    const mentors1 = (await mentorships()).filter((m) => m.number === 1);
    for (const date of [daysAgo(9), daysAgo(2)]) {
      const at = new Date().toISOString();
      const session = await server.db
        .insertInto("mentoring_sessions")
        .values({
          team_id: team1.id,
          author_id: mentors1[0]!.person_id,
          date,
          duration_minutes: 60,
          format: "video",
          summary: "Scoping the problem",
          follow_up_date: null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await server.db
        .insertInto("session_attendees")
        .values([
          ...members.map((m) => ({
            session_id: session.id,
            person_id: m.person_id,
            role: "member" as const,
          })),
          ...mentors1.map((m) => ({
            session_id: session.id,
            person_id: m.person_id,
            role: "mentor" as const,
          })),
        ])
        .execute();
    }
    mover = members[0]!;
    moverName = (
      await server.db
        .selectFrom("people")
        .where("id", "=", mover.person_id)
        .select("name")
        .executeTakeFirstOrThrow()
    ).name;
    expect(await attendanceOf(moverName)).toBe("2 of 2");
  });

  it("changes nothing when regenerating is asked for: it shows who would move where instead", async () => {
    const before = await memberships();
    const confirmUrl = await proposeRegeneration();
    expect(await memberships()).toEqual(before);
    const page = await get(confirmUrl, coordinator);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Check who would move before regenerating the teams");
    expect(html).toMatch(/\d+ participants? would move/);
    expect(html).toMatch(
      /<td class="govuk-table__cell">Team \d<\/td><td class="govuk-table__cell">Team \d<\/td>/,
    );
    expect(html).toContain("Why are you regenerating the teams?");
    expect(await memberships()).toEqual(before);
  });

  it("refuses to regenerate without a reason, keeping the proposal shown", async () => {
    const before = await memberships();
    const confirmUrl = await proposeRegeneration();
    const fields = hiddenFields(await (await get(confirmUrl, coordinator)).text());
    const refused = await postBody(confirmUrl, asForm(fields, { reason: "  " }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter why you are regenerating the teams");
    expect(hiddenFields(html)).toEqual(fields);
    expect(await memberships()).toEqual(before);
  });

  it("refuses a proposal made before someone else changed the teams", async () => {
    const confirmUrl = await proposeRegeneration();
    const fields = hiddenFields(await (await get(confirmUrl, coordinator)).text());
    // Meanwhile another coordinator locks someone: the teams' version moves on.
    const locked = await post(
      teamsUrl(),
      { intent: "lock", version: String(await version()), personId: String(mover.person_id) },
      coordinator,
    );
    expect(locked.status).toBe(302);
    const before = await memberships();
    const stale = await postBody(confirmUrl, asForm(fields, { reason: "Rebalance professions" }));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed the teams");
    expect(await memberships()).toEqual(before);
    const page = await (await get(confirmUrl, coordinator)).text();
    expect(page).toContain("Someone changed the teams after these were proposed");
    expect(page).not.toContain(">Regenerate teams<");
    await post(
      teamsUrl(),
      { intent: "unlock", version: String(await version()), personId: String(mover.person_id) },
      coordinator,
    );
  });

  it("regenerates exactly the teams shown, keeps the old ones as a version, and keeps everyone's sessions", async () => {
    const before = await memberships();
    let confirmUrl = await proposeRegeneration();
    // A proposal that would leave the mover where they are proves nothing: ask again until they move.
    for (let i = 0; i < 5; i++) {
      const proposal = new URL(confirmUrl).searchParams.get("proposal")!;
      const teamOf = proposal.split("-").findIndex((t) => t.split(".").includes(String(mover.person_id)));
      if (teamOf + 1 !== mover.number) break;
      await post(
        teamsUrl(),
        { intent: "lock", version: String(await version()), personId: String(mover.person_id) },
        coordinator,
      );
      await post(
        teamsUrl(),
        { intent: "unlock", version: String(await version()), personId: String(mover.person_id) },
        coordinator,
      );
      confirmUrl = await proposeRegeneration();
    }
    const proposal = new URL(confirmUrl).searchParams.get("proposal")!;
    const fields = hiddenFields(await (await get(confirmUrl, coordinator)).text());
    const done = await postBody(confirmUrl, asForm(fields, { reason: "Two teams had no data analyst" }));
    expect(done.status).toBe(302);
    expect(new URL(done.headers.get("location")!, server.url).pathname).toBe(
      `/cohorts/${world.cohortA.id}/teams`,
    );
    const after = await memberships();
    const expected = proposal
      .split("-")
      .flatMap((team, i) => team.split(".").map((id) => ({ person_id: Number(id), number: i + 1 })))
      .sort((a, b) => a.person_id - b.person_id);
    expect(after).toEqual(expected);
    expect(after).not.toEqual(before);
    expect(after.find((m) => m.person_id === mover.person_id)!.number).not.toBe(mover.number);

    const kept = await server.db
      .selectFrom("team_versions")
      .where("cohort_id", "=", world.cohortA.id)
      .select(["cause", "reason", "saved_by"])
      .execute();
    expect(kept).toEqual([
      {
        cause: "regenerated",
        reason: "Two teams had no data analyst",
        saved_by: world.people.coordinator.id,
      },
    ]);
    const audit = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "teams.regenerated")
      .select("details")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "Two teams had no data analyst" });

    // The mover's two sessions with team 1 still count, in their new team.
    expect(await attendanceOf(moverName)).toBe("2 of 2");
    const teamsPage = await (await get(teamsUrl(), coordinator)).text();
    expect(teamsPage).toContain("Previous versions of the teams");
    expect(teamsPage).toContain("Two teams had no data analyst");
  });

  it("pairs mentors again only through a confirmation with a reason", async () => {
    const before = await mentorships();
    const asked = await post(
      `${teamsUrl()}/mentors`,
      { intent: "pair", version: String(await version()) },
      coordinator,
    );
    expect(asked.status).toBe(302);
    const confirmUrl = new URL(asked.headers.get("location")!, server.url).toString();
    expect(new URL(confirmUrl).pathname).toBe(`/cohorts/${world.cohortA.id}/teams/pair-mentors-again`);
    expect(await mentorships()).toEqual(before);
    const html = await (await get(confirmUrl, coordinator)).text();
    expect(html).toContain("Check which mentors would change team");
    const fields = hiddenFields(html);
    const refused = await postBody(confirmUrl, asForm(fields));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Enter why you are pairing the mentors again");
    expect(await mentorships()).toEqual(before);
    const tampered = await postBody(
      confirmUrl,
      asForm(fields, { expected: "1:1:2", changeReason: "New teams" }),
    );
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain("The pairing Tandem proposes changed since you saw it");
    const done = await postBody(confirmUrl, asForm(fields, { changeReason: "New teams need new mentors" }));
    expect(done.status).toBe(302);
    const kept = await server.db
      .selectFrom("team_versions")
      .where("cause", "=", "mentors_paired")
      .select("reason")
      .execute();
    expect(kept).toEqual([{ reason: "New teams need new mentors" }]);
  });

  it("restores the previous teams through a confirmation, keeping the sessions counted", async () => {
    const version1 = await server.db
      .selectFrom("team_versions")
      .where("cohort_id", "=", world.cohortA.id)
      .where("cause", "=", "regenerated")
      .select(["id", "teams"])
      .executeTakeFirstOrThrow();
    const restoreUrl = `${teamsUrl()}/versions/${version1.id}`;
    const teamsPage = await (await get(teamsUrl(), coordinator)).text();
    expect(teamsPage).toContain(`href="/cohorts/${world.cohortA.id}/teams/versions/${version1.id}"`);
    const before = await memberships();
    const page = await get(restoreUrl, coordinator);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Check who would move before restoring these teams");
    expect(html).toContain(moverName);
    expect(html).toContain("Two teams had no data analyst");
    const fields = hiddenFields(html);
    const refused = await postBody(restoreUrl, asForm(fields));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Enter why you are restoring these teams");
    expect(await memberships()).toEqual(before);

    const done = await postBody(restoreUrl, asForm(fields, { reason: "The old teams had started work" }));
    expect(done.status).toBe(302);
    const snapshot = JSON.parse(version1.teams) as {
      teams: Array<{ number: number; members: Array<{ personId: number }> }>;
    };
    const expected = snapshot.teams
      .flatMap((t) => t.members.map((m) => ({ person_id: m.personId, number: t.number })))
      .sort((a, b) => a.person_id - b.person_id);
    expect(await memberships()).toEqual(expected);
    const audit = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "teams.restored")
      .select("details")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "The old teams had started work" });
    // The teams as they were before restoring are kept in turn.
    const causes = await server.db
      .selectFrom("team_versions")
      .where("cohort_id", "=", world.cohortA.id)
      .select("cause")
      .orderBy("id")
      .execute();
    expect(causes.at(-1)).toEqual({ cause: "restored" });
    expect(await attendanceOf(moverName)).toBe("2 of 2");
  });

  it("keeps a moved person's sessions when they are moved by hand", async () => {
    const now = (await memberships()).find((m) => m.person_id === mover.person_id)!;
    const moved = await post(
      teamsUrl(),
      {
        intent: "move",
        version: String(await version()),
        personId: String(mover.person_id),
        team: String(now.number === 6 ? 5 : 6),
      },
      coordinator,
    );
    expect(moved.status).toBe(302);
    expect(await attendanceOf(moverName)).toBe("2 of 2");
  });

  it("refuses another cohort's coordinator and a version of another cohort", async () => {
    const other = await sessionCookieFor(server.db, world.people.otherCohort.id, "password-and-code");
    const version1 = await server.db
      .selectFrom("team_versions")
      .where("cohort_id", "=", world.cohortA.id)
      .select("id")
      .executeTakeFirstOrThrow();
    expect((await get(`${teamsUrl()}/versions/${version1.id}`, other)).status).toBe(403);
    const elsewhere = `${server.url}/cohorts/${world.cohortB.id}/teams/versions/${version1.id}`;
    expect((await get(elsewhere, other)).status).toBe(404);
  });
});
