// The pitch day's forms: the event's details, the rubric, the panel, the running order, the scoring window, a
// leader's declared conflict and a leader's scoring sheet.
import { z } from "zod";
import { parseClockTime } from "~/domain/pitch-day";
import { FEEDBACK_ATTRIBUTIONS, valuesOf } from "~/domain/vocabulary";
import { byIntent, govukDate, optionalText, recordId, requiredText, version } from "./fields";

/** The position of a list row in an issue's path (`criteria[1].weight` is row 2), for "Criterion 2: …". */
const rowOf = (issue: { path?: PropertyKey[] }) => Number(issue.path?.[1] ?? 0) + 1;

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** A length in whole minutes, from `min` to `max` ("Pitch length must be between 1 and 120 minutes"). */
function minutes(label: string, min: number, max: number) {
  const whole = `${capitalised(label)} must be a whole number of minutes`;
  const range = `${capitalised(label)} must be between ${min} and ${max} minutes`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? `Enter the ${label} in minutes` : whole) })
    .int(whole)
    .min(min, range)
    .max(max, range);
}

export const EventSchema = z
  .object({
    date: govukDate({
      empty: "Enter the date of the pitch day",
      invalid: "Date must be a real date, like 25 3 2027",
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
    breakAfter: z
      .number({ error: "Break after must be the number of a slot, like 3" })
      .int("Break after must be the number of a slot, like 3")
      .min(1, "Break after must be the number of a slot, like 3")
      .optional()
      .transform((v) => v ?? null),
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

export type EventInput = z.output<typeof EventSchema>;

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

export const ScoringWindowSchema = z.object({
  intent: z.enum(["open", "close", "release", "publish-ranking"], { error: "Choose what to do" }),
  version,
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
