// The skills questionnaire: the coordinator saves its questions and opens each phase (or moves its deadline);
// participants answer while a phase is open.
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { phaseState } from "~/domain/skills";
import type { SkillsPhase } from "~/domain/vocabulary";
import type { OpenSkillsInput, SkillsQuestionsInput } from "~/forms/skills";
import { listPhases, openPhase, phaseWindow, replaceQuestions, saveAnswers } from "~/models/skills.server";
import { command, conflict, invalid, ok } from "./runner.server";

type InCohort = { cohortId: number };

export const saveSkillsQuestions = command({
  async execute(c, input: SkillsQuestionsInput & InCohort) {
    if (!(await replaceQuestions(c.tx, input.cohortId, input.questions)))
      return invalid("questions", "The questionnaire has opened, so its questions can no longer change");
    c.audit({
      action: "skills.questions_saved",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { questions: input.questions.length },
    });
    return ok();
  },
});

/** Opens a phase (version 0: not opened yet) or moves its deadline, if nobody changed it since the form was drawn. */
export const openSkillsQuestionnaire = command({
  async execute(c, input: OpenSkillsInput & InCohort) {
    const { cohortId, phase, deadline, version } = input;
    if (!(await openPhase(c.tx, cohortId, phase, deadline, version))) return conflict("this questionnaire");
    c.audit({
      action: version === 0 ? "skills.opened" : "skills.deadline_moved",
      subjectType: "cohort",
      subjectId: cohortId,
      cohortId,
      details: { phase, deadline },
    });
    return ok();
  },
});

type Answers = {
  cohortId: number;
  personId: number;
  phase: SkillsPhase;
  answers: Array<{ questionId: number; confidence: number }>;
};

/** A participant's answers replace their earlier ones for the phase, until the end of its deadline day. */
export const answerSkillsQuestionnaire = command({
  async execute(c, input: Answers) {
    const row = (await listPhases(c.tx, input.cohortId))[input.phase];
    // "" names the form's own error (Conform's name for it): the whole questionnaire is closed, not one answer.
    if (!row) return invalid("", "This questionnaire has not opened yet");
    if (phaseState(phaseWindow(row), todayInLondon()) !== "open")
      return invalid(
        "",
        `The deadline (${formatUkDate(row.deadline)}) has passed: answers are no longer taken`,
      );
    await saveAnswers(c.tx, input.cohortId, input.personId, input.phase, input.answers);
    c.audit({
      action: "skills.answered",
      subjectType: "skills_questionnaire",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { phase: input.phase },
    });
    return ok();
  },
});
