// A coordinator runs their own cohorts, not the people in them (issue 13, finding 1), over real HTTP: the import
// and the invitation add a member of another cohort without touching their details and say so; the coordinator
// cannot then read that person's full personal data, nor edit their details on the nomination page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOrganisationToCohort } from "~/models/cohort-organisation.server";
import { addMembership } from "~/models/programme.server";
import { cohortSetupWorld } from "../setup/cohort-setup";
import { inTransaction, makeMember, makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
/** Someone in cohort B only until the tests bring them into cohort A. */
let sam: { id: number };
let rex: { id: number };
let coordinator: string;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await cohortSetupWorld(db, world);
    await inTransaction(db, (tx) => addOrganisationToCohort(tx, world.cohortB.id, world.government));
    sam = await makeMember(db, world.cohortB.id, "participant", {
      name: "Sam Patel",
      email: "sam.patel@example.test",
      organisationId: world.government.id,
    });
    rex = await makeMember(db, world.cohortB.id, "mentor", {
      name: "Rex Reed",
      email: "rex.reed@example.test",
      organisationId: world.government.id,
      active: false,
    });
  });
  coordinator = await sessionCookieFor(server.db, world.people.coordinator.id);
});
afterAll(async () => {
  await server?.stop();
});

const base = () => `${server.url}/cohorts/${world.cohortA.id}`;
const profile = (id: number) =>
  server.db
    .selectFrom("people")
    .where("id", "=", id)
    .select(["name", "organisation_id", "job_title", "profession"])
    .executeTakeFirstOrThrow();

const SAM_NOT_APPLIED =
  "Not applied: Sam Patel is also in other cohorts, so only Sam or an administrator can change their details";

function upload(csv: string) {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), "nominations.csv");
  return fetch(`${base()}/nominations/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: coordinator },
    redirect: "manual",
  });
}

/** Sam joins cohort A as a participant (as the import does), if not already in it. */
const samJoinsCohortA = () => addMembership(server.db, world.cohortA.id, sam.id, "participant");

/** The page a redirect leads to, with its banner. */
async function follow(response: Response, cookie: string) {
  expect(response.status).toBe(302);
  return (await get(`${server.url}${response.headers.get("location")}`, cookie)).text();
}

describe("importing a member of another cohort", () => {
  it("previews their differences as not applied, with the reason, and confirming leaves their details", async () => {
    const csv = [
      "name,email,organisation,sector,role,job_title",
      `Sam Takeover,SAM.PATEL@example.test,${world.industry.name},industry,participant,Puppet`,
    ].join("\n");
    const before = await profile(sam.id);
    const preview = await upload(csv);
    expect(preview.status).toBe(200);
    const html = (await preview.text()).replaceAll("&#x27;", "'");
    expect(html).toContain(SAM_NOT_APPLIED);
    expect(html).toContain("Sam Takeover");
    const done = await post(
      `${base()}/nominations/import`,
      { csv, fileName: "nominations.csv" },
      coordinator,
    );
    expect(await follow(done, coordinator)).toContain("1 joined without their details changing");
    expect(await profile(sam.id)).toEqual(before);
  });

  it("does not offer the coordinator the person's details to edit, and refuses a forged change", async () => {
    await samJoinsCohortA();
    const page = await get(`${base()}/nominations/${sam.id}`, coordinator);
    expect(page.status).toBe(200);
    const html = (await page.text()).replaceAll("&#x27;", "'");
    expect(html).toContain("only Sam or an administrator can change their details");
    // Their details are shown, not offered as fields to fill in.
    expect(html).not.toContain("Job title (optional)");
    const version = /name="version" value="(\d+)"/.exec(html)?.[1];
    const before = await profile(sam.id);
    const forged = await post(
      `${base()}/nominations/${sam.id}`,
      {
        intent: "save",
        version: version!,
        name: "Sam Takeover",
        organisationId: String(world.government.id),
        releaseStatus: "approved",
      },
      coordinator,
    );
    expect(forged.status).toBe(403);
    expect(await profile(sam.id)).toEqual(before);
  });

  it("keeps the person's full personal data from the coordinator", async () => {
    await samJoinsCohortA();
    for (const path of [`/people/${sam.id}`, `/people/${sam.id}/data.json`]) {
      const response = await get(`${server.url}${path}`, coordinator);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain("Cohort B");
    }
    const own = await get(
      `${server.url}/people/${sam.id}/data.json`,
      await sessionCookieFor(server.db, sam.id),
    );
    expect(own.status).toBe(200);
  });
});

describe("inviting a member of another cohort", () => {
  it("adds them without changing their details and says which were not applied, and why", async () => {
    const before = await profile(rex.id);
    const response = await post(
      `${base()}/people/invite`,
      {
        name: "Rex Takeover",
        email: "rex.reed@example.test",
        role: "mentor",
        organisationId: String(world.industry.id),
        jobTitle: "Puppet",
      },
      coordinator,
    );
    const html = (await follow(response, coordinator)).replaceAll("&#x27;", "'");
    expect(html).toContain("Rex Reed added as a mentor");
    expect(html).toContain(
      "Not applied: Rex Reed is also in other cohorts, so only Rex or an administrator can change their details",
    );
    expect(await profile(rex.id)).toEqual(before);
  });
});

describe("the people page", () => {
  it("offers a sign-in link only for people whose every cohort the coordinator runs, and says why not for the rest", async () => {
    // Rex joined cohort A above but is still in cohort B, which this coordinator does not run.
    const html = await (await get(`${base()}/people`, coordinator)).text();
    const rows = html.split("<tr").filter((row) => row.includes("</td>"));
    const rowOf = (name: string) => rows.find((row) => row.includes(name)) ?? "";
    expect(rowOf("Rex Reed")).toContain("An administrator can send a new invitation");
    expect(rowOf("Rex Reed")).not.toContain("<button");
    // A participant of cohort A only: the coordinator can send them a new link.
    const name = (
      await server.db
        .selectFrom("people")
        .where("id", "=", world.people.participant.id)
        .select("name")
        .executeTakeFirstOrThrow()
    ).name;
    expect(rowOf(name)).toContain("<button");
  });
});
