// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DateInput } from "./DateInput";
import { expectToMatchFixture } from "./test-helpers";

const DOB = "What is your date of birth?";
const DOB_HINT = "For example, 31 3 1980";

describe("DateInput", () => {
  it.each([
    ["default", <DateInput key="default" id="dob" legend={DOB} hint={DOB_HINT} />],
    [
      "with values and name prefix",
      <DateInput
        key="values"
        id="with-values-name-prefix"
        namePrefix="dob"
        legend={DOB}
        hint={DOB_HINT}
        values={{ day: "31", month: "3", year: "1980" }}
      />,
    ],
    ["with items", <DateInput key="items" id="dob" namePrefix="dob" legend={DOB} hint={DOB_HINT} />],
    [
      "with errors only",
      <DateInput key="errors-only" id="dob-errors" legend={DOB} errorFields={["day", "month", "year"]} />,
    ],
    [
      "with error message and hint",
      <DateInput
        key="error-hint"
        id="dob-errors"
        legend={DOB}
        hint={DOB_HINT}
        error="Error message goes here"
      />,
    ],
    [
      "with error on day input",
      <DateInput
        key="day-error"
        id="dob-day-error"
        legend={DOB}
        hint={DOB_HINT}
        error="Error message goes here"
        errorFields={["day"]}
      />,
    ],
    [
      "with error on year input",
      <DateInput
        key="year-error"
        id="dob-year-error"
        legend={DOB}
        hint={DOB_HINT}
        error="Error message goes here"
        errorFields={["year"]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "date-input", fixture);
  });

  it("renders a labelled group of numeric inputs with prefixed names", () => {
    render(
      <DateInput
        id="start-date"
        namePrefix="startDate"
        legend="Start date"
        legendIsPageHeading
        legendSize="l"
        values={{ day: "1", month: "9" }}
      />,
    );
    expect(screen.getByRole("group", { name: "Start date" })).toBeTruthy();
    const day = screen.getByLabelText("Day") as HTMLInputElement;
    expect([day.id, day.name, day.value, day.inputMode]).toEqual([
      "start-date-day",
      "startDate-day",
      "1",
      "numeric",
    ]);
    expect((screen.getByLabelText("Year") as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("heading", { level: 1, name: "Start date" })).toBeTruthy();
  });
});
