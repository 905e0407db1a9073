// Team formation over real HTTP: who sees what before and after publishing, bad input, concurrent edits.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../setup/audit";
import { makeMember, makeTeamCohort, makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let cohort: Awaited<ReturnType<typeof makeTeamCohort>>;
let coordinator: string;
let extraMentor: { id: number };

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    cohort = await makeTeamCohort(db, world.cohortA.id, { participants: 29, prefix: "Http" });
    extraMentor = await makeMember(db, world.cohortA.id, "mentor", { name: "Unpaired Mentor" });
  });
  coordinator = await sessionCookieFor(server.db, world.people.coordinator.id);
});
afterAll(async () => {
  await server?.stop();
});

const teamsUrl = () => `${server.url}/cohorts/${world.cohortA.id}/teams`;
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
    .select(["team_members.person_id", "teams.number", "team_members.locked"])
    .orderBy("team_members.person_id")
    .execute();
const formFields = async (extra: Record<string, string> = {}) => ({
  intent: "form",
  version: String(await version()),
  balance: "profession",
  weightColleagues: "100",
  weightNotAlone: "10",
  weightBalance: "1",
  ...extra,
});

describe("forming teams", () => {
  it("shows a participant nothing of the teams before they are published", async () => {
    const participant = await sessionCookieFor(server.db, world.people.participant.id);
    const response = await get(`${server.url}/cohorts/${world.cohortA.id}/team`, participant);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("has not published the teams yet");
    expect(html).not.toContain("Http Participant");
  });

  it("refuses bad weights with the error summary, keeps the input and saves nothing", async () => {
    const response = await post(teamsUrl(), await formFields({ weightColleagues: "lots" }), coordinator);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("The weight for keeping colleagues apart must be a whole number from 0 to 9999");
    expect(html).toContain('value="lots"');
    expect(await memberships()).toEqual([]);
  });

  it("forms balanced teams that keep the team sizes and the government spread, and records it in the audit log", async () => {
    const response = await post(teamsUrl(), await formFields(), coordinator);
    expect(response.status).toBe(302);
    const rows = await memberships();
    expect(rows).toHaveLength(30);
    const sizes = [1, 2, 3, 4, 5, 6].map((n) => rows.filter((r) => r.number === n).length);
    expect(sizes.every((s) => s === 5)).toBe(true);
    const page = await (await get(teamsUrl(), coordinator)).text();
    expect(page).toContain("Quality of each team");
    expect(page).toContain("Holds");
    expect(page).not.toContain(">Broken<");
    const audit = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "teams.formed")
      .select("actor_person_id")
      .execute();
    expect(audit).toEqual([{ actor_person_id: world.people.coordinator.id }]);
  });

  it("refuses a stale form instead of overwriting someone else's change", async () => {
    const stale = String((await version()) - 1);
    const before = await memberships();
    const response = await post(teamsUrl(), { ...(await formFields()), version: stale }, coordinator);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Someone else changed the teams");
    expect(await memberships()).toEqual(before);
  });

  it("keeps locks when regenerating, and says in words when locks overfill a team", async () => {
    const rows = await memberships();
    const inTeam1 = rows.filter((r) => r.number === 1).map((r) => r.person_id);
    const lockResponse = await post(
      teamsUrl(),
      { intent: "lock", version: String(await version()), personId: String(inTeam1[0]) },
      coordinator,
    );
    expect(lockResponse.status).toBe(302);
    expect(await post(teamsUrl(), await formFields(), coordinator)).toHaveProperty("status", 302);
    const after = await memberships();
    expect(after.find((r) => r.person_id === inTeam1[0])).toEqual({
      person_id: inTeam1[0],
      number: 1,
      locked: 1,
    });

    // Move two more people into team 1 and lock all of team 1: seven locked where five fit.
    const others = after.filter((r) => r.number !== 1).slice(0, 2);
    for (const other of others) {
      const moved = await post(
        teamsUrl(),
        { intent: "move", version: String(await version()), personId: String(other.person_id), team: "1" },
        coordinator,
      );
      expect(moved.status).toBe(302);
    }
    const report = await (await get(teamsUrl(), coordinator)).text();
    expect(report).toContain("Team 1 has 7 members; every team needs 5");
    for (const row of (await memberships()).filter((r) => r.number === 1 && !r.locked)) {
      await post(
        teamsUrl(),
        { intent: "lock", version: String(await version()), personId: String(row.person_id) },
        coordinator,
      );
    }
    const before = await memberships();
    const refused = await post(teamsUrl(), await formFields(), coordinator);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("7 people are locked to team 1");
    expect(html).not.toContain("H1 sizes");
    expect(await memberships()).toEqual(before);

    // Publishing is refused while a rule that must hold is broken.
    const publish = await post(
      teamsUrl(),
      { intent: "publish", version: String(await version()) },
      coordinator,
    );
    expect(publish.status).toBe(400);
    expect(await publish.text()).toContain("cannot be published until they keep every rule that must hold");

    for (const row of (await memberships()).filter((r) => r.locked)) {
      await post(
        teamsUrl(),
        { intent: "unlock", version: String(await version()), personId: String(row.person_id) },
        coordinator,
      );
    }
    expect(await post(teamsUrl(), await formFields(), coordinator)).toHaveProperty("status", 302);
  });

  it("says in words when a keep-apart pair is locked together", async () => {
    const rows = await memberships();
    const [a, b] = rows.filter((r) => r.number === 2).map((r) => r.person_id);
    const keepApart = `${teamsUrl()}/keep-apart`;
    const same = await post(
      keepApart,
      { intent: "add", version: String(await version()), personA: String(a), personB: String(a) },
      coordinator,
    );
    expect(same.status).toBe(400);
    expect(await same.text()).toContain("Choose two different people");
    expect(
      await post(
        keepApart,
        { intent: "add", version: String(await version()), personA: String(a), personB: String(b) },
        coordinator,
      ),
    ).toHaveProperty("status", 302);
    for (const id of [a, b])
      await post(
        teamsUrl(),
        { intent: "lock", version: String(await version()), personId: String(id) },
        coordinator,
      );
    const refused = await post(teamsUrl(), await formFields(), coordinator);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/ and .* are both locked to team 2, but must be kept apart/);
    for (const id of [a, b])
      await post(
        teamsUrl(),
        { intent: "unlock", version: String(await version()), personId: String(id) },
        coordinator,
      );
    expect(await post(teamsUrl(), await formFields(), coordinator)).toHaveProperty("status", 302);
    const formed = await memberships();
    expect(formed.find((r) => r.person_id === a)?.number).not.toBe(
      formed.find((r) => r.person_id === b)?.number,
    );
  });
});

describe("mentors and publishing", () => {
  it("pairs every team with an industry and a government mentor, without conflicts", async () => {
    const response = await post(
      `${teamsUrl()}/mentors`,
      { intent: "pair", version: String(await version()) },
      coordinator,
    );
    expect(response.status).toBe(302);
    const pairs = await server.db
      .selectFrom("team_mentors")
      .innerJoin("teams", "teams.id", "team_mentors.team_id")
      .where("teams.cohort_id", "=", world.cohortA.id)
      .select([
        "teams.number",
        "team_mentors.sector",
        "team_mentors.person_id",
        "team_mentors.override_reason",
      ])
      .execute();
    expect(pairs).toHaveLength(12);
    expect(pairs.filter((p) => p.sector === "industry")).toHaveLength(6);
    expect(pairs.every((p) => p.override_reason === null)).toBe(true);
  });

  it("publishes, then shows a participant their team and a mentor only the team they mentor", async () => {
    expect(
      await post(teamsUrl(), { intent: "publish", version: String(await version()) }, coordinator),
    ).toHaveProperty("status", 302);
    const rows = await memberships();
    const participant = cohort.participants[0]!;
    const myTeam = rows.find((r) => r.person_id === participant.id)!.number;
    const teammates = rows.filter((r) => r.number === myTeam).map((r) => r.person_id);
    const outsider = cohort.participants.find((p) => !teammates.includes(p.id))!;
    const html = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, participant.id),
      )
    ).text();
    expect(html).toContain(`Team ${myTeam}`);
    expect(html).toContain(`${participant.name} (you)`);
    expect(html).not.toContain(outsider.name);
    expect(html).toContain("Government mentor");

    const mentorRow = await server.db
      .selectFrom("team_mentors")
      .innerJoin("teams", "teams.id", "team_mentors.team_id")
      .innerJoin("people", "people.id", "team_mentors.person_id")
      .where("teams.number", "=", myTeam)
      .where("teams.cohort_id", "=", world.cohortA.id)
      .select(["people.id", "people.name", "team_mentors.sector"])
      .orderBy("team_mentors.sector")
      .execute();
    const mentorHtml = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, mentorRow[0]!.id),
      )
    ).text();
    expect(mentorHtml).toContain(`You mentor this team with ${mentorRow[1]!.name}`);
    expect(mentorHtml).toContain(participant.name);
    expect(mentorHtml).not.toContain(outsider.name);

    const unpaired = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, extraMentor.id),
      )
    ).text();
    expect(unpaired).toContain("You are not in a team in this cohort");
  });

  it("logs a move after publishing and shows it to the people of both teams", async () => {
    const rows = await memberships();
    const mover = rows.find((r) => r.number === 3)!;
    const target = rows.find((r) => r.number === 4)!;
    const stayer = rows.find((r) => r.number === 3 && r.person_id !== mover.person_id)!;
    const response = await post(
      teamsUrl(),
      { intent: "move", version: String(await version()), personId: String(mover.person_id), team: "4" },
      coordinator,
    );
    expect(response.status).toBe(302);
    const moverName = cohort.participants.find((p) => p.id === mover.person_id)!.name;
    for (const personId of [stayer.person_id, target.person_id]) {
      const html = await (
        await get(
          `${server.url}/cohorts/${world.cohortA.id}/team`,
          await sessionCookieFor(server.db, personId),
        )
      ).text();
      expect(html).toContain("Changes since the teams were published");
      // The change reads as the audit log tells it: who moved whom, from which team to which.
      expect(html).toContain(`Cora Coordinator moved ${moverName} from team 3 to team 4`);
    }
    const elsewhere = rows.find((r) => r.number === 5)!;
    const unaffected = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, elsewhere.person_id),
      )
    ).text();
    expect(unaffected).not.toContain(moverName);
  });

  it("tells a team its new mentors without the coordinator's reason for accepting a conflict", async () => {
    const member = (await memberships()).find((r) => r.number === 2)!;
    const team = await server.db
      .selectFrom("teams")
      .where("cohort_id", "=", world.cohortA.id)
      .where("number", "=", 2)
      .select("id")
      .executeTakeFirstOrThrow();
    await recordAudit(server.db, {
      actorId: world.people.coordinator.id,
      action: "team.mentors_paired",
      subjectType: "team",
      subjectId: team.id,
      cohortId: world.cohortA.id,
      details: {
        team: 2,
        industry: "Ivy Industry",
        government: "Gus Government",
        conflicts: ["Ivy Industry"],
        overrideReason: "No other industry mentor is free this quarter",
        afterPublishing: true,
      },
    });
    const html = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, member.person_id),
      )
    ).text();
    expect(html).toContain("paired team 2 with the mentors Ivy Industry and Gus Government");
    expect(html).not.toContain("No other industry mentor is free this quarter");
    expect(html).not.toContain("accepting the conflict");
  });

  it("names the teams from a list of fields, refusing a long name by its team's number", async () => {
    const namesUrl = `${teamsUrl()}/names`;
    const form = await (await get(namesUrl, coordinator)).text();
    expect(form).toContain('name="teams[0].name"');
    expect(form).toContain("Name of team 6 (optional)");
    const names = async (second: string) => ({
      version: String(await version()),
      "teams[0].number": "1",
      "teams[0].name": "Alpha",
      "teams[1].number": "2",
      "teams[1].name": second,
    });
    const refused = await post(namesUrl, await names("x".repeat(61)), coordinator);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Name of team 2 must be 60 characters or fewer");
    expect(html).toContain('value="Alpha"');
    const stale = await post(namesUrl, { ...(await names("Beta")), version: "0" }, coordinator);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed the teams");
    expect(await post(namesUrl, await names("Beta"), coordinator)).toHaveProperty("status", 302);
    const teams = await server.db
      .selectFrom("teams")
      .where("cohort_id", "=", world.cohortA.id)
      .where("number", "<=", 3)
      .select(["number", "name"])
      .orderBy("number")
      .execute();
    expect(teams).toEqual([
      { number: 1, name: "Alpha" },
      { number: 2, name: "Beta" },
      { number: 3, name: null },
    ]);
    const member = (await memberships()).find((r) => r.number === 1)!;
    const page = await (
      await get(
        `${server.url}/cohorts/${world.cohortA.id}/team`,
        await sessionCookieFor(server.db, member.person_id),
      )
    ).text();
    expect(page).toContain("Cora Coordinator renamed team 1 to Alpha");
    expect(page).not.toContain("renamed team 2");
  });

  it("refuses another cohort's participant", async () => {
    const other = await sessionCookieFor(server.db, world.otherParticipant.id);
    expect((await get(`${server.url}/cohorts/${world.cohortA.id}/team`, other)).status).toBe(403);
  });
});
