// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Select } from "./Select";
import { expectToMatchFixture } from "./test-helpers";

const ITEMS = [
  { value: "1", text: "GOV.UK frontend option 1" },
  { value: "2", text: "GOV.UK frontend option 2" },
  { value: "3", text: "GOV.UK frontend option 3", disabled: true },
];

describe("Select", () => {
  it.each([
    [
      "default",
      <Select
        key="default"
        id="select-1"
        name="select-1"
        label="Label text goes here"
        items={ITEMS}
        defaultValue="2"
      />,
    ],
    [
      "with hint text and error message",
      <Select
        key="hint-error"
        id="select-2"
        name="select-2"
        label="Label text goes here"
        hint="Hint text goes here"
        error="Error message goes here"
        items={ITEMS.map(({ value, text }) => ({ value, text }))}
      />,
    ],
    [
      "with label as page heading",
      <Select
        key="heading"
        id="select-3"
        name="select-3"
        label="Label text goes here"
        labelClassName="govuk-label--l"
        labelIsPageHeading
        items={ITEMS}
        defaultValue="2"
      />,
    ],
    [
      "with full width override",
      <Select
        key="full-width"
        id="select-1"
        name="select-1"
        label="Label text goes here"
        className="govuk-!-width-full"
        items={ITEMS}
        defaultValue="2"
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "select", fixture);
  });

  it("selects the defaultValue option", () => {
    render(
      <Select
        id="cohort"
        name="cohort"
        label="Cohort"
        items={[
          { value: "", text: "Choose a cohort" },
          { value: "spring", text: "Spring 2026" },
          { value: "autumn", text: "Autumn 2026" },
        ]}
        defaultValue="autumn"
      />,
    );
    expect((screen.getByLabelText("Cohort") as HTMLSelectElement).value).toBe("autumn");
  });
});
