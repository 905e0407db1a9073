// The pitch-day commands: each writes its change and its audit event in one transaction, and a refused command
// (a stale version, or a rule broken) writes neither.
import { beforeEach, describe, expect, it } from "vitest";
import { editRubric, savePitchDayDetails, saveScoringSheet } from "~/commands/pitch-day.server";
import { run } from "~/commands/runner.server";
import { getPitchEvent, listRubric } from "~/models/pitch.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, makeWorldPitchDay, PITCH_DAY, type World } from "../setup/factories";

let db: Db;
let world: World;

beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
});

const actor = () => ({ personId: world.people.coordinator.id, address: "127.0.0.1" });
const auditActions = async () =>
  (await db.selectFrom("audit_events").select("action").orderBy("id").execute()).map((e) => e.action);

describe("savePitchDayDetails", () => {
  it("sets up the pitch day and records it in the same transaction", async () => {
    const outcome = await run(db, actor(), savePitchDayDetails, {
      ...PITCH_DAY,
      cohortId: world.cohortA.id,
      version: 0,
    });
    expect(outcome.ok).toBe(true);
    const event = await getPitchEvent(db, world.cohortA.id);
    expect(event?.date).toBe(PITCH_DAY.date);
    expect((await listRubric(db, event!.id)).length).toBe(5);
    const audit = await db.selectFrom("audit_events").selectAll().executeTakeFirstOrThrow();
    expect(audit.action).toBe("pitch_day.created");
    expect(audit.subject_id).toBe(event!.id);
    expect(JSON.parse(audit.details)).toMatchObject({ date: PITCH_DAY.date, startTime: PITCH_DAY.startTime });
  });

  it("refuses details drawn from a stale version with the standard sentence, changing nothing", async () => {
    await run(db, actor(), savePitchDayDetails, { ...PITCH_DAY, cohortId: world.cohortA.id, version: 0 });
    const before = await getPitchEvent(db, world.cohortA.id);
    const outcome = await run(db, actor(), savePitchDayDetails, {
      ...PITCH_DAY,
      venue: "Somewhere else",
      cohortId: world.cohortA.id,
      version: before!.version - 1,
    });
    expect(outcome).toEqual({
      ok: false,
      conflict:
        "Someone else changed the pitch day details while you were working on it. Your changes are kept below: check them and save again.",
    });
    expect(await getPitchEvent(db, world.cohortA.id)).toEqual(before);
    expect(await auditActions()).toEqual(["pitch_day.created"]);
  });
});

describe("editRubric", () => {
  it("refuses a change once scoring has opened, and rolls back its version claim", async () => {
    const { eventId } = await makeWorldPitchDay(db, world);
    const before = await getPitchEvent(db, world.cohortA.id);
    const rubric = await listRubric(db, eventId);
    const outcome = await run(db, actor(), editRubric, {
      cohortId: world.cohortA.id,
      eventId,
      version: before!.version,
      criteria: rubric.map((c) => ({ ...c, weight: 1 })),
    });
    expect(outcome.ok).toBe(false);
    expect("invalid" in outcome && outcome.invalid.criteria?.[0]).toMatch(
      /cannot change after scoring has opened/,
    );
    expect(await getPitchEvent(db, world.cohortA.id)).toEqual(before);
    expect(await listRubric(db, eventId)).toEqual(rubric);
    expect(await auditActions()).toEqual([]);
  });
});

describe("saveScoringSheet", () => {
  it("submits a leader's sheet with its audit event, and refuses a stale second copy", async () => {
    const { eventId, teamId } = await makeWorldPitchDay(db, world);
    const rubric = await listRubric(db, eventId);
    const sheet = {
      cohortId: world.cohortA.id,
      eventId,
      personId: world.people.leader.id,
      teamId,
      intent: "submit" as const,
      version: 0,
      workedWell: "A clear problem",
      couldBeBetter: null,
      scores: new Map(rubric.map((c) => [c.id, 3])),
    };
    const leader = { personId: world.people.leader.id, address: null };
    expect(await run(db, leader, saveScoringSheet, sheet)).toMatchObject({ ok: true, status: "submitted" });
    expect(await auditActions()).toEqual(["pitch_day.sheet_submitted"]);
    const stale = await run(db, leader, saveScoringSheet, { ...sheet, workedWell: "Second tab" });
    expect(stale).toMatchObject({ ok: false, conflict: expect.stringContaining("your sheet for this team") });
    const saved = await db.selectFrom("scoring_sheets").selectAll().execute();
    expect(saved.map((s) => [s.worked_well, s.version])).toEqual([["A clear problem", 1]]);
    expect(await auditActions()).toEqual(["pitch_day.sheet_submitted"]);
  });

  it("forbids a sheet from someone not on the panel, saving nothing", async () => {
    const { eventId, teamId } = await makeWorldPitchDay(db, world);
    const rubric = await listRubric(db, eventId);
    const mentor = world.people.mentor.id;
    const outcome = await run(db, { personId: mentor, address: null }, saveScoringSheet, {
      cohortId: world.cohortA.id,
      eventId,
      personId: mentor,
      teamId,
      intent: "submit",
      version: 0,
      workedWell: "Not mine to score",
      couldBeBetter: null,
      scores: new Map(rubric.map((c) => [c.id, 5])),
    });
    expect(outcome).toEqual({
      ok: false,
      forbidden: "You are not on the panel for this pitch day, so you cannot score its teams.",
    });
    expect(await db.selectFrom("scoring_sheets").selectAll().execute()).toEqual([]);
    expect(await auditActions()).toEqual([]);
  });
});
