// The skills self-assessment: a cohort's questions, its start and end phases, and participants' answers.

import { DEFAULT_SKILLS_QUESTIONS, type PhaseWindow } from "~/domain/skills";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { SkillsPhase } from "../../db/types";

export async function listQuestions(db: Db, cohortId: number) {
  return db
    .selectFrom("skills_questions")
    .where("cohort_id", "=", cohortId)
    .select(["id", "position", "text"])
    .orderBy("position")
    .execute();
}

export type PhaseRow = { openedAt: string; deadline: string; version: number };

export async function listPhases(db: Db, cohortId: number): Promise<Record<SkillsPhase, PhaseRow | null>> {
  const rows = await db
    .selectFrom("skills_phases")
    .where("cohort_id", "=", cohortId)
    .select(["phase", "opened_at", "deadline", "version"])
    .execute();
  const find = (phase: SkillsPhase) => {
    const row = rows.find((r) => r.phase === phase);
    return row ? { openedAt: row.opened_at, deadline: row.deadline, version: row.version } : null;
  };
  return { start: find("start"), end: find("end") };
}

export function phaseWindow(row: PhaseRow | null): PhaseWindow {
  return row ? { openedAt: row.openedAt, deadline: row.deadline } : null;
}

/** Replaces the questions; refused (false) once the questionnaire has opened, since answers refer to them. */
export async function replaceQuestions(tx: Tx, cohortId: number, questions: string[]) {
  const opened = await tx
    .selectFrom("skills_phases")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .executeTakeFirst();
  if (opened) return false;
  await tx.deleteFrom("skills_questions").where("cohort_id", "=", cohortId).execute();
  const at = nowIso();
  await tx
    .insertInto("skills_questions")
    .values(questions.map((text, i) => ({ cohort_id: cohortId, position: i + 1, text, created_at: at })))
    .execute();
  return true;
}

/**
 * Opens a phase with a deadline, or moves the deadline of an open one, if nobody changed it since `version`
 * (0: not opened yet). A cohort without questions gets the default ones when its questionnaire first opens.
 */
export async function openPhase(
  tx: Tx,
  cohortId: number,
  phase: SkillsPhase,
  deadline: string,
  version: number,
) {
  const existing = await listQuestions(tx, cohortId);
  if (existing.length === 0) {
    const at = nowIso();
    await tx
      .insertInto("skills_questions")
      .values(
        DEFAULT_SKILLS_QUESTIONS.map((text, i) => ({
          cohort_id: cohortId,
          position: i + 1,
          text,
          created_at: at,
        })),
      )
      .execute();
  }
  if (version === 0) {
    const inserted = await tx
      .insertInto("skills_phases")
      .values({ cohort_id: cohortId, phase, opened_at: nowIso(), deadline, version: 1 })
      .onConflict((oc) => oc.columns(["cohort_id", "phase"]).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const updated = await tx
    .updateTable("skills_phases")
    .set({ deadline, version: version + 1 })
    .where("cohort_id", "=", cohortId)
    .where("phase", "=", phase)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function answersOf(db: Db, cohortId: number, personId: number, phase: SkillsPhase) {
  return db
    .selectFrom("skills_answers")
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .where("phase", "=", phase)
    .select(["question_id", "confidence", "submitted_at"])
    .execute();
}

/** A new submission replaces the person's earlier answers for the phase. */
export async function saveAnswers(
  tx: Tx,
  cohortId: number,
  personId: number,
  phase: SkillsPhase,
  answers: Array<{ questionId: number; confidence: number }>,
) {
  await tx
    .deleteFrom("skills_answers")
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .where("phase", "=", phase)
    .execute();
  const at = nowIso();
  await tx
    .insertInto("skills_answers")
    .values(
      answers.map((a) => ({
        cohort_id: cohortId,
        person_id: personId,
        question_id: a.questionId,
        phase,
        confidence: a.confidence,
        submitted_at: at,
      })),
    )
    .execute();
}

/** Every participant's answers, by name: for coordinators only. */
export async function listIndividualAnswers(db: Db, cohortId: number) {
  return db
    .selectFrom("skills_answers as s")
    .innerJoin("people as p", "p.id", "s.person_id")
    .where("s.cohort_id", "=", cohortId)
    .select(["p.id as personId", "p.name", "s.question_id", "s.phase", "s.confidence"])
    .orderBy("p.name")
    .execute();
}

/** The questionnaires a person is asked to answer: per cohort where they participate, the phases opened so far. */
export async function questionnairesOfPerson(db: Db, personId: number) {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("skills_phases as sp", "sp.cohort_id", "m.cohort_id")
    .where("m.person_id", "=", personId)
    .where("m.role", "=", "participant")
    .where("m.withdrawn_at", "is", null)
    .select((eb) => [
      "m.cohort_id",
      "sp.phase",
      "sp.opened_at",
      "sp.deadline",
      eb
        .selectFrom("skills_answers as a")
        .whereRef("a.cohort_id", "=", "m.cohort_id")
        .whereRef("a.phase", "=", "sp.phase")
        .where("a.person_id", "=", personId)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("answered"),
    ])
    .execute();
  return rows.map((r) => ({
    cohortId: r.cohort_id,
    phase: r.phase,
    openedAt: r.opened_at,
    deadline: r.deadline,
    answered: Number(r.answered ?? 0) > 0,
  }));
}
