// Anonymisation past the retention period runs by itself: the server's daily job (server/jobs.ts) anonymises the
// people due and records the run; of several processes only one does a day's run; an operator's run is recorded too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anonymiseDuePeople } from "~/commands/retention.server";
import { todayInLondon } from "~/domain/calendar";
import type { Db } from "../../db/connection";
import { scheduleJobs } from "../../server/jobs";
import { memoryDb } from "../setup/db";
import { makeCohort, makeMember, makeProgramme } from "../setup/factories";

let db: Db;
let oldIds: number[];
let currentId: number;
const saved = { reminders: process.env.REMINDERS_EVERY_MS, retention: process.env.RETENTION_EVERY_MS };

// The settings are read from process.env itself (app/utils/env.server.ts keeps a reference to it): set keys only.
function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeEach(async () => {
  db = await memoryDb();
  const programme = await makeProgramme(db, "Retention programme");
  const old = await makeCohort(db, programme.id, { name: "2022", startDate: "2022-01-03" });
  const current = await makeCohort(db, programme.id, { name: "Next", startDate: "2027-01-04" });
  oldIds = [
    (await makeMember(db, old.id, "participant", { name: "Olive Old" })).id,
    (await makeMember(db, old.id, "mentor", { name: "Otto Old" })).id,
  ];
  currentId = (await makeMember(db, current.id, "participant", { name: "Cara Current" })).id;
  process.env.REMINDERS_EVERY_MS = "0";
  delete process.env.RETENTION_EVERY_MS;
});
afterEach(async () => {
  restore("REMINDERS_EVERY_MS", saved.reminders);
  restore("RETENTION_EVERY_MS", saved.retention);
  await db.destroy();
});

const names = async () =>
  Object.fromEntries(
    (await db.selectFrom("people").select(["id", "name"]).execute()).map((p) => [p.id, p.name] as const),
  );
const runs = () => db.selectFrom("job_runs").selectAll().orderBy("id").execute();

describe("the daily retention job", () => {
  it("anonymises the people due, records the run, and does a day's run once across processes", async () => {
    const first = scheduleJobs(db);
    const second = scheduleJobs(db);
    try {
      await Promise.all([first.runNow("retention"), second.runNow("retention")]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const after = await names();
    for (const id of oldIds) expect(after[id]).toBe(`Anonymised person ${id}`);
    expect(after[currentId]).toBe("Cara Current");
    const recorded = await runs();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ name: "retention", scheduled_day: todayInLondon() });
    expect(recorded[0]!.finished_at).not.toBeNull();
    expect(JSON.parse(recorded[0]!.outcome!)).toEqual({ due: 2, anonymised: 2 });
    const audit = await db
      .selectFrom("audit_events")
      .where("action", "=", "person.anonymised")
      .select(["subject_id", "details"])
      .orderBy("subject_id")
      .execute();
    expect(audit.map((a) => a.subject_id)).toEqual(oldIds);
    expect(audit[0]!.details).toContain("scheduler");
  });

  it("does nothing again the same day; an operator's run still runs and is recorded", async () => {
    expect(await anonymiseDuePeople(db, { scheduled: true })).toEqual({ due: 2, anonymised: 2 });
    expect(await anonymiseDuePeople(db, { scheduled: true })).toBeNull();
    expect(await anonymiseDuePeople(db, { scheduled: false })).toEqual({ due: 0, anonymised: 0 });
    const recorded = await runs();
    expect(recorded.map((r) => r.scheduled_day)).toEqual([todayInLondon(), null]);
  });

  it("is off with RETENTION_EVERY_MS=0", async () => {
    process.env.RETENTION_EVERY_MS = "0";
    const jobs = scheduleJobs(db);
    await expect(jobs.runNow("retention")).rejects.toThrow("No job called retention");
    await jobs.stop();
    expect(await runs()).toEqual([]);
  });
});
