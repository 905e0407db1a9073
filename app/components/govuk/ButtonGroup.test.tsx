// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Button } from "./Button";
import { ButtonGroup } from "./ButtonGroup";

// The button group is a govuk-frontend layout class rather than a component, so it has no fixtures.
describe("ButtonGroup", () => {
  it("wraps its buttons in govuk-button-group", () => {
    const { container } = render(
      <ButtonGroup>
        <Button>Save</Button>
        <a className="govuk-link" href="/cancel">
          Cancel
        </a>
      </ButtonGroup>,
    );
    const group = container.firstElementChild;
    expect(group?.className).toBe("govuk-button-group");
    expect(Array.from(group?.children ?? []).map((child) => child.tagName)).toEqual(["BUTTON", "A"]);
  });
});
