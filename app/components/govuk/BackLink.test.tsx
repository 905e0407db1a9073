// @vitest-environment jsdom
import { describe, it } from "vitest";
import { BackLink } from "./BackLink";
import { expectToMatchFixture } from "./test-helpers";

describe("BackLink", () => {
  it.each([
    ["default", <BackLink key="default" href="#" />],
    [
      "with custom text and link",
      <BackLink key="custom" href="/home">
        Back to home
      </BackLink>,
    ],
    [
      "html",
      <BackLink key="html" href="#">
        <b>Back</b>
      </BackLink>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "back-link", fixture);
  });
});
