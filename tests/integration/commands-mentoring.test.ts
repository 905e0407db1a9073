// The mentoring commands through the runner: each writes its audit event in its own transaction, and a refused
// change (a stale session form) writes nothing at all.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeSession, logSession } from "~/commands/mentoring.server";
import { run } from "~/commands/runner.server";
import { getSession } from "~/models/mentoring.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams } from "../setup/mentoring";

let db: Db;
let world: World;
let m: MentoringWorld;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  m = await makeMentoringTeams(db, world);
});
afterEach(async () => {
  await db.destroy();
});

const form = () => ({
  date: "2026-11-02",
  duration: 30,
  format: "phone" as const,
  summary: "Chose a problem",
  followUp: null,
  attendees: [{ personId: world.people.participant.id, role: "member" as const }],
  actions: [
    { id: null, ownerId: world.people.participant.id, text: "Read the reports", dueDate: "2026-11-09" },
  ],
});
const mentor = () => ({ personId: world.people.mentor.id, address: "203.0.113.9" });
const team = () => ({ id: m.team1, number: 1, cohortId: world.cohortA.id });
const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).selectAll().execute();

describe("mentoring commands", () => {
  it("logs a session with its audit event, by the mentor and from their address", async () => {
    const logged = await run(db, mentor(), logSession, { ...form(), privateNote: "Quiet one", team: team() });
    expect(logged).toMatchObject({ ok: true, actions: 1 });
    if (!logged.ok) return;
    const [event] = await events("mentoring.session_logged");
    expect(event).toMatchObject({
      subject_id: logged.sessionId,
      cohort_id: world.cohortA.id,
      actor_person_id: world.people.mentor.id,
      address: "203.0.113.9",
    });
    expect(JSON.parse(event!.details!)).toEqual({
      team: 1,
      date: "2026-11-02",
      minutes: 30,
      attendees: 1,
      actions: 1,
    });
  });

  it("refuses a change from a stale form and writes neither the change nor an audit event", async () => {
    const session = (await getSession(db, m.team1, m.session1))!;
    const change = { ...form(), version: session.version, team: team(), session };
    expect(await run(db, mentor(), changeSession, change)).toEqual({ ok: true });
    const stale = await run(db, mentor(), changeSession, { ...change, duration: 90 });
    expect(stale).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed this session/),
    });
    const saved = (await getSession(db, m.team1, m.session1))!;
    expect(saved).toMatchObject({ duration_minutes: 30, version: session.version + 1 });
    expect(await events("mentoring.session_changed")).toHaveLength(1);
  });
});
