// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Button } from "./Button";
import { expectToMatchFixture } from "./test-helpers";

describe("Button", () => {
  it.each([
    ["default", <Button key="default">Save and continue</Button>],
    [
      "disabled",
      <Button key="disabled" disabled>
        Disabled button
      </Button>,
    ],
    [
      "link",
      <Button key="link" href="/">
        Link button
      </Button>,
    ],
    [
      "start",
      <Button key="start" isStartButton>
        Start now button
      </Button>,
    ],
    [
      "secondary",
      <Button key="secondary" name="secondary" variant="secondary">
        Secondary button
      </Button>,
    ],
    [
      "warning disabled",
      <Button key="warning-disabled" name="warning" variant="warning" disabled>
        Warning button disabled
      </Button>,
    ],
    [
      "inverse",
      <Button key="inverse" name="Inverse" variant="inverse">
        Inverse button
      </Button>,
    ],
    [
      "type",
      <Button key="type" type="button">
        Submit
      </Button>,
    ],
    [
      "value",
      <Button key="value" value="start">
        Submit
      </Button>,
    ],
    [
      "id",
      <Button key="id" id="submit">
        Submit
      </Button>,
    ],
    [
      "prevent double click",
      <Button key="pdc" preventDoubleClick>
        Submit
      </Button>,
    ],
    [
      "don't prevent double click",
      <Button key="no-pdc" preventDoubleClick={false}>
        Submit
      </Button>,
    ],
    [
      "start link",
      <Button key="start-link" href="/" isStartButton>
        Start now link button
      </Button>,
    ],
    [
      "link classes",
      <Button key="link-classes" href="/" className="app-button--custom-modifier">
        Submit
      </Button>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "button", fixture);
  });

  it("wraps rich start-button content in a span", () => {
    expectToMatchFixture(
      <Button href="/" isStartButton>
        Start <em>now</em>
      </Button>,
      "button",
      "start link with html",
    );
  });

  it("submits the form it belongs to", () => {
    render(
      <Button form="search" name="action" value="go">
        Search
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Search" });
    expect(button.getAttribute("form")).toBe("search");
    expect(button.getAttribute("type")).toBe("submit");
  });
});
