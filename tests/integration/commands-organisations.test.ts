// The organisation commands write their audit events in the transaction of the change, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCohortOrganisation, editCohortOrganisation } from "~/commands/organisations.server";
import { type Actor, run } from "~/commands/runner.server";
import type { OrganisationInput } from "~/forms/cohort-setup";
import { getCohortOrganisation, listCohortOrganisations } from "~/models/cohort-organisation.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
let actor: Actor;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  actor = { personId: world.people.coordinator.id, address: "192.0.2.1" };
});
afterEach(async () => {
  await db.destroy();
});

const kestrel: OrganisationInput = {
  name: "Kestrel Systems",
  sector: "industry",
  kind: "company",
  region: "england-and-wales",
  quota: 2,
  hostsVisit: true,
  address: null,
  contactName: "Hana Host",
  contactEmail: "hana.host@example.test",
  unavailable: ["2027-02-17"],
};

const state = async () => ({
  organisations: await listCohortOrganisations(db, world.cohortA.id),
  known: await db.selectFrom("organisations").selectAll().orderBy("id").execute(),
  audit: await db.selectFrom("audit_events").selectAll().execute(),
});

describe("adding an organisation to the cohort", () => {
  it("creates it with its host contact and records it, in one transaction", async () => {
    expect(await run(db, actor, addCohortOrganisation, { ...kestrel, cohortId: world.cohortA.id })).toEqual({
      ok: true,
    });
    const { organisations, audit } = await state();
    expect(organisations).toEqual([
      expect.objectContaining({ name: "Kestrel Systems", hosts_visit: 1, unavailable: ["2027-02-17"] }),
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "cohort.organisation_added",
        cohort_id: world.cohortA.id,
        address: "192.0.2.1",
        details: JSON.stringify({ name: "Kestrel Systems", hostsVisit: true, quota: 2, created: true }),
      }),
    ]);
  });

  it("writes nothing when the organisation is already in the cohort", async () => {
    await run(db, actor, addCohortOrganisation, { ...kestrel, cohortId: world.cohortA.id });
    const before = await state();
    expect(
      await run(db, actor, addCohortOrganisation, { ...kestrel, quota: 5, cohortId: world.cohortA.id }),
    ).toEqual({ ok: false, invalid: { name: ["Kestrel Systems is already in this cohort"] } });
    expect(await state()).toEqual(before);
  });
});

describe("changing an organisation", () => {
  it("writes nothing, not even the versions, when either was saved since the form was drawn", async () => {
    await run(db, actor, addCohortOrganisation, { ...kestrel, cohortId: world.cohortA.id });
    const [row] = await listCohortOrganisations(db, world.cohortA.id);
    const before = await state();
    const stale = await run(db, actor, editCohortOrganisation, {
      ...kestrel,
      quota: 3,
      cohortId: world.cohortA.id,
      row: row!,
      version: row!.version,
      organisationVersion: 99,
    });
    expect(stale).toMatchObject({ ok: false, conflict: expect.stringMatching(/^Someone else changed/) });
    expect(await state()).toEqual(before);
    expect(await getCohortOrganisation(db, world.cohortA.id, row!.organisation_id)).toMatchObject({
      quota: 2,
    });
  });
});
