// The pitch day's forms: the event's details, the rubric, the panel, the running order, the scoring window, a
// leader's declared conflict and a leader's scoring sheet.
import { z } from "zod";
import { parseClockTime } from "~/domain/pitch-day";
import { FEEDBACK_ATTRIBUTIONS, valuesOf } from "~/domain/vocabulary";
import { byIntent, govukDate, optionalText, recordId, requiredText, version } from "./fields";

/** The position of a list row in an issue's path (`criteria[1].weight` is row 2), for "Criterion 2: …". */
const rowOf = (issue: { path?: PropertyKey[] }) => Number(issue.path?.[1] ?? 0) + 1;

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

const minutesText = (n: number) => `${n} minute${n === 1 ? "" : "s"}`;

/** A length in whole minutes, from `min` to `max` ("Break length must be 0 minutes or more"). */
function minutes(label: string, min: number, max: number) {
  const whole = `${capitalised(label)} must be a whole number of minutes`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? `Enter the ${label} in minutes` : whole) })
    .int(whole)
    .min(min, `${capitalised(label)} must be ${minutesText(min)} or more`)
    .max(max, `${capitalised(label)} must be ${minutesText(max)} or fewer`);
}

/** The most teams a cohort can have (see the cohort form): a break follows one of the slots before the last. */
const MOST_TEAMS = 50;

/** The slot a break may follow: one before the last team's, when the number of teams is known. */
function breakAfter(teams: number) {
  const slots = (teams > 0 ? teams : MOST_TEAMS) - 1;
  const outside =
    teams === 1
      ? "Leave break after empty: with one team there is no gap between pitches for a break"
      : teams > 1
        ? `Break after must be a slot from 1 to ${slots}: there are ${teams} teams`
        : `Break after must be a slot from 1 to ${slots}`;
  const notSlot = teams === 1 ? outside : "Break after must be the number of a slot, like 3";
  return z
    .number({ error: notSlot })
    .int(notSlot)
    .min(1, notSlot)
    .max(slots, outside)
    .optional()
    .transform((v) => v ?? null);
}

/**
 * What the pitch day details are checked against: how many teams pitch (those formed, or the number the cohort
 * plans before its teams are formed), today's date, and the date already saved (null for a new pitch day).
 */
export type EventFormContext = { teams: number; today: string; savedDate: string | null };

/**
 * The pitch day details. Every field is checked on every submission, so every error shows at once: a new pitch
 * day, or a changed date, must be today or later (a saved date in the past may stay, to correct the other details
 * after the day); a break follows one of the slots before the last.
 */
export function eventSchema({ teams, today, savedDate }: EventFormContext) {
  return z
    .object({
      date: govukDate({
        empty: "Enter the date of the pitch day",
        invalid: "Date must be a real date, like 25 3 2027",
        check: (date) => (date !== savedDate && date < today ? "Date must be today or in the future" : null),
      }),
      startTime: requiredText(5, {
        empty: "Enter the start time",
        tooLong: "Start time must be a 24-hour time, like 10:00 or 13:30",
      })
        .refine((v) => parseClockTime(v) !== null, "Start time must be a 24-hour time, like 10:00 or 13:30")
        .transform((v) => v.padStart(5, "0")),
      venue: optionalText(200, "Venue must be 200 characters or fewer"),
      onlineLink: optionalText(500, "Online link must be 500 characters or fewer").refine(
        (v) => v === null || /^https:\/\/[^\s]+$/.test(v),
        "Online link must start with https://",
      ),
      pitchMinutes: minutes("pitch length", 1, 120),
      questionsMinutes: minutes("questions length", 0, 120),
      changeoverMinutes: minutes("changeover", 0, 120),
      breakAfter: breakAfter(teams),
      breakMinutes: minutes("break length", 0, 240).default(0),
      feedbackAttribution: z.enum(valuesOf(FEEDBACK_ATTRIBUTIONS), {
        error: "Choose whether teams see who wrote their feedback",
      }),
      version,
    })
    .superRefine(
      (v, ctx) => {
        if (!v.venue && !v.onlineLink)
          ctx.addIssue({ code: "custom", path: ["venue"], message: "Enter a venue or an online link" });
      },
      // Reported with the other fields' errors, not only once they pass.
      { when: () => true },
    );
}

export type EventInput = z.output<ReturnType<typeof eventSchema>>;

const criterionError = (text: string) => (issue: { path?: PropertyKey[] }) =>
  `Criterion ${rowOf(issue)}: ${text}`;

const levelLines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const CriterionSchema = z.object({
  /** The saved criterion this row edits; none for a new one. */
  id: z
    .number()
    .int()
    .positive()
    .optional()
    .transform((v) => v ?? null),
  name: z
    .string({ error: criterionError("enter a name") })
    .trim()
    .min(1, { error: criterionError("enter a name") })
    .max(100, { error: criterionError("name must be 100 characters or fewer") }),
  description: z
    .string()
    .trim()
    .max(500, { error: criterionError("description must be 500 characters or fewer") })
    .optional()
    .transform((v) => v ?? ""),
  weight: z
    .number({ error: criterionError("weight must be a number greater than 0, up to 1000") })
    .gt(0, { error: criterionError("weight must be a number greater than 0, up to 1000") })
    .max(1000, { error: criterionError("weight must be a number greater than 0, up to 1000") }),
  max: z
    .number({ error: criterionError("the top of the scale must be a whole number from 2 to 10") })
    .int({ error: criterionError("the top of the scale must be a whole number from 2 to 10") })
    .min(2, { error: criterionError("the top of the scale must be a whole number from 2 to 10") })
    .max(10, { error: criterionError("the top of the scale must be a whole number from 2 to 10") }),
  levels: z
    .string()
    .optional()
    .transform(levelLines)
    .refine((levels) => levels.every((level) => level.length <= 200), {
      error: criterionError("each level's description must be 200 characters or fewer"),
    }),
});

const KEEP_ONE = "Keep at least one criterion";

export const RubricSchema = z.object({
  version,
  criteria: z
    .array(CriterionSchema, { error: KEEP_ONE })
    .min(1, KEEP_ONE)
    .superRefine(
      (rows, ctx) => {
        rows.forEach((row, index) => {
          if (!Number.isInteger(row?.max) || !Array.isArray(row.levels) || row.levels.length === row.max)
            return;
          ctx.addIssue({
            code: "custom",
            path: [index, "levels"],
            message: `Criterion ${index + 1}: describe each of the ${row.max} levels, one per line (${row.levels.length} given)`,
          });
        });
      },
      // Counted for every row whose scale is readable, even while other rows have errors.
      { when: (payload) => Array.isArray(payload.value) },
    ),
});

export type RubricInput = z.output<typeof RubricSchema>;

export const PanelSchema = byIntent(
  {
    add: { version, personId: recordId("Choose a senior leader") },
    remove: { version, personId: recordId("Choose a senior leader") },
  },
  "Choose a senior leader",
);

const slotError = (issue: { path?: PropertyKey[] }) => `Choose the team that pitches in slot ${rowOf(issue)}`;

export const OrderSchema = byIntent(
  {
    draw: { version },
    set: {
      version,
      /** Team ids by slot: `positions[0]` pitches first. */
      positions: z
        .array(z.number({ error: slotError }).int({ error: slotError }).positive({ error: slotError }), {
          error: "Choose the team that pitches in each slot",
        })
        .superRefine(
          (teamIds, ctx) => {
            teamIds.forEach((teamId, index) => {
              if (teamId !== undefined && teamIds.indexOf(teamId) < index)
                ctx.addIssue({
                  code: "custom",
                  path: [index],
                  message: `Slot ${index + 1}: each team pitches once`,
                });
            });
          },
          { when: (payload) => Array.isArray(payload.value) },
        ),
    },
  },
  "Choose to draw the order or set it by hand",
);

/** The pitch day's scoring buttons. Releasing results has its own page (ReleaseSchema), where it is confirmed. */
export const ScoringWindowSchema = z.object({
  intent: z.enum(["open", "close", "publish-ranking"], { error: "Choose what to do" }),
  version,
});

/** Opening scoring more than a day before the pitch day, confirmed on its own page. */
export const OpenScoringSchema = z.object({ version });

/** Releasing results, confirmed: `team` is one team's id, or "all" for every team not yet released (null). */
export const ReleaseSchema = z.object({
  version,
  team: z
    .string({ error: "Choose the teams whose results to release" })
    .regex(/^(all|[1-9]\d{0,9})$/, "Choose the teams whose results to release")
    .transform((v) => (v === "all" ? null : Number(v))),
});

export const WithdrawSchema = z.object({
  version,
  reason: requiredText(500, {
    empty: "Enter why you are withdrawing the results",
    tooLong: "Reason must be 500 characters or fewer",
  }),
});

export const ConflictSchema = z.object({
  teamId: recordId("Choose the team you are in conflict with"),
  reason: requiredText(500, {
    empty: "Enter why you cannot score this team fairly",
    tooLong: "Reason must be 500 characters or fewer",
  }),
});

type SheetCriterion = { id: number; name: string; max: number };

/** A score from 1 to the criterion's top; required when the sheet is submitted. */
function score(criterion: SheetCriterion) {
  const outside = `${criterion.name}: score must be a whole number from 1 to ${criterion.max}`;
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? `Choose a score for ${criterion.name}`
          : Array.isArray(issue.input)
            ? `Choose one score for ${criterion.name}`
            : outside,
    })
    .int(outside)
    .min(1, outside)
    .max(criterion.max, outside);
}

const sheetFeedback = {
  version,
  workedWell: optionalText(5000, "What worked well must be 5,000 characters or fewer"),
  couldBeBetter: optionalText(5000, "What could be better must be 5,000 characters or fewer"),
};

/** Sheet schemas by rubric: building one costs more than checking a sheet, and leaders post many sheets. */
const sheetSchemas = new Map<string, ReturnType<typeof buildSheetSchema>>();
const SHEET_SCHEMAS_KEPT = 100;

/**
 * A scoring sheet over this rubric: `scores.<criterion id>` for each criterion (all of them to submit, any to save
 * a draft), and the written feedback.
 */
export function sheetSchema(criteria: readonly SheetCriterion[]) {
  const key = JSON.stringify(criteria.map((c) => [c.id, c.name, c.max]));
  let schema = sheetSchemas.get(key);
  if (!schema) {
    schema = buildSheetSchema(criteria);
    if (sheetSchemas.size >= SHEET_SCHEMAS_KEPT) sheetSchemas.delete(sheetSchemas.keys().next().value!);
    sheetSchemas.set(key, schema);
  }
  return schema;
}

function buildSheetSchema(criteria: readonly SheetCriterion[]) {
  const scores = (required: boolean) =>
    z
      .strictObject(
        Object.fromEntries(criteria.map((c) => [String(c.id), required ? score(c) : score(c).optional()])),
        {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `There is no criterion "${issue.keys[0]}" in this rubric`
              : undefined,
        },
      )
      // No score chosen at all is an empty set of scores, so each missing one is named.
      .prefault({})
      .transform(
        (given) =>
          new Map(
            Object.entries(given).flatMap(([id, value]) =>
              value === undefined ? [] : [[Number(id), value]],
            ),
          ),
      );
  return byIntent(
    {
      save: { ...sheetFeedback, scores: scores(false) },
      submit: { ...sheetFeedback, scores: scores(true) },
    },
    "Choose Save draft or Submit sheet",
  );
}
