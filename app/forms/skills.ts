// The skills questionnaire's forms: the coordinator's questions and deadlines, and a participant's answers.
import { z } from "zod";
import { todayInLondon } from "~/domain/calendar";
import { parseQuestionList } from "~/domain/skills";
import { SKILLS_PHASES, valuesOf } from "~/domain/vocabulary";
import { govukDate, version } from "./fields";

const QuestionsSchema = z.object({
  intent: z.literal("questions"),
  questions: z.string({ error: "Enter at least one question, one per line" }).transform((text, ctx) => {
    const parsed = parseQuestionList(text);
    if (parsed.ok) return parsed.questions;
    ctx.issues.push({ code: "custom", message: parsed.error, input: text });
    return z.NEVER;
  }),
});

const OpenSchema = z.object({
  intent: z.literal("open"),
  phase: z.enum(valuesOf(SKILLS_PHASES), { error: "Choose the questionnaire to open" }),
  version,
  deadline: govukDate({
    empty: "Enter the deadline",
    invalid: "The deadline must be a real date, like 27 3 2027",
    check: (date) => (date < todayInLondon() ? "The deadline must be today or in the future" : null),
  }),
});

/** The coordinator's page: save the questions, or open a phase (or move its deadline). */
export const SkillsSetupSchema = z.discriminatedUnion("intent", [QuestionsSchema, OpenSchema], {
  error: "Choose what to save",
});

export type SkillsQuestionsInput = z.output<typeof QuestionsSchema>;
export type OpenSkillsInput = z.output<typeof OpenSchema>;

/** A participant's answers: one confidence from 1 to 5 per question, in fields named `q<question id>`. */
export function answersSchema(questions: ReadonlyArray<{ id: number; text: string }>) {
  return z
    .object(
      Object.fromEntries(
        questions.map((q) => {
          const message = `Select how confident you are: ${q.text}`;
          return [`q${q.id}`, z.number({ error: message }).int(message).min(1, message).max(5, message)];
        }),
      ),
    )
    .transform((values) => questions.map((q) => ({ questionId: q.id, confidence: values[`q${q.id}`]! })));
}
