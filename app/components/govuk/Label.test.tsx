// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Label } from "./Label";
import { expectToMatchFixture } from "./test-helpers";

describe("Label", () => {
  it.each([
    ["default", <Label key="default">National Insurance number</Label>],
    [
      "for",
      <Label key="for" htmlFor="test-target-input">
        National Insurance number
      </Label>,
    ],
    [
      "styled as large text",
      <Label key="l" className="govuk-label--l">
        National Insurance number
      </Label>,
    ],
    [
      "as page heading xl",
      <Label key="heading-xl" className="govuk-label--xl" isPageHeading>
        National Insurance number
      </Label>,
    ],
    [
      "as page heading without class",
      <Label key="heading" isPageHeading>
        National Insurance number
      </Label>,
    ],
    [
      "html",
      <Label key="html">
        National Insurance number <em>NINO</em>
      </Label>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "label", fixture);
  });
});
