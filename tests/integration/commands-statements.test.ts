// The problem statement commands through the runner: the audit event is written with the change, and a refused
// submission (empty fields, or a version saved meanwhile) writes nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "~/commands/runner.server";
import { saveStatementDraft, submitStatementForReview } from "~/commands/statements.server";
import { getStatement } from "~/models/problem-statement.server";
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

const participant = () => ({ personId: world.people.participant.id, address: "203.0.113.9" });
const team = () => ({ id: m.team1, number: 1, cohortId: world.cohortA.id });
const text = (title: string, extra = {}) => ({
  title,
  category: "policy" as const,
  department: "Ministry of Justice",
  problem: "Prison leavers lose their ID",
  affected: "Prison leavers",
  evidence: "Probation reports",
  approach: "Issue ID before release",
  success_measures: "Share of leavers with ID",
  ...extra,
});
const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).selectAll().execute();

describe("problem statement commands", () => {
  it("saves a draft with its audit event, and refuses one built on an old version", async () => {
    const saved = await run(db, participant(), saveStatementDraft, {
      team: team(),
      baseVersion: 1,
      text: text("Second"),
    });
    expect(saved).toEqual({ ok: true, number: 2 });
    const refused = await run(db, participant(), saveStatementDraft, {
      team: team(),
      baseVersion: 1,
      text: text("Stale"),
    });
    expect(refused).toMatchObject({ ok: false, conflict: expect.stringMatching(/saved version 2/) });
    expect((await getStatement(db, m.team1))?.current?.title).toBe("Second");
    const written = await events("statement.saved");
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ subject_id: m.team1, actor_person_id: world.people.participant.id });
  });

  it("refuses a draft saved after the statement was submitted, saying so, and writes nothing", async () => {
    await run(db, participant(), submitStatementForReview, { team: team(), version: 1 });
    const refused = await run(db, participant(), saveStatementDraft, {
      team: team(),
      baseVersion: 1,
      text: text("Too late"),
    });
    expect(refused).toEqual({
      ok: false,
      conflict: "The statement was submitted while you were editing: your text is below, copy what you need",
    });
    const statement = await getStatement(db, m.team1);
    expect(statement?.status).toBe("submitted");
    expect(statement?.current?.title).not.toBe("Too late");
    expect(await events("statement.saved")).toHaveLength(0);
  });

  it("refuses to submit a statement with empty fields, naming each, and writes nothing", async () => {
    await run(db, participant(), saveStatementDraft, {
      team: team(),
      baseVersion: 1,
      text: text("Gaps", { evidence: "" }),
    });
    const refused = await run(db, participant(), submitStatementForReview, { team: team(), version: 2 });
    expect(refused).toEqual({
      ok: false,
      invalid: { "statement-evidence": ["Evidence is empty: fill it in before submitting"] },
    });
    expect((await getStatement(db, m.team1))?.status).toBe("draft");
    expect(await events("statement.submitted")).toHaveLength(0);
    const stale = await run(db, participant(), submitStatementForReview, { team: team(), version: 1 });
    expect(stale).toMatchObject({ ok: false, invalid: { "statement-evidence": expect.any(Array) } });
  });

  it("submits the latest version with its audit event in the same transaction", async () => {
    expect(await run(db, participant(), submitStatementForReview, { team: team(), version: 1 })).toEqual({
      ok: true,
    });
    const [event] = await events("statement.submitted");
    expect(JSON.parse(event!.details!)).toEqual({ version: 1, team: 1 });
    expect(await run(db, participant(), submitStatementForReview, { team: team(), version: 1 })).toEqual({
      ok: false,
      invalid: { submit: ["The statement has already been submitted"] },
    });
    expect(await events("statement.submitted")).toHaveLength(1);
  });
});
