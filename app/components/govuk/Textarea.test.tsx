// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Textarea } from "./Textarea";
import { expectToMatchFixture } from "./test-helpers";

describe("Textarea", () => {
  it.each([
    [
      "default",
      <Textarea key="default" id="more-detail" name="more-detail" label="Can you provide more detail?" />,
    ],
    [
      "with hint",
      <Textarea
        key="hint"
        id="more-detail"
        name="more-detail"
        label="Can you provide more detail?"
        hint="Don't include personal or financial information, eg your National Insurance number or credit card details."
      />,
    ],
    [
      "with error message",
      <Textarea
        key="error"
        id="no-ni-reason"
        name="no-ni-reason"
        label="Why can’t you provide a National Insurance number?"
        error="You must provide an explanation"
      />,
    ],
    [
      "with default value",
      <Textarea
        key="value"
        id="full-address"
        name="address"
        label="Full address"
        defaultValue={"221B Baker Street\nLondon\nNW1 6XE\n"}
      />,
    ],
    [
      "with custom rows",
      <Textarea key="rows" id="full-address" name="address" label="Full address" rows={8} />,
    ],
    [
      "with label as page heading",
      <Textarea
        key="heading"
        id="textarea-with-page-heading"
        name="address"
        label="Full address"
        labelClassName="govuk-label--l"
        labelIsPageHeading
      />,
    ],
    [
      "with hint and error message",
      <Textarea
        key="hint-error"
        id="with-hint-error"
        name="with-hint-error"
        label="With hint and error"
        hint="Hint"
        error="Error message"
      />,
    ],
    [
      "with autocomplete attribute",
      <Textarea
        key="autocomplete"
        id="textarea-with-autocomplete-attribute"
        name="address"
        label="Full address"
        autoComplete="street-address"
      />,
    ],
    [
      "with spellcheck enabled",
      <Textarea
        key="spellcheck"
        id="textarea-with-spellcheck-enabled"
        name="spellcheck"
        label="Spellcheck is enabled"
        spellCheck
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "textarea", fixture);
  });
});
