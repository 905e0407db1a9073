// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Details } from "./Details";
import { expectToMatchFixture } from "./test-helpers";

const NATIONALITY =
  "We need to know your nationality so we can work out which elections you’re entitled to vote in. If you can’t provide your nationality, you’ll have to send copies of identity documents through the post.";

describe("Details", () => {
  it.each([
    [
      "default",
      <Details key="default" summary="Help with nationality">
        {NATIONALITY}
      </Details>,
    ],
    [
      "expanded",
      <Details key="expanded" id="help-with-nationality" summary="Help with nationality" open>
        {NATIONALITY}
      </Details>,
    ],
    [
      "with html",
      <Details key="html" summary="Where to find your National Insurance Number">
        Your National Insurance number can be found on
        <ul>
          <li>your National Insurance card</li>
          <li>your payslip</li>
          <li>P60</li>
          <li>benefits information</li>
          <li>tax return</li>
        </ul>
      </Details>,
    ],
    [
      "summary html",
      <Details
        key="summary-html"
        summary={
          <>
            Use <b>bold text</b> sparingly
          </>
        }
      >
        Here are some more details
      </Details>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "details", fixture);
  });
});
