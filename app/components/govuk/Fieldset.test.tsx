// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Fieldset } from "./Fieldset";
import { expectToMatchFixture } from "./test-helpers";

describe("Fieldset", () => {
  it.each([
    ["default", <Fieldset key="default" legend="What is your address?" />],
    ["styled as medium text", <Fieldset key="m" legend="What is your address?" legendSize="m" />],
    [
      "as page heading l",
      <Fieldset key="heading-l" legend="What is your address?" legendSize="l" legendIsPageHeading />,
    ],
    [
      "as page heading without class",
      <Fieldset key="heading" legend="What is your address?" legendIsPageHeading />,
    ],
    [
      "with describedBy",
      <Fieldset key="describedby" legend="Which option?" describedBy="test-target-element" />,
    ],
    ["role", <Fieldset key="role" legend="Which option?" role="group" />],
    [
      "html",
      <Fieldset
        key="html"
        legend={
          <>
            What is <b>your</b> address?
          </>
        }
      />,
    ],
    [
      "html fieldset content",
      <Fieldset key="content" legend="What is your address?">
        <div className="my-content">
          <p>This is some content to put inside the fieldset</p>
        </div>
      </Fieldset>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "fieldset", fixture);
  });
});
