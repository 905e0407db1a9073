// The session and statement forms as Conform parses them: every problem reported at once, on its field.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { changeSessionSchema, logSessionSchema, StatementDraftSchema, theirsChosen } from "./mentoring";

const context = {
  team: {
    members: [
      { id: 1, name: "Pat" },
      { id: 2, name: "Tia" },
    ],
    mentors: [{ id: 3, name: "Max" }],
  },
  cohortStartDate: "2027-01-04",
  today: "2027-02-10",
};

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const good = {
  "date.day": "9",
  "date.month": "2",
  "date.year": "2027",
  duration: "45",
  format: "video",
  attendees: ["1", "3"],
  summary: "We chose refunds",
  "actions[0].text": "Interview two caseworkers",
  "actions[0].owner": "1",
  "actions[0].due.day": "16",
  "actions[0].due.month": "2",
  "actions[0].due.year": "2027",
  "actions[1].text": "",
  "actions[1].owner": "",
  "actions[1].due.day": "",
};

const errorsOf = (fields: Record<string, string | string[]>) => {
  const submission = parseWithZod(form(fields), { schema: logSessionSchema(context) });
  return submission.status === "success" ? {} : submission.reply().error;
};

describe("the session form", () => {
  it("reads a good session, dropping empty action rows", () => {
    const submission = parseWithZod(form(good), { schema: logSessionSchema(context) });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      date: "2027-02-09",
      duration: 45,
      attendees: [
        { personId: 1, role: "member" },
        { personId: 3, role: "mentor" },
      ],
      actions: [{ id: null, ownerId: 1, text: "Interview two caseworkers", dueDate: "2027-02-16" }],
      followUp: null,
      privateNote: null,
    });
  });

  it("takes 1 to 480 whole minutes", () => {
    expect(errorsOf({ ...good, duration: "0" })).toEqual({
      duration: ["Duration must be between 1 and 480 minutes (8 hours)"],
    });
    expect(errorsOf({ ...good, duration: "481" })).toEqual({
      duration: ["Duration must be between 1 and 480 minutes (8 hours)"],
    });
    expect(errorsOf({ ...good, duration: "" })).toEqual({
      duration: ["Enter how long the session lasted, in minutes"],
    });
    expect(errorsOf({ ...good, duration: "1.5" })).toEqual({
      duration: ["Duration must be a whole number of minutes, like 45"],
    });
    expect(errorsOf({ ...good, duration: "an hour" })).toEqual({
      duration: ["Duration must be a whole number of minutes, like 45"],
    });
  });

  it("reports every problem at once, each on its field, naming the action row", () => {
    expect(
      errorsOf({
        ...good,
        "date.day": "31",
        summary: "",
        attendees: [],
        format: "",
        "actions[1].text": "Draft the problem",
        "actions[1].owner": "3",
        "followUp.day": "1",
      }),
    ).toEqual({
      date: ["The session date must be a real date, like 9 2 2027"],
      format: ["Select how the session took place"],
      attendees: ["Select who attended the session"],
      summary: ["Enter a summary of the session"],
      "actions[1].owner": ["Choose an owner for action 2 from this team"],
      "actions[1].due": ["Enter when action 2 is due"],
      followUp: ["The next session date must be a real date, like 23 2 2027"],
    });
  });

  it("refuses a next session on or before this one, even when other fields are wrong", () => {
    expect(
      errorsOf({
        ...good,
        summary: "",
        "followUp.day": "9",
        "followUp.month": "2",
        "followUp.year": "2027",
      }),
    ).toEqual({
      summary: ["Enter a summary of the session"],
      followUp: ["The next session date must be after the session"],
    });
  });

  it("refuses people from outside the team and a stale form without its version", () => {
    expect(errorsOf({ ...good, attendees: ["1", "99"] })).toEqual({
      attendees: ["Choose attendees from this team's members and mentors only"],
    });
    const submission = parseWithZod(form(good), { schema: changeSessionSchema(context) });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({
      version: ["This form is out of date: reload the page and try again"],
    });
  });
});

describe("the statement draft", () => {
  it("needs something written and keeps every field within its limit", () => {
    const parse = (fields: Record<string, string>) =>
      parseWithZod(form({ baseVersion: "1", ...fields }), { schema: StatementDraftSchema });
    expect(parse({}).reply().error).toEqual({ title: ["Enter at least a title before saving the draft"] });
    expect(parse({ title: "Refunds", problem: "x".repeat(20_001) }).reply().error).toEqual({
      problem: ["The problem must be 20,000 characters or fewer"],
    });
    const saved = parse({ title: " Refunds ", category: "policy" });
    expect(saved.status === "success" && saved.value).toMatchObject({
      title: "Refunds",
      category: "policy",
      evidence: "",
    });
  });

  it("takes the conflict form: each field both changed needs a choice, mine or theirs", () => {
    const conflictForm = new URLSearchParams([
      ["baseVersion", "3"],
      ["title", "Mine"],
      ["category", "policy"],
      ["problem", "My problem"],
      ["evidence", "Their evidence"],
      ["conflicts", "title"],
      ["conflicts", "problem"],
      ["merged", "evidence"],
    ]);
    const parse = (extra: Array<[string, string]>) =>
      parseWithZod(new URLSearchParams([...conflictForm, ...extra]), { schema: StatementDraftSchema });
    expect(parse([]).reply().error).toEqual({
      "keep.title": ["Title: select whether to keep your text or theirs"],
      "keep.problem": ["The problem: select whether to keep your text or theirs"],
    });
    const chosen = parse([
      ["keep.title", "mine"],
      ["keep.problem", "theirs"],
    ]);
    expect(chosen.status).toBe("success");
    if (chosen.status !== "success") return;
    expect(theirsChosen(chosen.value)).toEqual(["problem"]);
  });
});
