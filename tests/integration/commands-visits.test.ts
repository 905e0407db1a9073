// The visit commands against a real database: each writes its audit event in its own transaction, and a refused
// command (a stale form, a rule broken) writes nothing at all.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Actor, run } from "~/commands/runner.server";
import {
  cancelVisit,
  changeVisitSettings,
  confirmVisits,
  editVisit,
  planVisits,
  recordVisitAttendance,
} from "~/commands/visits.server";
import { getCohort } from "~/models/programme.server";
import { getVisit, listVisits } from "~/models/visit.server";
import type { Db } from "../../db/connection";
import { cohortSetupWorld } from "../setup/cohort-setup";
import { memoryDb } from "../setup/db";
import { makeMember, makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World & Awaited<ReturnType<typeof cohortSetupWorld>>;
let actor: Actor;

beforeEach(async () => {
  db = await memoryDb();
  const made = await makeWorld(db);
  world = { ...made, ...(await cohortSetupWorld(db, made)) };
  actor = { personId: made.people.coordinator.id, address: "203.0.113.9" };
});
afterEach(async () => {
  await db.destroy();
});

const auditRows = () =>
  db
    .selectFrom("audit_events")
    .select(["action", "actor_person_id", "address", "subject_id", "details"])
    .execute();
const cohort = async () => (await getCohort(db, world.cohortA.id))!;
const visit = async () => (await getVisit(db, world.cohortA.id, world.visitId))!;
/** Moves the visit into the past: attendance is recorded only at a visit that has started. */
const heldVisit = () =>
  db.updateTable("visits").set({ date: "2026-11-18" }).where("id", "=", world.visitId).execute();

const details = {
  date: "2027-02-03",
  startTime: "09:30",
  endTime: "15:30",
  address: null,
  agenda: "A tour of the office",
  contactName: "Hana Host",
  contactEmail: "hana.host@example.test",
};

describe("editing a visit", () => {
  it("moves the visit and records who moved it, in the same transaction", async () => {
    const v = await visit();
    const outcome = await run(db, actor, editVisit, {
      ...details,
      version: v.version,
      cohort: await cohort(),
      visit: v,
    });
    expect(outcome).toEqual({ ok: true, moved: true });
    expect(await visit()).toMatchObject({ date: "2027-02-03", start_time: "09:30", sequence: 1 });
    const [event] = await auditRows();
    expect(event).toMatchObject({
      action: "visit.moved",
      actor_person_id: world.people.coordinator.id,
      address: "203.0.113.9",
      subject_id: world.visitId,
    });
    expect(JSON.parse(event!.details)).toEqual({
      host: v.host_name,
      from: "2027-01-20",
      to: "2027-02-03",
      startTime: "09:30",
      endTime: "15:30",
    });
  });

  it("writes nothing when the form is stale or the date is a bank holiday where the host is", async () => {
    const v = await visit();
    const c = await cohort();
    const stale = await run(db, actor, editVisit, {
      ...details,
      version: v.version - 1,
      cohort: c,
      visit: v,
    });
    expect(stale).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed this visit/),
    });
    const holiday = await run(db, actor, editVisit, {
      ...details,
      date: "2027-03-29",
      version: v.version,
      cohort: c,
      visit: v,
    });
    expect(holiday).toMatchObject({ ok: false, invalid: { date: [expect.stringMatching(/bank holiday/)] } });
    expect(await visit()).toEqual(v);
    expect(await auditRows()).toEqual([]);
  });
});

describe("the other visit commands", () => {
  it("cancels once: a second cancel from the same form is a conflict and writes nothing", async () => {
    const v = await visit();
    const input = { reason: "Office move", version: v.version, cohortId: world.cohortA.id, visit: v };
    expect(await run(db, actor, cancelVisit, input)).toEqual({ ok: true });
    expect(await run(db, actor, cancelVisit, input)).toMatchObject({
      ok: false,
      conflict: expect.any(String),
    });
    const cancelled = await visit();
    expect(
      await run(db, actor, cancelVisit, { ...input, version: cancelled.version, visit: cancelled }),
    ).toMatchObject({ ok: false, invalid: { reason: ["This visit is already cancelled"] } });
    expect((await auditRows()).map((e) => e.action)).toEqual(["visit.cancelled"]);
  });

  it("records attendance only for the cohort's participants, and nothing when none is given", async () => {
    await heldVisit();
    const v = await visit();
    const base = { cohortId: world.cohortA.id, visit: v };
    const outsider = { personId: world.otherParticipant.id, status: "attended" as const };
    expect(await run(db, actor, recordVisitAttendance, { ...base, attendance: [outsider] })).toMatchObject({
      ok: false,
      invalid: { "attendance[0].status": ["Record at least one participant's attendance"] },
    });
    expect(await auditRows()).toEqual([]);
    const saved = await run(db, actor, recordVisitAttendance, {
      ...base,
      attendance: [outsider, { personId: world.people.participant.id, status: "apologies" }],
    });
    expect(saved).toEqual({ ok: true, recorded: 1 });
    const rows = await db.selectFrom("attendance").select(["person_id", "status", "recorded_by"]).execute();
    expect(rows).toEqual([
      {
        person_id: world.people.participant.id,
        status: "apologies",
        recorded_by: world.people.coordinator.id,
      },
    ]);
    const [event] = await auditRows();
    expect(JSON.parse(event!.details)).toEqual({ host: v.host_name, attended: 0, apologies: 1, absent: 0 });
  });

  it("records no attendance before the visit starts, saying when it can be recorded", async () => {
    // The visit is on Wednesday 20 January 2027 from 10am, after the tests run.
    const v = await visit();
    const outcome = await run(db, actor, recordVisitAttendance, {
      cohortId: world.cohortA.id,
      visit: v,
      attendance: [{ personId: world.people.participant.id, status: "attended" }],
    });
    expect(outcome).toEqual({
      ok: false,
      invalid: {
        "attendance[0].status": [
          "This visit has not started yet. You can record attendance from 10am on Wednesday 20 January 2027, when the visit starts.",
        ],
      },
    });
    expect(await db.selectFrom("attendance").selectAll().execute()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it("records no attendance for a participant whose line manager declined their release", async () => {
    await heldVisit();
    const declined = await makeMember(db, world.cohortA.id, "participant", { name: "Dara Declined" });
    await db
      .updateTable("memberships")
      .set({ release_status: "declined" })
      .where("person_id", "=", declined.id)
      .execute();
    const outcome = await run(db, actor, recordVisitAttendance, {
      cohortId: world.cohortA.id,
      visit: await visit(),
      attendance: [
        { personId: world.people.participant.id, status: "attended" },
        { personId: declined.id, status: "attended" },
      ],
    });
    expect(outcome).toEqual({
      ok: false,
      invalid: {
        "attendance[1].status": [
          "Dara Declined’s line manager declined their release, so their attendance cannot be recorded",
        ],
      },
    });
    expect(await db.selectFrom("attendance").selectAll().execute()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it("plans the hosts without a visit, then confirms every planned visit", async () => {
    await db.deleteFrom("visits").execute();
    expect(await run(db, actor, planVisits, { cohort: await cohort() })).toEqual({ ok: true, planned: 1 });
    expect(await run(db, actor, planVisits, { cohort: await cohort() })).toMatchObject({
      ok: false,
      invalid: { rota: ["Every host already has a visit"] },
    });
    expect(await run(db, actor, confirmVisits, { cohortId: world.cohortA.id })).toEqual({
      ok: true,
      confirmed: 1,
    });
    expect(await run(db, actor, confirmVisits, { cohortId: world.cohortA.id })).toEqual({
      ok: true,
      confirmed: 0,
    });
    expect((await listVisits(db, world.cohortA.id)).map((v) => v.status)).toEqual(["confirmed"]);
    expect((await auditRows()).map((e) => e.action)).toEqual(["visits.planned", "visits.confirmed"]);
  });

  it("saves the visit day and times against the cohort's version", async () => {
    const c = await cohort();
    const settings = { weekday: 3, startTime: "09:00", endTime: "15:00", cohortId: c.id };
    expect(await run(db, actor, changeVisitSettings, { ...settings, version: c.version })).toEqual({
      ok: true,
    });
    expect(await run(db, actor, changeVisitSettings, { ...settings, version: c.version })).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/visit day and times/),
    });
    expect(await cohort()).toMatchObject({
      visit_weekday: 3,
      visit_start_time: "09:00",
      version: c.version + 1,
    });
    expect((await auditRows()).map((e) => e.action)).toEqual(["cohort.visit_settings_updated"]);
  });
});
