// @vitest-environment jsdom
import { describe, it } from "vitest";
import { ErrorMessage } from "./ErrorMessage";
import { expectToMatchFixture } from "./test-helpers";

describe("ErrorMessage", () => {
  it.each([
    ["default", <ErrorMessage key="default">Error message about full name goes here</ErrorMessage>],
    [
      "id",
      <ErrorMessage key="id" id="my-error-message-id">
        This is an error message
      </ErrorMessage>,
    ],
    [
      "html",
      <ErrorMessage key="html">
        Unexpected <b>bold text</b> in body copy
      </ErrorMessage>,
    ],
    ["html as text", <ErrorMessage key="text">Unexpected &gt; in body</ErrorMessage>],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "error-message", fixture);
  });
});
