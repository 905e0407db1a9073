// The forms of mentoring: a session (with any number of action rows) and a problem statement.
import { calendarDateFromParts } from "~/domain/calendar";
import { durationProblem, SESSION_FORMATS, sessionDateProblem } from "~/domain/mentoring";
import {
  CATEGORY_LABELS,
  STATEMENT_FIELDS,
  type StatementFieldName,
  type StatementText,
} from "~/domain/problem-statement";
import { type FieldErrors, type FormValues, fieldValue, formValues } from "~/forms/parse";
import type { AttendeeRole, SessionFormat, StatementCategory } from "../../db/types";

/** Empty action rows a new session form starts with; "Add another action" adds one at a time. */
export const DEFAULT_ACTION_ROWS = 3;
export const MAX_ACTION_ROWS = 20;
export const SUMMARY_LIMIT = 5000;
export const NOTE_LIMIT = 5000;
export const ACTION_TEXT_LIMIT = 500;

type Person = { id: number; name: string };
export type TeamPeople = { members: Person[]; mentors: Person[] };

export type ParsedSession = {
  date: string;
  durationMinutes: number;
  format: SessionFormat;
  summary: string;
  followUpDate: string | null;
  privateNote: string | null;
  attendees: Array<{ personId: number; role: AttendeeRole }>;
  actions: Array<{ id: number | null; ownerId: number; text: string; dueDate: string }>;
  version: number;
};

export type SessionFormResult =
  | { ok: true; data: ParsedSession; values: FormValues; rows: number }
  | { ok: false; errors: FieldErrors; values: FormValues; rows: number };

/** How many action rows the form showed (from its hidden field), kept within bounds. */
export function actionRowCount(values: FormValues, fallback = DEFAULT_ACTION_ROWS): number {
  const n = Number(fieldValue(values, "actionRows"));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ACTION_ROWS) : fallback;
}

/** The error summary links each date error to the day box. */
export function sessionErrorIds(rows: number): Record<string, string> {
  const ids: Record<string, string> = { date: "date-day", followUp: "followUp-day" };
  for (let i = 1; i <= rows; i++) ids[`actions-${i}-due`] = `actions-${i}-due-day`;
  return ids;
}

function dateParts(values: FormValues, prefix: string) {
  const part = (p: string) => (fieldValue(values, `${prefix}-${p}`) ?? "").trim();
  const day = part("day");
  const month = part("month");
  const year = part("year");
  return { empty: !day && !month && !year, date: calendarDateFromParts(day, month, year) };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Validates a session against its team and cohort: every problem is reported at once, in the order of the
 * form. Rows of actions left entirely empty are ignored.
 */
export function parseSessionForm(
  formData: FormData,
  context: { team: TeamPeople; cohortStartDate: string; today: string },
): SessionFormResult {
  const values = formValues(formData);
  const rows = actionRowCount(values);
  const errors: FieldErrors = {};

  const session = dateParts(values, "date");
  if (session.empty) errors.date = "Enter the date of the session";
  else if (!session.date) errors.date = "The session date must be a real date, like 9 2 2027";
  else {
    const problem = sessionDateProblem(session.date, context.cohortStartDate, context.today);
    if (problem) errors.date = problem;
  }

  const durationText = fieldValue(values, "duration") ?? "";
  const duration = durationProblem(durationText);
  if (duration) errors.duration = duration;

  const format = fieldValue(values, "format") ?? "";
  if (!(format in SESSION_FORMATS)) errors.format = "Select how the session took place";

  const members = new Map(context.team.members.map((p) => [String(p.id), p]));
  const mentors = new Map(context.team.mentors.map((p) => [String(p.id), p]));
  const attendeeIds = [...new Set(asList(values.attendees))];
  const attendees: ParsedSession["attendees"] = [];
  for (const id of attendeeIds) {
    if (members.has(id)) attendees.push({ personId: Number(id), role: "member" });
    else if (mentors.has(id)) attendees.push({ personId: Number(id), role: "mentor" });
    else errors.attendees = "Choose attendees from this team's members and mentors only";
  }
  if (!errors.attendees && attendees.length === 0) errors.attendees = "Select who attended the session";

  const summary = (fieldValue(values, "summary") ?? "").trim();
  if (!summary) errors.summary = "Enter a summary of the session";
  else if (summary.length > SUMMARY_LIMIT)
    errors.summary = `Summary must be ${SUMMARY_LIMIT.toLocaleString("en-GB")} characters or fewer`;

  const followUp = dateParts(values, "followUp");
  if (!followUp.empty) {
    if (!followUp.date) errors.followUp = "The next session date must be a real date, like 23 2 2027";
    else if (session.date && followUp.date <= session.date)
      errors.followUp = "The next session date must be after the session";
  }

  const note = (fieldValue(values, "privateNote") ?? "").trim();
  if (note.length > NOTE_LIMIT)
    errors.privateNote = `Private note must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer`;

  const actions: ParsedSession["actions"] = [];
  for (let i = 1; i <= rows; i++) {
    const key = `actions-${i}`;
    const text = (fieldValue(values, `${key}-text`) ?? "").trim();
    const owner = fieldValue(values, `${key}-owner`) ?? "";
    const due = dateParts(values, `${key}-due`);
    if (!text && !owner && due.empty) continue;
    if (!text) errors[`${key}-text`] = `Enter what action ${i} is`;
    else if (text.length > ACTION_TEXT_LIMIT)
      errors[`${key}-text`] = `Action ${i} must be ${ACTION_TEXT_LIMIT} characters or fewer`;
    if (!owner) errors[`${key}-owner`] = `Choose who owns action ${i}`;
    else if (!members.has(owner)) errors[`${key}-owner`] = `Choose an owner for action ${i} from this team`;
    if (due.empty) errors[`${key}-due`] = `Enter when action ${i} is due`;
    else if (!due.date)
      errors[`${key}-due`] = `The due date of action ${i} must be a real date, like 23 2 2027`;
    const idText = fieldValue(values, `${key}-id`) ?? "";
    if (text && members.has(owner) && due.date)
      actions.push({
        id: /^\d+$/.test(idText) ? Number(idText) : null,
        ownerId: Number(owner),
        text,
        dueDate: due.date,
      });
  }

  const versionText = fieldValue(values, "version") ?? "";
  if (Object.keys(errors).length) return { ok: false, errors, values, rows };
  return {
    ok: true,
    rows,
    values,
    data: {
      date: session.date!,
      durationMinutes: Number(durationText.trim()),
      format: format as SessionFormat,
      summary,
      followUpDate: followUp.date,
      privateNote: note || null,
      attendees,
      actions,
      version: /^\d+$/.test(versionText) ? Number(versionText) : 0,
    },
  };
}

/** A date as the three boxes of a GOV.UK date input, for re-showing a saved date. */
export function dateBoxes(prefix: string, date: string | null): FormValues {
  if (!date) return {};
  const [year = "", month = "", day = ""] = date.split("-");
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  };
}

export type StatementFormResult =
  | { ok: true; data: StatementText; values: FormValues; baseVersion: number }
  | { ok: false; errors: FieldErrors; values: FormValues; baseVersion: number };

/** A statement as typed: every field trimmed and within its limit (empty fields are fine for a draft). */
export function parseStatementForm(formData: FormData): StatementFormResult {
  const values = formValues(formData);
  const base = fieldValue(values, "baseVersion") ?? "";
  const baseVersion = /^\d+$/.test(base) ? Number(base) : 0;
  const errors: FieldErrors = {};
  const text: Record<string, string | null> = {};
  for (const field of STATEMENT_FIELDS) {
    const value = (fieldValue(values, field.name) ?? "").trim();
    if (field.name === "category") {
      if (value && !(value in CATEGORY_LABELS)) errors.category = "Select technology, operational or policy";
      text.category = value in CATEGORY_LABELS ? value : null;
      continue;
    }
    if (value.length > field.max)
      errors[field.name] = `${field.label} must be ${field.max.toLocaleString("en-GB")} characters or fewer`;
    text[field.name] = value;
  }
  if (!text.title && Object.values(text).every((v) => !v))
    errors.title = "Enter at least a title before saving the draft";
  if (Object.keys(errors).length) return { ok: false, errors, values, baseVersion };
  return {
    ok: true,
    values,
    baseVersion,
    data: {
      ...(text as Record<Exclude<StatementFieldName, "category">, string>),
      category: text.category as StatementCategory | null,
    },
  };
}

/** A saved statement as form values. */
export function statementValues(text: StatementText): FormValues {
  return Object.fromEntries(STATEMENT_FIELDS.map((f) => [f.name, text[f.name] ?? ""]));
}
