// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { expectToMatchFixture, loadFixture, normaliseHtml } from "./test-helpers";

describe("normaliseHtml", () => {
  it("ignores indentation, comments, attribute order and class order", () => {
    expect(normaliseHtml('<p class="b a" id="x">\n  Hello\n  <!-- note --><b>world</b>\n</p>')).toBe(
      normaliseHtml('<p id="x" class="a b">Hello <b>world</b></p>'),
    );
  });

  it("ignores whitespace next to line breaks and block elements", () => {
    expect(normaliseHtml("<p>Line 1<br>\n  Line 2</p>")).toBe(normaliseHtml("<p>Line 1<br>Line 2</p>"));
    expect(normaliseHtml("<div>Found on\n<ul><li>a card</li></ul></div>")).toBe(
      normaliseHtml("<div>Found on<ul><li>a card</li></ul></div>"),
    );
  });

  it("keeps significant spaces", () => {
    expect(normaliseHtml('Next<span class="govuk-visually-hidden"> page</span>')).not.toBe(
      normaliseHtml('Next<span class="govuk-visually-hidden">page</span>'),
    );
    expect(normaliseHtml("<p><span>Error:</span> Enter a name</p>")).not.toBe(
      normaliseHtml("<p><span>Error:</span>Enter a name</p>"),
    );
  });
});

describe("expectToMatchFixture", () => {
  it("loads fixtures by name", () => {
    expect(loadFixture("tag", "grey").options).toEqual({ text: "Grey", classes: "govuk-tag--grey" });
    expect(() => loadFixture("tag", "no such fixture")).toThrow(/No fixture named/);
  });

  it("reports where the markup differs", () => {
    expect(() => expectToMatchFixture(<strong className="govuk-tag">Grey</strong>, "tag", "grey")).toThrow(
      /tag > strong\[0\]: attributes differ/,
    );
    expect(() =>
      expectToMatchFixture(<strong className="govuk-tag govuk-tag--grey">Gray</strong>, "tag", "grey"),
    ).toThrow(/ours is text "Gray", govuk-frontend's is text "Grey"/);
    expect(() =>
      expectToMatchFixture(<span className="govuk-tag govuk-tag--grey">Grey</span>, "tag", "grey"),
    ).toThrow(/ours is <span>, govuk-frontend's is <strong>/);
  });
});
