import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { eventSchema, OrderSchema, RubricSchema, sheetSchema } from "./pitch-day";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const errorsOf = (submission: object) => ("error" in submission ? submission.error : null) ?? {};

describe("the pitch day details", () => {
  // Six teams, today 2 December 2026, a new pitch day.
  const EventSchema = eventSchema({ teams: 6, today: "2026-12-02", savedDate: null });
  const details = {
    "date.day": "25",
    "date.month": "3",
    "date.year": "2027",
    startTime: "9:30",
    venue: "HMRC",
    pitchMinutes: "10",
    questionsMinutes: "5",
    changeoverMinutes: "5",
    feedbackAttribution: "attributed",
    version: "0",
  };

  it("reads the details, with no break when none is given", () => {
    const submission = parseWithZod(form(details), { schema: EventSchema });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({
      date: "2027-03-25",
      startTime: "09:30",
      venue: "HMRC",
      onlineLink: null,
      breakAfter: null,
      breakMinutes: 0,
    });
  });

  it("reports every problem at once, the missing venue and link included", () => {
    const submission = parseWithZod(
      form({
        ...details,
        "date.day": "31",
        "date.month": "2",
        startTime: "25:00",
        venue: "",
        pitchMinutes: "0",
      }),
      { schema: EventSchema },
    );
    expect(errorsOf(submission)).toEqual({
      date: ["Date must be a real date, like 25 3 2027"],
      startTime: ["Start time must be a 24-hour time, like 10:00 or 13:30"],
      venue: ["Enter a venue or an online link"],
      pitchMinutes: ["Pitch length must be 1 minute or more"],
    });
  });

  it("reports an impossible date, a negative break and a break after the last slot at once, in plain words", () => {
    const submission = parseWithZod(
      form({ ...details, "date.day": "31", "date.month": "2", breakAfter: "99", breakMinutes: "-5" }),
      { schema: EventSchema },
    );
    expect(errorsOf(submission)).toEqual({
      date: ["Date must be a real date, like 25 3 2027"],
      breakAfter: ["Break after must be a slot from 1 to 5: there are 6 teams"],
      breakMinutes: ["Break length must be 0 minutes or more"],
    });
  });

  it("refuses a break after the last slot, and says so when there is only one team", () => {
    const last = parseWithZod(form({ ...details, breakAfter: "6" }), { schema: EventSchema });
    expect(errorsOf(last)).toEqual({
      breakAfter: ["Break after must be a slot from 1 to 5: there are 6 teams"],
    });
    expect(parseWithZod(form({ ...details, breakAfter: "5" }), { schema: EventSchema }).status).toBe(
      "success",
    );
    const one = eventSchema({ teams: 1, today: "2026-12-02", savedDate: null });
    expect(errorsOf(parseWithZod(form({ ...details, breakAfter: "1" }), { schema: one }))).toEqual({
      breakAfter: ["Leave break after empty: with one team there is no gap between pitches for a break"],
    });
  });

  it("refuses a date in the past for a new or changed pitch day, and keeps a saved one", () => {
    const past = { ...details, "date.day": "1", "date.month": "12", "date.year": "2026", breakMinutes: "-1" };
    expect(errorsOf(parseWithZod(form(past), { schema: EventSchema }))).toEqual({
      date: ["Date must be today or in the future"],
      breakMinutes: ["Break length must be 0 minutes or more"],
    });
    const changed = eventSchema({ teams: 6, today: "2026-12-02", savedDate: "2026-11-30" });
    expect(errorsOf(parseWithZod(form(past), { schema: changed }))).toMatchObject({
      date: ["Date must be today or in the future"],
    });
    const kept = eventSchema({ teams: 6, today: "2026-12-02", savedDate: "2026-12-01" });
    expect(parseWithZod(form({ ...past, breakMinutes: "0" }), { schema: kept }).status).toBe("success");
    const today = { ...details, "date.day": "2", "date.month": "12", "date.year": "2026" };
    expect(parseWithZod(form(today), { schema: EventSchema }).status).toBe("success");
  });

  it("asks for a missing date and an https link", () => {
    const submission = parseWithZod(
      form({
        ...details,
        "date.day": "",
        "date.month": "",
        "date.year": "",
        onlineLink: "http://example.com",
      }),
      { schema: EventSchema },
    );
    expect(errorsOf(submission)).toEqual({
      date: ["Enter the date of the pitch day"],
      onlineLink: ["Online link must start with https://"],
    });
  });
});

describe("the rubric", () => {
  const row = (k: number, fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([name, value]) => [`criteria[${k}].${name}`, value]));
  const good = { id: "7", name: "Pitch", weight: "20", max: "3", levels: "Weak\nFair\nStrong" };

  it("reads each criterion with its levels, one per line", () => {
    const submission = parseWithZod(form({ version: "2", ...row(0, good), ...row(1, { ...good, id: "" }) }), {
      schema: RubricSchema,
    });
    expect(submission.status === "success" && submission.value.criteria).toEqual([
      { id: 7, name: "Pitch", description: "", weight: 20, max: 3, levels: ["Weak", "Fair", "Strong"] },
      { id: null, name: "Pitch", description: "", weight: 20, max: 3, levels: ["Weak", "Fair", "Strong"] },
    ]);
  });

  it("names the criterion in each message and counts the levels even while other fields are wrong", () => {
    const submission = parseWithZod(
      form({ version: "2", ...row(0, good), ...row(1, { ...good, name: "", weight: "0", max: "4" }) }),
      { schema: RubricSchema },
    );
    expect(errorsOf(submission)).toEqual({
      "criteria[1].name": ["Criterion 2: enter a name"],
      "criteria[1].weight": ["Criterion 2: weight must be a number greater than 0, up to 1000"],
      "criteria[1].levels": ["Criterion 2: describe each of the 4 levels, one per line (3 given)"],
    });
  });

  it("keeps at least one criterion", () => {
    expect(errorsOf(parseWithZod(form({ version: "2" }), { schema: RubricSchema }))).toEqual({
      criteria: ["Keep at least one criterion"],
    });
  });
});

describe("the running order set by hand", () => {
  it("asks for a team in each slot, each team once", () => {
    const submission = parseWithZod(
      form({ intent: "set", version: "1", "positions[0]": "4", "positions[1]": "4", "positions[2]": "" }),
      { schema: OrderSchema },
    );
    expect(errorsOf(submission)).toEqual({
      "positions[1]": ["Slot 2: each team pitches once"],
      "positions[2]": ["Choose the team that pitches in slot 3"],
    });
  });
});

describe("a scoring sheet", () => {
  const schema = sheetSchema([
    { id: 1, name: "Problem", max: 5 },
    { id: 2, name: "Pitch", max: 3 },
  ]);

  it("reads a complete sheet", () => {
    const submission = parseWithZod(
      form({ intent: "submit", version: "0", "scores.1": "5", "scores.2": "3", workedWell: "x" }),
      { schema },
    );
    expect(submission.status === "success" && submission.value).toEqual({
      intent: "submit",
      version: 0,
      workedWell: "x",
      couldBeBetter: null,
      scores: new Map([
        [1, 5],
        [2, 3],
      ]),
    });
  });

  it("lets a draft leave criteria empty, but not a submitted sheet", () => {
    expect(parseWithZod(form({ intent: "save", version: "0", "scores.1": "2" }), { schema }).status).toBe(
      "success",
    );
    expect(parseWithZod(form({ intent: "save", version: "0" }), { schema }).status).toBe("success");
    expect(
      errorsOf(parseWithZod(form({ intent: "submit", version: "0", "scores.1": "2" }), { schema })),
    ).toEqual({
      "scores.2": ["Choose a score for Pitch"],
    });
    expect(errorsOf(parseWithZod(form({ intent: "submit", version: "0" }), { schema }))).toEqual({
      "scores.1": ["Choose a score for Problem"],
      "scores.2": ["Choose a score for Pitch"],
    });
  });

  it("refuses a score outside the scale, a fraction, two scores, and a criterion that does not exist", () => {
    const submission = parseWithZod(
      form({ intent: "save", version: "0", "scores.2": ["4"], "scores.1": "2.5", "scores.9": "1" }),
      { schema },
    );
    expect(errorsOf(submission)).toEqual({
      "scores.2": ["Pitch: score must be a whole number from 1 to 3"],
      "scores.1": ["Problem: score must be a whole number from 1 to 5"],
      scores: ['There is no criterion "9" in this rubric'],
    });
    expect(
      errorsOf(parseWithZod(form({ intent: "save", version: "0", "scores.2": ["1", "2"] }), { schema })),
    ).toEqual({ "scores.2": ["Choose one score for Pitch"] });
  });
});
