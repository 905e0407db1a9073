// @vitest-environment jsdom
import { describe, it } from "vitest";
import { InsetText } from "./InsetText";
import { expectToMatchFixture } from "./test-helpers";

const TEXT =
  "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.";

describe("InsetText", () => {
  it.each([
    ["default", <InsetText key="default">{TEXT}</InsetText>],
    [
      "with html",
      <InsetText key="html">
        <p className="govuk-body">{TEXT}</p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-warning-text__assistive">Warning</span> You can be fined up to £5,000 if
            you don’t register.
          </strong>
        </div>
        <p className="govuk-body">{TEXT}</p>
      </InsetText>,
    ],
    [
      "html as text",
      <InsetText key="escaped">
        {
          "It can take <b>up to 8 weeks</b> to register a lasting power of attorney if there are no mistakes in the application."
        }
      </InsetText>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "inset-text", fixture);
  });
});
