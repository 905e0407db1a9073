// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Tag } from "./Tag";
import { expectToMatchFixture } from "./test-helpers";

describe("Tag", () => {
  it.each([
    ["default", <Tag key="default">Alpha</Tag>],
    [
      "grey",
      <Tag key="grey" colour="grey">
        Grey
      </Tag>,
    ],
    [
      "turquoise",
      <Tag key="turquoise" colour="turquoise">
        Teal
      </Tag>,
    ],
    [
      "pink",
      <Tag key="pink" colour="pink">
        Magenta
      </Tag>,
    ],
    [
      "yellow",
      <Tag key="yellow" colour="yellow">
        Yellow
      </Tag>,
    ],
    [
      "html",
      <Tag key="html">
        <span>Alpha</span>
      </Tag>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "tag", fixture);
  });
});
