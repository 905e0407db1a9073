// @vitest-environment jsdom
import { describe, it } from "vitest";
import { expectToMatchFixture } from "./test-helpers";
import { WarningText } from "./WarningText";

describe("WarningText", () => {
  it.each([
    [
      "default",
      <WarningText key="default">You can be fined up to £5,000 if you don’t register.</WarningText>,
    ],
    [
      "html",
      <WarningText key="html">
        <span>Some custom warning text</span>
      </WarningText>,
    ],
    ["no icon fallback text", <WarningText key="no-fallback">This is a warning</WarningText>],
    [
      "icon fallback text only",
      <WarningText key="fallback-only" iconFallbackText="Some custom fallback text">
        {""}
      </WarningText>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "warning-text", fixture);
  });
});
