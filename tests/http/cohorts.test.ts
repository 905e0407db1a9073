import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCohort } from "~/models/programme.server";
import { makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let admin: string;
let coordinator: string;
beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
  });
  admin = await sessionCookieFor(server.db, world.people.admin.id);
  coordinator = await sessionCookieFor(server.db, world.people.coordinator.id);
});
afterAll(async () => {
  await server?.stop();
});

const cohortFields = {
  name: "Tech Connect 2027",
  "startDate.day": "4",
  "startDate.month": "1",
  "startDate.year": "2027",
  weeks: "12",
  teamCount: "6",
  status: "planning",
};

const count = async (table: "cohorts" | "people" | "memberships" | "programmes") =>
  Number(
    (
      await server.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("creating a cohort", () => {
  it("shows every problem in the error summary and next to its field, keeps the input and writes nothing", async () => {
    const before = await count("cohorts");
    const response = await post(
      `${server.url}/programmes/${world.programme.id}/cohorts/new`,
      { ...cohortFields, "startDate.day": "31", "startDate.month": "2", weeks: "53", teamCount: "51" },
      admin,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("<title>Error: Add a cohort – Tandem</title>");
    expect(html).toContain('href="#startDate-day"');
    expect(html).toContain("Start date must be a real date, like 4 1 2027");
    expect(html).toContain("Number of weeks must be between 1 and 52");
    expect(html).toContain("Number of teams must be between 1 and 50");
    expect(html).toMatch(/id="weeks-error"/);
    expect(html).toMatch(/value="53"/);
    expect(html).toMatch(/value="Tech Connect 2027"/);
    expect(await count("cohorts")).toBe(before);
  });

  it("refuses a start date that is not a Monday", async () => {
    const response = await post(
      `${server.url}/programmes/${world.programme.id}/cohorts/new`,
      { ...cohortFields, "startDate.day": "6" },
      admin,
    );
    expect(await response.text()).toContain("Start date must be a Monday");
  });

  it("creates the cohort, logs it and says so", async () => {
    const response = await post(
      `${server.url}/programmes/${world.programme.id}/cohorts/new`,
      cohortFields,
      admin,
    );
    expect(response.status).toBe(302);
    const created = await server.db
      .selectFrom("cohorts")
      .where("name", "=", "Tech Connect 2027")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ start_date: "2027-01-04", weeks: 12, team_count: 6 });
    const page = await get(`${server.url}${response.headers.get("location")}`, admin);
    expect(await page.text()).toContain("Cohort Tech Connect 2027 added");
    const duplicate = await post(
      `${server.url}/programmes/${world.programme.id}/cohorts/new`,
      cohortFields,
      admin,
    );
    expect(await duplicate.text()).toContain("Tech Connect already has a cohort called Tech Connect 2027");
  });
});

describe("editing a cohort", () => {
  it("refuses the second of two edits made from the same version, keeping what was typed", async () => {
    const cohort = await getCohort(server.db, world.cohortA.id);
    const version = String(cohort!.version);
    const edit = { ...cohortFields, name: "Cohort A", version };
    const first = await post(
      `${server.url}/cohorts/${world.cohortA.id}/edit`,
      { ...edit, weeks: "14" },
      coordinator,
    );
    expect(first.status).toBe(302);
    const second = await post(
      `${server.url}/cohorts/${world.cohortA.id}/edit`,
      { ...edit, weeks: "10" },
      admin,
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Someone else changed this cohort&#x27;s details while you were working on it");
    expect(html).toMatch(/value="10"/);
    expect((await getCohort(server.db, world.cohortA.id))?.weeks).toBe(14);
  });
});

describe("inviting people", () => {
  it("invites a participant and shows a one-time link once", async () => {
    const before = await count("people");
    const response = await post(
      `${server.url}/cohorts/${world.cohortA.id}/people/invite`,
      {
        name: "Priya Shah",
        email: "priya.shah@hmrc.example",
        role: "participant",
        organisationId: String(world.government.id),
      },
      coordinator,
    );
    expect(response.status).toBe(302);
    const linkPage = response.headers.get("location")!;
    const first = await (await get(`${server.url}${linkPage}`, coordinator)).text();
    const url = /(http:\/\/[^<\s]+\/set-password\/[A-Za-z0-9_-]+)/.exec(first)?.[1];
    expect(url).toBeDefined();
    expect(first).toContain("Priya Shah added as a participant");
    const second = await (await get(`${server.url}${linkPage}`, coordinator)).text();
    expect(second).not.toContain("/set-password/");
    expect(second).toContain("A link is shown only once");
    expect(await count("people")).toBe(before + 1);
    const setPassword = await get(url!.replace(/^http:\/\/[^/]+/, server.url));
    expect(await setPassword.text()).toContain("Welcome to Tandem, Priya Shah");
  });

  it("does not let a coordinator appoint a coordinator", async () => {
    const before = await count("memberships");
    const response = await post(
      `${server.url}/cohorts/${world.cohortA.id}/people/invite`,
      { name: "Sam Boss", email: "sam.boss@example.test", role: "coordinator" },
      coordinator,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Only a system administrator can appoint coordinators");
    expect(await count("memberships")).toBe(before);
  });

  it("refuses a reset link for someone in a cohort the coordinator does not run", async () => {
    await server.db
      .insertInto("memberships")
      .values({
        cohort_id: world.cohortA.id,
        person_id: world.people.otherCohort.id,
        role: "mentor",
        created_at: new Date().toISOString(),
      })
      .execute();
    const response = await post(
      `${server.url}/cohorts/${world.cohortA.id}/people/${world.people.otherCohort.id}/link`,
      {},
      coordinator,
    );
    expect(response.status).toBe(403);
  });

  it("does not show a person from another cohort", async () => {
    const response = await get(
      `${server.url}/cohorts/${world.cohortA.id}/people/${world.otherParticipant.id}/link`,
      coordinator,
    );
    expect(response.status).toBe(404);
  });
});
