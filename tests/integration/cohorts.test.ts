import { Migrator, NO_MIGRATIONS } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editCohort } from "~/commands/cohorts.server";
import { invitePerson } from "~/commands/invitations.server";
import { run, SYSTEM } from "~/commands/runner.server";
import type { InviteInput } from "~/forms/people";
import { checkOneTimeLink } from "~/models/account.server";
import { mayIssueLinkFor } from "~/models/person.server";
import {
  countCohortProgress,
  getCohort,
  listCohortMembers,
  listCohortsOfPerson,
  listProgrammes,
  updateCohort,
} from "~/models/programme.server";
import type { Db } from "../../db/connection";
import { migrations } from "../../db/migrations/index";
import { memoryDb } from "../setup/db";
import { makeMember, makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
});
afterEach(async () => {
  await db.destroy();
});

const edit = {
  name: "Cohort A",
  startDate: "2027-01-11",
  weeks: 14,
  teamCount: 7,
  status: "running" as const,
};

describe("editing a cohort", () => {
  it("refuses a save based on an old version, so nobody overwrites another's change unseen", async () => {
    const cohort = (await getCohort(db, world.cohortA.id))!;
    const input = { ...edit, version: cohort.version, cohort };
    expect(await run(db, SYSTEM, editCohort, input)).toEqual({ ok: true });
    const stale = await run(db, SYSTEM, editCohort, { ...input, weeks: 10 });
    expect(stale).toMatchObject({ ok: false, conflict: expect.stringMatching(/^Someone else changed/) });
    const saved = await getCohort(db, world.cohortA.id);
    expect(saved).toMatchObject({ weeks: 14, team_count: 7, version: cohort.version + 1 });
  });

  it("writes the audit event in the same transaction, and none when the save is refused", async () => {
    const cohort = (await getCohort(db, world.cohortA.id))!;
    await run(db, { personId: null, address: "203.0.113.9" }, editCohort, {
      ...edit,
      version: cohort.version,
      cohort,
    });
    await run(db, SYSTEM, editCohort, { ...edit, version: cohort.version, cohort });
    const events = await db
      .selectFrom("audit_events")
      .where("action", "=", "cohort.updated")
      .selectAll()
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject_id: cohort.id, cohort_id: cohort.id, address: "203.0.113.9" });
  });

  it("refuses numbers outside the allowed range even if a caller skips validation", async () => {
    await expect(
      db.transaction().execute((tx) => updateCohort(tx, world.cohortA.id, { ...edit, weeks: 53 })),
    ).rejects.toThrow(/CHECK|check constraint/);
  });
});

describe("memberships", () => {
  it("lists a person's cohorts with each of their roles", async () => {
    await makeMember(db, world.cohortB.id, "mentor", { email: "two-roles@example.test" });
    const person = await db
      .selectFrom("people")
      .where("email_key", "=", "two-roles@example.test")
      .select("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("memberships")
      .values({
        cohort_id: world.cohortA.id,
        person_id: person.id,
        role: "participant",
        created_at: new Date().toISOString(),
      })
      .execute();
    const cohorts = await listCohortsOfPerson(db, person.id);
    expect(cohorts.map((c) => [c.name, c.roles]).sort()).toEqual([
      ["Cohort A", ["participant"]],
      ["Cohort B", ["mentor"]],
    ]);
  });

  it("counts participants and people who have not set a password", async () => {
    await makeMember(db, world.cohortA.id, "participant", { active: false });
    const progress = await countCohortProgress(db, [world.cohortA.id, world.cohortB.id]);
    expect(progress.get(world.cohortA.id)).toEqual({ participants: 2, pending: 1 });
    expect(progress.get(world.cohortB.id)).toEqual({ participants: 1, pending: 0 });
  });

  it("lists programmes with their cohorts in one query", async () => {
    const programmes = await listProgrammes(db);
    expect(programmes).toHaveLength(1);
    expect(programmes[0]?.cohorts.map((c) => c.name).sort()).toEqual(["Cohort A", "Cohort B"]);
  });
});

describe("inviting a person", () => {
  const invite = (input: Omit<InviteInput, "jobTitle" | "profession"> & Partial<InviteInput>) =>
    run(db, { personId: world.people.coordinator.id, address: "127.0.0.1" }, invitePerson, {
      jobTitle: null,
      profession: null,
      ...input,
      cohortId: world.cohortA.id,
      appointer: { personId: world.people.coordinator.id, isAdmin: false },
    });

  it("creates the person, the membership, a link and the audit entries in one go", async () => {
    const outcome = await invite({
      name: "Priya Shah",
      email: "Priya.Shah@HMRC.example",
      role: "participant",
      organisationId: world.government.id,
      profession: "Data",
    });
    if (!outcome.ok || !outcome.link?.token) throw new Error("expected a link");
    expect((await checkOneTimeLink(db, outcome.link.token)).state).toBe("valid");
    const members = await listCohortMembers(db, world.cohortA.id);
    expect(members.find((m) => m.email === "Priya.Shah@HMRC.example")).toMatchObject({
      role: "participant",
      profession: "Data",
    });
    const actions = await db
      .selectFrom("audit_events")
      .where("subject_id", "=", outcome.personId)
      .select("action")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["role.granted", "invitation.created"]);
  });

  it("matches an existing person by email in any case and gives no link when they have a password", async () => {
    const outcome = await invite({
      name: "Someone Else",
      email: "OTHER-participant@example.test",
      role: "mentor",
      organisationId: null,
    });
    expect(outcome).toMatchObject({
      ok: true,
      personId: world.otherParticipant.id,
      name: "Opal Other",
      link: null,
    });
  });

  it("says so when the person already has that role", async () => {
    const outcome = await invite({
      name: "Pat",
      email: "participant@example.test",
      role: "participant",
      organisationId: null,
    });
    expect(outcome).toEqual({
      ok: false,
      invalid: { email: ["Pat Participant is already a participant in this cohort"] },
    });
  });
});

describe("who may issue a set-password link", () => {
  it("lets a coordinator reset only people whose every cohort they coordinate", async () => {
    const coordinator = { personId: world.people.coordinator.id, isAdmin: false };
    expect(await mayIssueLinkFor(db, coordinator, world.people.participant.id)).toBe(true);
    expect(await mayIssueLinkFor(db, coordinator, world.otherParticipant.id)).toBe(false);
    await db
      .insertInto("memberships")
      .values({
        cohort_id: world.cohortA.id,
        person_id: world.otherParticipant.id,
        role: "participant",
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await mayIssueLinkFor(db, coordinator, world.otherParticipant.id)).toBe(false);
  });

  it("never lets a coordinator reset an administrator, and lets administrators reset others", async () => {
    await db
      .insertInto("memberships")
      .values({
        cohort_id: world.cohortA.id,
        person_id: world.people.admin.id,
        role: "mentor",
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(
      await mayIssueLinkFor(
        db,
        { personId: world.people.coordinator.id, isAdmin: false },
        world.people.admin.id,
      ),
    ).toBe(false);
    expect(
      await mayIssueLinkFor(
        db,
        { personId: world.people.admin.id, isAdmin: true },
        world.otherParticipant.id,
      ),
    ).toBe(true);
  });
});

describe("migrations", () => {
  it("roll all the way down and up again", async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual([]);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
  });
});
