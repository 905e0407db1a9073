import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CohortSchema } from "./cohort";

function submit(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return parseWithZod(data, { schema: CohortSchema });
}

const goodCohort = {
  name: "Tech Connect 2027",
  "startDate.day": "4",
  "startDate.month": "1",
  "startDate.year": "2027",
  weeks: "12",
  teamCount: "6",
  status: "planning",
};

describe("the cohort form", () => {
  it("accepts a cohort starting on a Monday", () => {
    const submission = submit(goodCohort);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({
      name: "Tech Connect 2027",
      startDate: "2027-01-04",
      weeks: 12,
      teamCount: 6,
    });
  });

  it("reports every problem at once and keeps what was typed", () => {
    const submission = submit({
      ...goodCohort,
      name: " ",
      "startDate.day": "32",
      weeks: "53",
      teamCount: "0",
    });
    const reply = submission.reply();
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["name", "startDate", "teamCount", "weeks"]);
    expect(reply.error?.weeks).toEqual(["Number of weeks must be between 1 and 52"]);
    expect(reply.error?.teamCount).toEqual(["Number of teams must be between 1 and 50"]);
    expect(reply.initialValue).toMatchObject({ startDate: { day: "32" }, weeks: "53" });
  });

  it("says what is wrong with a start date", () => {
    const message = (day: string, month: string, year: string) =>
      submit({
        ...goodCohort,
        "startDate.day": day,
        "startDate.month": month,
        "startDate.year": year,
      }).reply().error?.startDate;
    expect(message("", "", "")).toEqual(["Enter the start date"]);
    expect(message("30", "2", "2027")).toEqual(["Start date must be a real date, like 4 1 2027"]);
    expect(message("6", "1", "2027")).toEqual(["Start date must be a Monday"]);
    expect(message("4", "1", "2027")).toBeUndefined();
  });

  it("refuses numbers that are not whole, in words about the field", () => {
    const reply = submit({ ...goodCohort, weeks: "12.5", teamCount: "six", name: "" }).reply();
    expect(reply.error).toMatchObject({
      name: ["Enter the cohort name"],
      weeks: ["Number of weeks must be a whole number, like 12"],
      teamCount: ["Number of teams must be a whole number, like 12"],
    });
  });
});
