// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Hint } from "./Hint";
import { expectToMatchFixture } from "./test-helpers";

describe("Hint", () => {
  it.each([
    [
      "default",
      <Hint key="default">
        {
          "It's on your National Insurance card, benefit letter, payslip or P60.\nFor example, 'QQ 12 34 56 C'.\n"
        }
      </Hint>,
    ],
    [
      "with html",
      <Hint key="html">
        It's on your National Insurance card, benefit letter, payslip or{" "}
        {/* biome-ignore lint/a11y/useValidAnchor: fixture content */}
        <a className="govuk-link" href="#">
          P60
        </a>
        . For example, 'QQ 12 34 56 C'.
      </Hint>,
    ],
    [
      "id",
      <Hint key="id" id="my-hint">
        It's on your National Insurance card, benefit letter, payslip or P60.
      </Hint>,
    ],
    [
      "classes",
      <Hint key="classes" id="example-hint" className="app-hint--custom-modifier">
        It's on your National Insurance card, benefit letter, payslip or P60.
      </Hint>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "hint", fixture);
  });
});
