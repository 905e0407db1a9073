// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Radios } from "./Radios";
import { expectToMatchFixture } from "./test-helpers";

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];
const NAME_HINT = "This includes changing your last name or spelling your name differently.";

describe("Radios", () => {
  it.each([
    [
      "default",
      <Radios key="default" name="example-default" legend="Have you changed your name?" items={YES_NO} />,
    ],
    [
      "with hint",
      <Radios
        key="hint"
        name="example-with-hint"
        legend="Have you changed your name?"
        hint={NAME_HINT}
        items={YES_NO}
      />,
    ],
    [
      "inline",
      <Radios
        key="inline"
        name="example"
        idPrefix="example"
        legend="Have you changed your name?"
        hint={NAME_HINT}
        items={YES_NO}
        defaultValue="no"
        inline
      />,
    ],
    [
      "with fieldset and error message",
      <Radios
        key="error"
        name="example"
        legend="Have you changed your name?"
        error="Please select an option"
        items={YES_NO}
        defaultValue="no"
      />,
    ],
    [
      "with legend as page heading",
      <Radios
        key="heading"
        name="housing-act"
        legend="Which part of the Housing Act was your licence issued under?"
        legendSize="l"
        legendIsPageHeading
        hint="Select one of the options below."
        items={[
          {
            value: "part-2",
            text: (
              <>
                <span className="govuk-heading-s govuk-!-margin-bottom-1">
                  Part 2 of the Housing Act 2004
                </span>{" "}
                For properties that are 3 or more stories high and occupied by 5 or more people
              </>
            ),
          },
          {
            value: "part-3",
            text: (
              <>
                <span className="govuk-heading-s govuk-!-margin-bottom-1">
                  Part 3 of the Housing Act 2004
                </span>{" "}
                For properties that are within a geographical area defined by a local council
              </>
            ),
          },
        ]}
      />,
    ],
    [
      "small inline",
      <Radios
        key="small-inline"
        name="example"
        idPrefix="sort"
        legend="Sort by"
        small
        inline
        items={[
          { value: "relevance", text: "relevance" },
          { value: "title", text: "A to Z" },
          { value: "created", text: "creation date" },
        ]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "radios", fixture);
  });

  it("checks the defaultValue item and numbers item ids after the first", () => {
    render(
      <Radios
        name="role"
        idPrefix="role-choice"
        legend="Are you joining as a mentor or a mentee?"
        items={[
          { value: "mentor", text: "Mentor" },
          { value: "mentee", text: "Mentee", hint: "You will be matched with a mentor" },
          { value: "both", text: "Both", disabled: true },
        ]}
        defaultValue="mentee"
      />,
    );
    const mentor = screen.getByLabelText("Mentor") as HTMLInputElement;
    const mentee = screen.getByLabelText("Mentee") as HTMLInputElement;
    const both = screen.getByLabelText("Both") as HTMLInputElement;
    expect([mentor.id, mentee.id, both.id]).toEqual(["role-choice", "role-choice-2", "role-choice-3"]);
    expect([mentor.checked, mentee.checked, both.checked]).toEqual([false, true, false]);
    expect(both.disabled).toBe(true);
    expect(mentee.getAttribute("aria-describedby")).toBe("role-choice-2-item-hint");
    expect(screen.getByRole("group", { name: "Are you joining as a mentor or a mentee?" })).toBeTruthy();
  });
});
