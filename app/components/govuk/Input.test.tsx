// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Input } from "./Input";
import { expectToMatchFixture } from "./test-helpers";

const NINO_HINT =
  "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";
const NINO_ERROR = "Enter a National Insurance number in the correct format";

describe("Input", () => {
  it.each([
    ["default", <Input key="default" id="test-name" name="test-name" label="National Insurance number" />],
    [
      "with hint text",
      <Input
        key="hint"
        id="input-with-hint-text"
        name="test-name-2"
        label="National insurance number"
        hint={NINO_HINT}
      />,
    ],
    [
      "with error message",
      <Input
        key="error"
        id="input-with-error-message"
        name="test-name-3"
        label="National Insurance number"
        error={NINO_ERROR}
      />,
    ],
    [
      "with error and hint",
      <Input
        key="error-hint"
        id="with-error-hint"
        name="with-error-hint"
        label="National insurance number"
        hint={NINO_HINT}
        error={NINO_ERROR}
      />,
    ],
    [
      "with width-10 class",
      <Input
        key="width-10"
        id="input-width-10"
        name="test-width-10"
        label="National insurance number"
        hint={NINO_HINT}
        width="10"
      />,
    ],
    [
      "with label as page heading",
      <Input
        key="heading"
        id="input-with-page-heading"
        name="test-name"
        label="National Insurance number"
        labelClassName="govuk-label--l"
        labelIsPageHeading
      />,
    ],
    [
      "with prefix and suffix and error",
      <Input
        key="affixes"
        id="input-with-prefix-suffix"
        name="cost"
        label="Cost per item, in pounds"
        prefix="£"
        suffix="per item"
        error="Error message goes here"
      />,
    ],
    [
      "with extra letter spacing",
      <Input
        key="spacing"
        id="input-with-extra-letter-spacing"
        name="input-with-extra-letter-spacing"
        label="National insurance number"
        width="30"
        className="govuk-input--extra-letter-spacing"
        defaultValue="QQ 12 34 56 C"
      />,
    ],
    [
      "custom type",
      <Input
        key="type"
        id="with-custom-type"
        name="with-custom-type"
        label="With custom type"
        type="number"
      />,
    ],
    [
      "inputmode",
      <Input
        key="inputmode"
        id="with-inputmode"
        name="with-inputmode"
        label="With inputmode"
        inputMode="decimal"
      />,
    ],
    [
      "with autocomplete attribute",
      <Input
        key="autocomplete"
        id="input-with-autocomplete-attribute"
        name="postcode"
        label="Postcode"
        autoComplete="postal-code"
      />,
    ],
    [
      "with spellcheck disabled",
      <Input
        key="spellcheck"
        id="input-with-spellcheck-disabled"
        name="spellcheck"
        label="Spellcheck is disabled"
        spellCheck={false}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "input", fixture);
  });

  it("maps fractional widths to width override classes", () => {
    render(<Input id="email" name="email" label="Email address" type="email" width="two-thirds" />);
    expect(screen.getByLabelText("Email address").className).toBe("govuk-input govuk-!-width-two-thirds");
  });

  it("describes the input by its hint and error", () => {
    render(
      <Input id="email" name="email" label="Email address" hint="Your work email" error="Enter an email" />,
    );
    const input = screen.getByLabelText("Email address");
    expect(input.getAttribute("aria-describedby")).toBe("email-hint email-error");
    expect(
      input
        .getAttribute("aria-describedby")
        ?.split(" ")
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(["Your work email", "Error: Enter an email"]);
  });
});
