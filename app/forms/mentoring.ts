// The forms of mentoring: a session (its agreed actions are a list of rows, `actions[0].text`…), the session page's
// private note and action tick, and a problem statement's draft.
import { z } from "zod";
import { calendarDateFromParts } from "~/domain/calendar";
import { MAX_SESSION_MINUTES, sessionDateProblem } from "~/domain/mentoring";
import { STATEMENT_FIELDS, type StatementFieldName, type StatementText } from "~/domain/problem-statement";
import { SESSION_FORMATS, STATEMENT_CATEGORIES, valuesOf } from "~/domain/vocabulary";
import { byIntent, dateParts, govukDate, optionalText, recordId, requiredText, version } from "./fields";

/** Empty action rows a new session form starts with; "Add another action" adds one at a time. */
export const DEFAULT_ACTION_ROWS = 3;
export const MAX_ACTION_ROWS = 20;
export const SUMMARY_LIMIT = 5000;
export const NOTE_LIMIT = 5000;
export const ACTION_TEXT_LIMIT = 500;

const inFull = (n: number) => n.toLocaleString("en-GB");

type Person = { id: number; name: string };
export type TeamPeople = { members: Person[]; mentors: Person[] };
export type SessionContext = { team: TeamPeople; cohortStartDate: string; today: string };

const WHOLE_MINUTES = "Duration must be a whole number of minutes, like 45";
const MINUTES_RANGE = `Duration must be between 1 and ${MAX_SESSION_MINUTES} minutes (8 hours)`;

const durationMinutes = z
  .number({
    error: (issue) =>
      issue.input === undefined ? "Enter how long the session lasted, in minutes" : WHOLE_MINUTES,
  })
  .int(WHOLE_MINUTES)
  .min(1, MINUTES_RANGE)
  .max(MAX_SESSION_MINUTES, MINUTES_RANGE);

const datePart = z.union([z.string(), z.number()]).optional();
const dateBoxes = z.object({ day: datePart, month: datePart, year: datePart });

/** A GOV.UK date input that may be left empty (null), for the next session's date. */
const optionalDate = (invalid: string) =>
  dateBoxes.optional().transform((parts, ctx) => {
    const [day, month, year] = [parts?.day, parts?.month, parts?.year].map((p) => String(p ?? "").trim());
    if (!day && !month && !year) return null;
    const date = calendarDateFromParts(day!, month!, year!);
    if (date) return date;
    ctx.issues.push({ code: "custom", message: invalid, input: parts });
    return z.NEVER;
  });

/** An action row as posted: every box may be empty (a row left empty is ignored). */
const ActionRowInput = z.object({
  id: z.number({ error: "Reload the page and try again" }).int().positive().optional(),
  text: z.string().optional(),
  owner: z.number({ error: "Choose a team member as the owner" }).optional(),
  due: dateBoxes.optional(),
});
type ActionRow = z.output<typeof ActionRowInput>;

function isEmptyRow(row: ActionRow) {
  const due = [row.due?.day, row.due?.month, row.due?.year].map((p) => String(p ?? "").trim());
  return !row.text?.trim() && row.owner === undefined && due.every((p) => !p);
}

/** A filled-in action row, its messages naming the row ("Enter what action 2 is"). */
function actionRow(n: number, members: Set<number>) {
  return z.object({
    id: z
      .number()
      .optional()
      .transform((id) => id ?? null),
    text: requiredText(ACTION_TEXT_LIMIT, {
      empty: `Enter what action ${n} is`,
      tooLong: `Action ${n} must be ${ACTION_TEXT_LIMIT} characters or fewer`,
    }),
    owner: z
      .number({ error: `Choose who owns action ${n}` })
      .refine((id) => members.has(id), `Choose an owner for action ${n} from this team`),
    due: govukDate({
      empty: `Enter when action ${n} is due`,
      invalid: `The due date of action ${n} must be a real date, like 23 2 2027`,
    }),
  });
}

/** The agreed actions: empty rows dropped, each filled row checked against the team. */
function agreedActions(members: Set<number>) {
  return z
    .array(ActionRowInput)
    .max(MAX_ACTION_ROWS, `A session can have at most ${MAX_ACTION_ROWS} actions`)
    .transform((rows, ctx) =>
      rows.flatMap((row, index) => {
        if (isEmptyRow(row)) return [];
        const parsed = actionRow(index + 1, members).safeParse(row);
        if (parsed.success) {
          const { id, owner, text, due } = parsed.data;
          return [{ id, ownerId: owner, text, dueDate: due }];
        }
        for (const issue of parsed.error.issues)
          ctx.issues.push({
            code: "custom",
            message: issue.message,
            path: [index, ...issue.path],
            input: row,
          });
        return [];
      }),
    );
}

/** Who attended: people of this team only, as members or mentors. */
function attendance(team: TeamPeople) {
  const members = new Set(team.members.map((p) => p.id));
  const mentors = new Set(team.mentors.map((p) => p.id));
  return z.array(z.string()).transform((ids, ctx) => {
    const people = [...new Set(ids.map(Number))];
    if (people.some((id) => !members.has(id) && !mentors.has(id))) {
      ctx.issues.push({
        code: "custom",
        message: "Choose attendees from this team's members and mentors only",
        input: ids,
      });
      return z.NEVER;
    }
    if (people.length === 0) {
      ctx.issues.push({ code: "custom", message: "Select who attended the session", input: ids });
      return z.NEVER;
    }
    return people.map((personId) => ({
      personId,
      role: members.has(personId) ? ("member" as const) : ("mentor" as const),
    }));
  });
}

function sessionShape({ team, cohortStartDate, today }: SessionContext) {
  return z.object({
    date: govukDate({
      empty: "Enter the date of the session",
      invalid: "The session date must be a real date, like 9 2 2027",
      check: (date) => sessionDateProblem(date, cohortStartDate, today),
    }),
    duration: durationMinutes,
    format: z.enum(valuesOf(SESSION_FORMATS), { error: "Select how the session took place" }),
    attendees: attendance(team),
    summary: requiredText(SUMMARY_LIMIT, {
      empty: "Enter a summary of the session",
      tooLong: `Summary must be ${inFull(SUMMARY_LIMIT)} characters or fewer`,
    }),
    actions: agreedActions(new Set(team.members.map((p) => p.id))),
    followUp: optionalDate("The next session date must be a real date, like 23 2 2027"),
  });
}

/** The next session comes after this one; checked whenever both dates are real, whatever else is wrong. */
function followUpAfterSession<S extends z.ZodType<{ date: string; followUp: string | null }>>(schema: S) {
  return schema.refine((s) => s.followUp === null || s.followUp > s.date, {
    path: ["followUp"],
    message: "The next session date must be after the session",
    when: (payload) => {
      const value = payload.value as { date?: unknown; followUp?: unknown };
      return typeof value.date === "string" && typeof value.followUp === "string";
    },
  });
}

/** Logging a session: with an optional private note for the mentors and coordinators. */
export function logSessionSchema(context: SessionContext) {
  return followUpAfterSession(
    sessionShape(context).extend({
      privateNote: optionalText(NOTE_LIMIT, `Private note must be ${inFull(NOTE_LIMIT)} characters or fewer`),
    }),
  );
}

/** Changing a session: from the version the form was drawn from. */
export function changeSessionSchema(context: SessionContext) {
  return followUpAfterSession(sessionShape(context).extend({ version }));
}

export type LoggedSession = z.output<ReturnType<typeof logSessionSchema>>;
export type ChangedSession = z.output<ReturnType<typeof changeSessionSchema>>;

/** A saved session as the form's starting values (with one empty action row to add another). */
export function sessionFormValues(session: {
  date: string;
  duration_minutes: number;
  format: string;
  summary: string;
  follow_up_date: string | null;
  attendees: Array<{ id: number }>;
  actions: Array<{ id: number; text: string; owner_id: number; due_date: string }>;
}) {
  return {
    date: dateParts(session.date),
    duration: String(session.duration_minutes),
    format: session.format,
    summary: session.summary,
    attendees: session.attendees.map((a) => String(a.id)),
    followUp: dateParts(session.follow_up_date),
    actions: [
      ...session.actions.map((a) => ({
        id: String(a.id),
        text: a.text,
        owner: String(a.owner_id),
        due: dateParts(a.due_date),
      })),
      {},
    ].slice(0, MAX_ACTION_ROWS),
  };
}

/** Where the error summary points for a session's date fields: each date input's day box. */
export function sessionErrorIds(rows: number): Record<string, string> {
  const ids: Record<string, string> = { date: "date-day", followUp: "followUp-day" };
  for (let i = 0; i < rows; i++) ids[`actions[${i}].due`] = `actions[${i}].due-day`;
  return ids;
}

/** The session page: a mentor's private note, or marking an agreed action done or not done. */
export const SessionPageSchema = byIntent(
  {
    note: {
      note: requiredText(NOTE_LIMIT, {
        empty: "Enter the note",
        tooLong: `Note must be ${inFull(NOTE_LIMIT)} characters or fewer`,
      }),
    },
    tick: {
      actionId: recordId("Choose an action to mark"),
      done: z.enum(["yes", "no"], { error: "Choose whether the action is done" }),
      returnTo: z.string().optional(),
    },
  },
  "Choose what to do on this page",
);

const fieldOf = (name: StatementFieldName) => STATEMENT_FIELDS.find((f) => f.name === name)!;

function statementText(name: Exclude<StatementFieldName, "category">) {
  const field = fieldOf(name);
  return z
    .string()
    .trim()
    .max(field.max, `${field.label} must be ${inFull(field.max)} characters or fewer`)
    .optional()
    .transform((text) => text ?? "");
}

/** The statement's fields as a form sends them. */
const statementFields = {
  title: statementText("title"),
  category: z
    .enum(valuesOf(STATEMENT_CATEGORIES), { error: "Select technology, operational or policy" })
    .optional()
    .transform((category) => category ?? null),
  department: statementText("department"),
  problem: statementText("problem"),
  affected: statementText("affected"),
  evidence: statementText("evidence"),
  approach: statementText("approach"),
  success_measures: statementText("success_measures"),
};

const fieldName = z.enum(
  STATEMENT_FIELDS.map((f) => f.name) as [StatementFieldName, ...StatementFieldName[]],
);
const choice = z.enum(["mine", "theirs"]).optional();

/**
 * A statement's draft as typed: every field within its limit; empty fields are fine, but not all of them. After a
 * save refused because someone saved first, the same action takes the conflict form: the merged text, the version
 * it was merged with as `baseVersion`, the fields both changed (`conflicts`, each with a "keep mine / keep theirs"
 * choice in `keep`; theirs is read again from that version, not taken from the form) and the fields taken from
 * theirs (`merged`, to say so again). Each conflicting field needs a choice.
 */
export const StatementFormFields = z.object({
  baseVersion: version,
  ...statementFields,
  conflicts: z.array(fieldName),
  merged: z.array(fieldName),
  keep: z.object({
    title: choice,
    category: choice,
    department: choice,
    problem: choice,
    affected: choice,
    evidence: choice,
    approach: choice,
    success_measures: choice,
  }),
});

/** The form as saved: its fields, with the checks across them. */
export const StatementDraftSchema = StatementFormFields.superRefine((draft, ctx) => {
  if (!STATEMENT_FIELDS.some((f) => draft[f.name]))
    ctx.addIssue({
      code: "custom",
      path: ["title"],
      message: "Enter at least a title before saving the draft",
    });
  for (const name of draft.conflicts) {
    if (draft.keep[name]) continue;
    ctx.addIssue({
      code: "custom",
      path: ["keep", name],
      message: `${fieldOf(name).label}: select whether to keep your text or theirs`,
    });
  }
});

type StatementDraft = z.output<typeof StatementFormFields>;

/** The text the form holds, as typed (on the conflict form: merged, with the person's own in conflicting fields). */
export function draftText(draft: StatementDraft): StatementText {
  return {
    title: draft.title,
    category: draft.category,
    department: draft.department,
    problem: draft.problem,
    affected: draft.affected,
    evidence: draft.evidence,
    approach: draft.approach,
    success_measures: draft.success_measures,
  };
}

/** The conflicting fields for which the person chose the text saved meanwhile. */
export function theirsChosen(draft: StatementDraft): StatementFieldName[] {
  return draft.conflicts.filter((name) => draft.keep[name] === "theirs");
}

/** The draft came from the conflict form (a merge the person has seen), not the statement's own form. */
export function isMergedDraft(draft: StatementDraft): boolean {
  return draft.conflicts.length > 0 || draft.merged.length > 0;
}
