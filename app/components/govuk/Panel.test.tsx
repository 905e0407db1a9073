// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Panel } from "./Panel";
import { expectToMatchFixture } from "./test-helpers";

describe("Panel", () => {
  it.each([
    [
      "default",
      <Panel key="default" title="Application complete">
        Your reference number
        <br />
        <strong>HDJ2123F</strong>
      </Panel>,
    ],
    [
      "title html",
      <Panel
        key="title-html"
        title={
          <>
            Application <strong>not</strong> complete
          </>
        }
      >
        Please complete <strong>form 1</strong>
      </Panel>,
    ],
    ["title with no body text", <Panel key="no-body" title="Application complete" />],
    [
      "custom heading level",
      <Panel key="h2" title="Application complete" headingLevel={2}>
        Your reference number: HDJ2123F
      </Panel>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "panel", fixture);
  });
});
