// Every screen in plain English (issue 16, point 9): no rule codes (H1, C2), no raw action names or stored keys, statuses
// as GOV.UK tags with their labels, plurals that agree, and release wording that follows what each team can see.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseTeams, replaceSlots, saveSheet, setScoringState } from "~/models/pitch.server";
import { recordAudit } from "../setup/audit";
import {
  makeCohort,
  makeMember,
  makeTeamCohort,
  makeWorld,
  makeWorldPitchDay,
  type World,
} from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let teamCohortId: number;
let pitch: Awaited<ReturnType<typeof makeWorldPitchDay>>;
let admin: string;
let coordinator: string;

/** Rule codes of team formation as a person would read them: "H1", "C3 not alone", "(C2)". */
const RULE_CODE = /\b[HC][1-3]\b/;
/** Text of the page without its tags, scripts and styles, so that a class name or a script cannot match. */
const textOf = (html: string) =>
  html
    .replaceAll(/<script[\s\S]*?<\/script>/g, " ")
    .replaceAll(/<style[\s\S]*?<\/style>/g, " ")
    .replaceAll(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replaceAll(/\s+/g, " ");

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    // Cohort B has one participant; five teams are asked of it.
    await db.updateTable("cohorts").set({ team_count: 5 }).where("id", "=", world.cohortB.id).execute();
    const teamCohort = await makeCohort(db, world.programme.id, { name: "Plain teams cohort" });
    teamCohortId = teamCohort.id;
    await db.updateTable("cohorts").set({ team_count: 3 }).where("id", "=", teamCohortId).execute();
    await makeTeamCohort(db, teamCohortId, { participants: 12, teams: 3, prefix: "Plain" });
    pitch = await makeWorldPitchDay(db, world);
  });
  admin = await sessionCookieFor(server.db, world.people.admin.id);
  coordinator = await sessionCookieFor(server.db, world.people.otherCohort.id);
});
afterAll(async () => {
  await server?.stop();
});

const teamsVersion = async (cohortId: number) =>
  (
    await server.db
      .selectFrom("cohorts")
      .where("id", "=", cohortId)
      .select("teams_version")
      .executeTakeFirstOrThrow()
  ).teams_version;

const formTeams = async (cohortId: number, cookie: string) =>
  post(
    `${server.url}/cohorts/${cohortId}/teams`,
    {
      intent: "form",
      version: String(await teamsVersion(cohortId)),
      balance: "profession",
      notAlone: "profession",
      weightColleagues: "100",
      weightNotAlone: "10",
      weightBalance: "1",
    },
    cookie,
  );

describe("the teams screen", () => {
  it("says in words why 1 person cannot make 5 teams, with no rule code and a correct plural", async () => {
    const response = await formTeams(world.cohortB.id, coordinator);
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("There is 1 person to put into 5 teams");
    expect(text).not.toContain("1 people");
    expect(text).not.toMatch(RULE_CODE);
    expect(text).not.toContain("H1 sizes");
  });

  it("labels the choices and the weights by what they do, without cost-term codes", async () => {
    const text = textOf(
      await (await get(`${server.url}/cohorts/${world.cohortB.id}/teams`, coordinator)).text(),
    );
    expect(text).not.toContain("Weights of the cost terms");
    expect(text).not.toMatch(RULE_CODE);
    expect(text).toContain("How much each aim counts");
    expect(text).toContain("Keeping colleagues apart");
  });

  it("explains each rule of the proposed teams in a sentence and says whether it holds", async () => {
    expect((await formTeams(teamCohortId, admin)).status).toBe(302);
    const text = textOf(await (await get(`${server.url}/cohorts/${teamCohortId}/teams`, admin)).text());
    expect(text).not.toMatch(RULE_CODE);
    expect(text).toContain("Every team has 4 members");
    expect(text).toContain("Every team has 2 people from government");
    expect(text).toContain(
      "Everyone locked to a team is in it, and people kept apart are in different teams",
    );
    expect(text).toContain("Nobody is in a team with a colleague from their own organisation");
    expect(text).toContain("Each team has its fair share of each profession");
    expect(text).toContain("Everyone is in a team with someone of their own profession");
    expect(text).toMatch(/Holds/);
  });

  it("names the rules in words on the help page", async () => {
    const text = textOf(await (await get(`${server.url}/how-teams-are-formed`)).text());
    expect(text).not.toMatch(RULE_CODE);
    expect(text).toContain("Team sizes");
    expect(text).toContain("Colleagues apart");
  });
});

describe("the audit log", () => {
  it("shows every entry as a sentence, with no raw action names, keys or nulls", async () => {
    await recordAudit(server.db, {
      actorId: world.people.admin.id,
      action: "team.mentors_paired",
      subjectType: "team",
      subjectId: pitch.teamId,
      cohortId: world.cohortA.id,
      details: {
        team: 1,
        industry: "Ivy Mentor",
        government: "Gil Mentor",
        conflicts: [],
        overrideReason: null,
      },
    });
    // The same action with details stored in an older shape.
    await recordAudit(server.db, {
      actorId: world.people.admin.id,
      action: "team.mentors_paired",
      subjectType: "team",
      subjectId: pitch.teamId,
      cohortId: world.cohortA.id,
      details: { overrideReason: null },
    });
    const text = textOf(await (await get(`${server.url}/audit`, admin)).text());
    expect(text).toContain("paired team 1 with the mentors Ivy Mentor and Gil Mentor");
    expect(text).toContain("Ada Admin changed the teams");
    for (const raw of ["mentors_paired", "mentors paired", "overrideReason", "null", `Team ${pitch.teamId} `])
      expect(text).not.toContain(raw);
  });
});

describe("statuses", () => {
  it("shows a cohort's status as a tag with its label, not the stored value", async () => {
    const html = await (await get(`${server.url}/cohorts/${world.cohortB.id}`, admin)).text();
    expect(html).toMatch(/<strong class="govuk-tag[^"]*">Planning<\/strong>/);
    expect(html).not.toMatch(/>planning</);
  });

  it("agrees its plurals with the number on the cohort's home page", async () => {
    const text = textOf(await (await get(`${server.url}/cohorts/${world.cohortB.id}`, admin)).text());
    expect(text).toContain("1 participant nominated");
    expect(text).not.toContain("1 participants");
  });
});

describe("the retention page", () => {
  it("says what happens in words, with no command in backticks", async () => {
    const text = textOf(
      await (await get(`${server.url}/programmes/${world.programme.id}/retention`, admin)).text(),
    );
    expect(text).toContain("Every day, Tandem anonymises");
    expect(text).not.toContain("`");
    expect(text).not.toContain("run daily");
  });
});

describe("the pitch day after releasing some teams' results", () => {
  beforeAll(async () => {
    const at = new Date().toISOString();
    const second = await server.db
      .insertInto("teams")
      .values({ cohort_id: world.cohortA.id, number: 2, name: "Green", created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const member = await makeMember(server.db, world.cohortA.id, "participant", { name: "Gwen Green" });
    await server.db
      .insertInto("team_members")
      .values({ team_id: second.id, cohort_id: world.cohortA.id, person_id: member.id })
      .execute();
    await server.db.transaction().execute(async (tx) => {
      await replaceSlots(tx, pitch.eventId, [pitch.teamId, second.id], null);
      await saveSheet(
        tx,
        {
          eventId: pitch.eventId,
          personId: world.people.leader.id,
          teamId: second.id,
          status: "draft",
          workedWell: "",
          couldBeBetter: "",
          scores: new Map(),
        },
        0,
      );
      await setScoringState(tx, pitch.eventId, "closed");
      await releaseTeams(tx, pitch.eventId, [pitch.teamId]);
    });
  });

  const coordinatorA = () => sessionCookieFor(server.db, world.people.coordinator.id);

  it("says on the pitch day page that 1 of 2 teams can see its results, with plurals that agree", async () => {
    const text = textOf(
      await (await get(`${server.url}/cohorts/${world.cohortA.id}/pitch-day`, await coordinatorA())).text(),
    );
    expect(text).toContain("Released to 1 of 2 teams");
    expect(text).not.toContain("only coordinators can see them until you release them");
    expect(text).toContain("(1 draft)");
    expect(text).not.toContain("1 drafts");
    expect(text).toContain("1 senior leader on the panel");
    expect(text).not.toContain("1 senior leaders");
  });

  it("says on the results page which teams can see their results", async () => {
    const text = textOf(
      await (
        await get(`${server.url}/cohorts/${world.cohortA.id}/pitch-day/results`, await coordinatorA())
      ).text(),
    );
    expect(text).not.toContain("Only coordinators can see these results until you release them");
    expect(text).toContain("Released to 1 of 2 teams");
  });
});
