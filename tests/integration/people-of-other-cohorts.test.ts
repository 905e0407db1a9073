// A coordinator runs their own cohorts, not the people in them (issue 13, finding 1). Someone who is also in a
// cohort the coordinator does not run keeps their details whatever the coordinator imports or types; their full
// personal data is for themselves and administrators; and conflicts of interest are decided by the organisation
// a person represented in the cohort, which a later change of their profile cannot remove.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockedProfiles } from "~/auth/profile-access.server";
import { invitePerson } from "~/commands/invitations.server";
import { editNomination, importNominations } from "~/commands/nominations.server";
import { exportPersonData } from "~/commands/people.server";
import { type Actor, run } from "~/commands/runner.server";
import { parseNominationsCsv } from "~/domain/csv-nominations";
import { addOrganisationToCohort } from "~/models/cohort-organisation.server";
import { getNomination, previewNominations } from "~/models/nomination.server";
import { createPitchEvent, pitchDayPanel, replaceSlots } from "~/models/pitch.server";
import { addMembership, rolesInCohort } from "~/models/programme.server";
import { mentorPairingProposal } from "~/models/team.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import {
  inTransaction,
  makeCohort,
  makeMember,
  makeOrganisation,
  makePitchDayCohort,
  makeWorld,
  PITCH_DAY,
  type World,
} from "../setup/factories";

let db: Db;
let world: World;
let coordinator: Actor;
let admin: Actor;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  coordinator = { personId: world.people.coordinator.id, address: "192.0.2.1" };
  admin = { personId: world.people.admin.id, address: "192.0.2.2" };
});
afterEach(async () => {
  await db.destroy();
});

const HEADER = "name,email,organisation,sector,role,job_title";

function rows(...lines: string[]) {
  const parsed = parseNominationsCsv([HEADER, ...lines].join("\n"));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.problems).toEqual([]);
  return parsed.rows;
}

const profile = (personId: number) =>
  db
    .selectFrom("people")
    .where("id", "=", personId)
    .select(["name", "email", "organisation_id", "job_title", "profession"])
    .executeTakeFirstOrThrow();

/** The organisation each of the person's memberships of the cohort records, by role. */
const membershipOrganisations = async (cohortId: number, personId: number) =>
  Object.fromEntries(
    (
      await db
        .selectFrom("memberships")
        .where("cohort_id", "=", cohortId)
        .where("person_id", "=", personId)
        .select(["role", "organisation_id"])
        .execute()
    ).map((m) => [m.role, m.organisation_id]),
  );

/** A row taking over someone's profile: another name, an organisation and a job title. */
const takeover = (email: string) => `Taken Over,${email},${world.industry.name},industry,participant,Puppet`;

describe("importing someone who is also in a cohort the coordinator does not run", () => {
  it("adds the membership only: the person's name, organisation and job title stay as they were", async () => {
    const opal = world.otherParticipant;
    const before = await profile(opal.id);
    const outcome = await run(db, coordinator, importNominations, {
      cohortId: world.cohortA.id,
      rows: rows(takeover("other-participant@example.test")),
      create: [],
      regions: [],
    });
    expect(outcome).toMatchObject({ ok: true, summary: { added: 0, joined: 1, notApplied: 1 } });
    expect(await profile(opal.id)).toEqual(before);
    expect(await rolesInCohort(db, world.cohortA.id, opal.id)).toEqual(["participant"]);
    // The organisation she represents in cohort A is her own, not the one the file named.
    expect(await membershipOrganisations(world.cohortA.id, opal.id)).toEqual({ participant: null });
  });

  it("previews the differences as not applied, saying why in plain words", async () => {
    const imported = rows(takeover("other-participant@example.test"));
    const preview = await previewNominations(
      db,
      world.cohortA.id,
      imported,
      [],
      await lockedProfiles(db, coordinator, imported),
    );
    expect(preview.rows[0]).toMatchObject({
      outcome: "joins the cohort",
      notApplied: {
        reason:
          "Not applied: Opal Other is also in other cohorts, so only Opal or an administrator can change their details",
        differences: [
          { field: "Name", from: "Opal Other", to: "Taken Over" },
          { field: "Organisation", from: "None", to: world.industry.name },
          { field: "Job title", from: "None", to: "Puppet" },
        ],
      },
    });
  });

  it("leaves another cohort's coordinator and the site administrator as they were too", async () => {
    const oli = world.people.otherCohort;
    const ada = world.people.admin;
    const before = { oli: await profile(oli.id), ada: await profile(ada.id) };
    const imported = rows(takeover("other@example.test"), takeover("admin@example.test"));
    const preview = await previewNominations(
      db,
      world.cohortA.id,
      imported,
      [],
      await lockedProfiles(db, coordinator, imported),
    );
    expect(preview.rows.map((r) => r.notApplied?.reason)).toEqual([
      "Not applied: Oli Other is also in other cohorts, so only Oli or an administrator can change their details",
      "Not applied: Ada Admin is a Tandem administrator, so only Ada or another administrator can change their details",
    ]);
    const outcome = await run(db, coordinator, importNominations, {
      cohortId: world.cohortA.id,
      rows: rows(takeover("other@example.test"), takeover("admin@example.test")),
      create: [],
      regions: [],
    });
    expect(outcome).toMatchObject({ ok: true, summary: { joined: 2, notApplied: 2 } });
    expect({ oli: await profile(oli.id), ada: await profile(ada.id) }).toEqual(before);
  });

  it("still changes the details of someone whose every cohort the coordinator runs", async () => {
    const pat = world.people.participant;
    const imported = rows(takeover("participant@example.test"));
    const preview = await previewNominations(
      db,
      world.cohortA.id,
      imported,
      [],
      await lockedProfiles(db, coordinator, imported),
    );
    expect(preview.rows[0]).toMatchObject({ outcome: "updated" });
    expect(preview.rows[0]?.notApplied).toBeUndefined();
    const outcome = await run(db, coordinator, importNominations, {
      cohortId: world.cohortA.id,
      rows: rows(takeover("participant@example.test")),
      create: [],
      regions: [],
    });
    expect(outcome).toMatchObject({ ok: true, summary: { updated: 1, notApplied: 0 } });
    expect(await profile(pat.id)).toMatchObject({
      name: "Taken Over",
      organisation_id: world.industry.id,
      job_title: "Puppet",
    });
    expect(await membershipOrganisations(world.cohortA.id, pat.id)).toEqual({
      participant: world.industry.id,
    });
  });
});

describe("inviting someone who is also in a cohort the coordinator does not run", () => {
  it("adds the membership only and says which details were not applied, and why", async () => {
    const opal = world.otherParticipant;
    const before = await profile(opal.id);
    const outcome = await run(db, coordinator, invitePerson, {
      name: "Taken Over",
      email: "OTHER-PARTICIPANT@example.test",
      role: "participant",
      organisationId: world.industry.id,
      jobTitle: "Puppet",
      profession: null,
      cohortId: world.cohortA.id,
      appointer: { personId: world.people.coordinator.id, isAdmin: false },
    });
    expect(outcome).toMatchObject({
      ok: true,
      personId: opal.id,
      notApplied: {
        reason:
          "Not applied: Opal Other is also in other cohorts, so only Opal or an administrator can change their details",
        differences: [
          { field: "Name", from: "Opal Other", to: "Taken Over" },
          { field: "Organisation", from: "None", to: world.industry.name },
          { field: "Job title", from: "None", to: "Puppet" },
        ],
      },
    });
    expect(await profile(opal.id)).toEqual(before);
    expect(await membershipOrganisations(world.cohortA.id, opal.id)).toEqual({ participant: null });
  });
});

describe("changing a nomination", () => {
  beforeEach(async () => {
    await inTransaction(db, async (tx) => {
      await addOrganisationToCohort(tx, world.cohortA.id, world.industry);
      await addOrganisationToCohort(tx, world.cohortA.id, world.government);
    });
  });

  async function edit(personId: number, changes: { name?: string; organisationId?: number | null }) {
    const nomination = (await getNomination(db, world.cohortA.id, personId))!;
    return run(db, coordinator, editNomination, {
      cohortId: world.cohortA.id,
      membershipId: nomination.membershipId,
      personId,
      version: nomination.version,
      name: changes.name ?? nomination.name,
      jobTitle: nomination.job_title,
      profession: nomination.profession,
      organisationId:
        changes.organisationId === undefined ? nomination.organisation_id : changes.organisationId,
      releaseStatus: "approved",
      lineManagerEmail: null,
    });
  }

  it("refuses to change the details of someone who is also in another cohort, writing nothing", async () => {
    const opal = world.otherParticipant;
    await addMembership(db, world.cohortA.id, opal.id, "participant");
    const before = await profile(opal.id);
    const audit = await db.selectFrom("audit_events").selectAll().execute();
    expect(await edit(opal.id, { name: "Taken Over" })).toEqual({
      ok: false,
      forbidden:
        "Not applied: Opal Other is also in other cohorts, so only Opal or an administrator can change their details",
    });
    expect(await edit(opal.id, { organisationId: world.industry.id })).toMatchObject({ ok: false });
    expect(await profile(opal.id)).toEqual(before);
    expect(await db.selectFrom("audit_events").selectAll().execute()).toEqual(audit);
    // Her line manager's release is the cohort's business, not her profile's: that still saves.
    expect(await edit(opal.id, {})).toEqual({ ok: true });
  });

  it("records a change of the organisation the person represents in the cohort, which decides conflicts", async () => {
    const pat = world.people.participant;
    expect(await edit(pat.id, { organisationId: world.industry.id })).toEqual({ ok: true });
    expect(await membershipOrganisations(world.cohortA.id, pat.id)).toEqual({
      participant: world.industry.id,
    });
    const events = await db
      .selectFrom("audit_events")
      .where("action", "=", "membership.organisation_changed")
      .select(["subject_type", "subject_id", "cohort_id", "actor_person_id", "details"])
      .execute();
    expect(events).toEqual([
      {
        subject_type: "person",
        subject_id: pat.id,
        cohort_id: world.cohortA.id,
        actor_person_id: world.people.coordinator.id,
        details: JSON.stringify({ from: world.government.name, to: world.industry.name }),
      },
    ]);
  });
});

describe("the full personal-data export", () => {
  it("is for the person themself and administrators, never a coordinator", async () => {
    const pat = world.people.participant.id;
    const before = await db.selectFrom("audit_events").selectAll().execute();
    expect(await run(db, coordinator, exportPersonData, { personId: pat })).toMatchObject({
      ok: false,
      forbidden: expect.any(String),
    });
    expect(await db.selectFrom("audit_events").selectAll().execute()).toEqual(before);
    expect(await run(db, admin, exportPersonData, { personId: pat })).toMatchObject({ ok: true });
    expect(
      await run(db, { personId: pat, address: null }, exportPersonData, { personId: pat }),
    ).toMatchObject({ ok: true });
  });
});

describe("conflicts of interest", () => {
  it("stay decided by the organisation a leader represented in the cohort after their profile moves", async () => {
    const pc = await makePitchDayCohort(db, world.programme.id, "Moved");
    const event = await inTransaction(db, async (tx) => {
      const created = await createPitchEvent(tx, pc.cohort.id, PITCH_DAY);
      await replaceSlots(
        tx,
        created.id,
        pc.teams.map((t) => t.id),
        null,
      );
      return created;
    });
    await db
      .insertInto("panel_members")
      .values(
        pc.leaders.map((l) => ({ event_id: event.id, person_id: l.id, created_at: "2027-01-01T00:00:00Z" })),
      )
      .execute();
    const conflictsOf = async () =>
      (await pitchDayPanel(db, pc.cohort.id, event.id)).conflicts.map((c) => [c.leaderId, c.teamId]);
    const leader3 = pc.leaders[2]!;
    expect(await conflictsOf()).toEqual([[leader3.id, pc.teams[0]!.id]]);
    // An administrator moves leader 3 to another organisation through cohort B's import.
    const elsewhere = await makeOrganisation(db, "industry", "Elsewhere Ltd");
    const moved = await run(db, admin, importNominations, {
      cohortId: world.cohortB.id,
      rows: rows(`Moved Leader 3,moved.leader3@example.test,Elsewhere Ltd,industry,leader,`),
      create: [],
      regions: [],
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await profile(leader3.id)).toMatchObject({ organisation_id: elsewhere.id });
    expect(await conflictsOf()).toEqual([[leader3.id, pc.teams[0]!.id]]);
  });

  it("pair mentors by the organisation they represented in the cohort after their profile moves", async () => {
    const cohort = await makeCohort(db, world.programme.id, { name: "Pairing" });
    const kestrel = await makeOrganisation(db, "industry", "Kestrel Ltd");
    const pennine = await makeOrganisation(db, "industry", "Pennine Ltd");
    const revenue = await makeOrganisation(db, "government", "Revenue Department");
    const member = await makeMember(db, cohort.id, "participant", { organisationId: kestrel.id });
    const mentor = await makeMember(db, cohort.id, "mentor", {
      email: "kestrel.mentor@example.test",
      organisationId: kestrel.id,
    });
    await makeMember(db, cohort.id, "mentor", { organisationId: revenue.id });
    const at = "2027-01-01T00:00:00Z";
    const team = await db
      .insertInto("teams")
      .values({ cohort_id: cohort.id, number: 1, name: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("team_members")
      .values({ team_id: team.id, cohort_id: cohort.id, person_id: member.id })
      .execute();
    expect((await mentorPairingProposal(db, cohort.id)).pairing.conflicts).toBe(1);
    const moved = await run(db, admin, importNominations, {
      cohortId: world.cohortB.id,
      rows: rows(`Kestrel Mentor,kestrel.mentor@example.test,Pennine Ltd,industry,mentor,`),
      create: [],
      regions: [],
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await profile(mentor.id)).toMatchObject({ organisation_id: pennine.id });
    expect((await mentorPairingProposal(db, cohort.id)).pairing.conflicts).toBe(1);
  });
});
