import { describe, expect, it } from "vitest";
import { parseCohortForm, startDateProblem } from "./shared-schemas";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const goodCohort = {
  name: "Tech Connect 2027",
  "startDate-day": "4",
  "startDate-month": "1",
  "startDate-year": "2027",
  weeks: "12",
  teamCount: "6",
  status: "planning",
};

describe("the cohort form", () => {
  it("accepts a cohort starting on a Monday", () => {
    const result = parseCohortForm(form(goodCohort));
    expect(result).toMatchObject({
      ok: true,
      data: { name: "Tech Connect 2027", startDate: "2027-01-04", weeks: 12, teamCount: 6 },
    });
  });

  it("reports every problem at once, in the order of the fields, and keeps what was typed", () => {
    const result = parseCohortForm(
      form({ ...goodCohort, name: " ", "startDate-day": "32", weeks: "53", teamCount: "0" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(["name", "startDate", "weeks", "teamCount"]);
    expect(result.errors.weeks).toBe("Number of weeks must be between 1 and 52");
    expect(result.errors.teamCount).toBe("Number of teams must be between 1 and 50");
    expect(result.values["startDate-day"]).toBe("32");
  });

  it("says what is wrong with a start date", () => {
    expect(startDateProblem("", "", "")).toBe("Enter the start date");
    expect(startDateProblem("30", "2", "2027")).toBe("Start date must be a real date, like 4 1 2027");
    expect(startDateProblem("6", "1", "2027")).toBe("Start date must be a Monday");
    expect(startDateProblem("4", "1", "2027")).toBeNull();
  });

  it("refuses numbers that are not whole", () => {
    const result = parseCohortForm(form({ ...goodCohort, weeks: "12.5", teamCount: "six" }));
    expect(result.ok ? {} : result.errors).toMatchObject({
      weeks: "Number of weeks must be a whole number, like 12",
      teamCount: "Number of teams must be a whole number, like 12",
    });
  });
});
