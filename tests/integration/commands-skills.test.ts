// The skills questionnaire's commands write their audit event in the same transaction, and nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run, SYSTEM } from "~/commands/runner.server";
import {
  answerSkillsQuestionnaire,
  openSkillsQuestionnaire,
  saveSkillsQuestions,
} from "~/commands/skills.server";
import { listPhases, listQuestions } from "~/models/skills.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
});
afterEach(async () => {
  await db.destroy();
});

const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).select(["cohort_id", "details"]).execute();

describe("opening the skills questionnaire", () => {
  it("opens a phase with the default questions and its audit event, and refuses a stale form with neither", async () => {
    const cohortId = world.cohortA.id;
    const open = {
      intent: "open" as const,
      cohortId,
      phase: "start" as const,
      deadline: "2099-03-01",
      version: 0,
    };
    expect(await run(db, SYSTEM, openSkillsQuestionnaire, open)).toEqual({ ok: true });
    expect(await events("skills.opened")).toEqual([
      { cohort_id: cohortId, details: JSON.stringify({ phase: "start", deadline: "2099-03-01" }) },
    ]);
    expect(await listQuestions(db, cohortId)).toHaveLength(9);

    const stale = await run(db, SYSTEM, openSkillsQuestionnaire, { ...open, deadline: "2099-04-01" });
    expect(stale).toMatchObject({ ok: false, conflict: expect.stringMatching(/^Someone else changed/) });
    expect((await listPhases(db, cohortId)).start).toMatchObject({ deadline: "2099-03-01", version: 1 });
    expect(await events("skills.deadline_moved")).toEqual([]);

    const moved = await run(db, SYSTEM, openSkillsQuestionnaire, {
      ...open,
      deadline: "2099-04-01",
      version: 1,
    });
    expect(moved).toEqual({ ok: true });
    expect(await events("skills.deadline_moved")).toHaveLength(1);
  });

  it("refuses new questions once the questionnaire has opened, and records nothing", async () => {
    const cohortId = world.cohortA.id;
    const save = { intent: "questions" as const, cohortId, questions: ["One", "Two"] };
    expect(await run(db, SYSTEM, saveSkillsQuestions, save)).toEqual({ ok: true });
    expect(await events("skills.questions_saved")).toHaveLength(1);
    await run(db, SYSTEM, openSkillsQuestionnaire, {
      intent: "open",
      cohortId,
      phase: "start",
      deadline: "2099-03-01",
      version: 0,
    });
    const refused = await run(db, SYSTEM, saveSkillsQuestions, { ...save, questions: ["Three"] });
    expect(refused).toEqual({
      ok: false,
      invalid: { questions: ["The questionnaire has opened, so its questions can no longer change"] },
    });
    expect((await listQuestions(db, cohortId)).map((q) => q.text)).toEqual(["One", "Two"]);
    expect(await events("skills.questions_saved")).toHaveLength(1);
  });

  it("takes answers while a phase is open and refuses them after its deadline", async () => {
    const cohortId = world.cohortA.id;
    const personId = world.people.participant.id;
    await run(db, SYSTEM, openSkillsQuestionnaire, {
      intent: "open",
      cohortId,
      phase: "start",
      deadline: "2099-03-01",
      version: 0,
    });
    const answers = (await listQuestions(db, cohortId)).map((q) => ({ questionId: q.id, confidence: 3 }));
    const actor = { personId, address: "203.0.113.9" };
    const input = { cohortId, personId, phase: "start" as const, answers };
    expect(await run(db, actor, answerSkillsQuestionnaire, input)).toEqual({ ok: true });
    await db.updateTable("skills_phases").set({ deadline: "2020-01-01" }).execute();
    const late = await run(db, actor, answerSkillsQuestionnaire, {
      ...input,
      answers: answers.map((a) => ({ ...a, confidence: 5 })),
    });
    expect(late).toMatchObject({ ok: false, invalid: { "": [expect.stringContaining("has passed")] } });
    const saved = await db.selectFrom("skills_answers").select("confidence").execute();
    expect(saved.map((a) => a.confidence)).toEqual(answers.map(() => 3));
    expect(await events("skills.answered")).toHaveLength(1);
  });
});
