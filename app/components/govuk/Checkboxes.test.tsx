// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Checkboxes } from "./Checkboxes";
import { expectToMatchFixture } from "./test-helpers";

const WASTE = [
  { value: "animal", text: "Waste from animal carcasses" },
  { value: "mines", text: "Waste from mines or quarries" },
  { value: "farm", text: "Farm or agricultural waste" },
];
const NULLAM = "Nullam id dolor id nibh ultricies vehicula ut id elit.";

describe("Checkboxes", () => {
  it.each([
    [
      "with legend as a page heading",
      <Checkboxes
        key="heading"
        name="waste"
        legend="Which types of waste do you transport regularly?"
        legendSize="l"
        legendIsPageHeading
        hint="Select all that apply"
        items={WASTE}
      />,
    ],
    [
      "with error message",
      <Checkboxes
        key="error"
        name="waste"
        legend="Which types of waste do you transport regularly?"
        error="Please select an option"
        items={WASTE.map((item) => ({ ...item, hint: NULLAM }))}
      />,
    ],
    [
      "small with hint",
      <Checkboxes
        key="small-hint"
        name="nationality"
        legend="Filter by"
        small
        items={[
          { value: "a", text: "a thing", hint: "hint for a thing" },
          { value: "b", text: "another thing" },
          { value: "c", text: "this thing" },
        ]}
      />,
    ],
    [
      "small with error",
      <Checkboxes
        key="small-error"
        name="nationality"
        legend="Filter by"
        small
        error="Select a thing"
        items={[
          { value: "a", text: "a thing" },
          { value: "b", text: "another thing" },
          { value: "c", text: "this thing" },
        ]}
      />,
    ],
    [
      "with error message and hint",
      <Checkboxes
        key="error-hint"
        name="example"
        legend="What is your nationality?"
        hint="If you have dual nationality, select all options that are relevant to you."
        error="Please select an option"
        items={[
          { value: "british", text: "British" },
          { value: "irish", text: "Irish" },
        ]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "checkboxes", fixture);
  });

  it("checks every item in defaultValues", () => {
    render(
      <Checkboxes
        name="interests"
        legend="What would you like help with?"
        items={[
          { value: "leadership", text: "Leadership" },
          { value: "policy", text: "Policy making" },
          { value: "digital", text: "Digital skills" },
        ]}
        defaultValues={["leadership", "digital"]}
      />,
    );
    const boxes = ["Leadership", "Policy making", "Digital skills"].map(
      (label) => screen.getByLabelText(label) as HTMLInputElement,
    );
    expect(boxes.map((box) => [box.id, box.name, box.checked])).toEqual([
      ["interests", "interests", true],
      ["interests-2", "interests", false],
      ["interests-3", "interests", true],
    ]);
  });
});
