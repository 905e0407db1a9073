import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffWords, hasChanges, tokenise } from "./text-diff";

const join = (parts: ReturnType<typeof diffWords>, kinds: string[]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join("");

describe("word diff", () => {
  it("keeps spaces as tokens so the text comes back whole", () => {
    expect(tokenise("a  b\nc")).toEqual(["a", "  ", "b", "\n", "c"]);
    expect(tokenise("")).toEqual([]);
  });

  it("finds a changed word in the middle", () => {
    expect(diffWords("Citizens wait weeks for refunds", "Citizens wait months for refunds")).toEqual([
      { kind: "same", text: "Citizens wait " },
      { kind: "removed", text: "weeks" },
      { kind: "added", text: "months" },
      { kind: "same", text: " for refunds" },
    ]);
  });

  it("shows added and removed words", () => {
    expect(diffWords("one two three", "one three four")).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two " },
      { kind: "same", text: "three" },
      { kind: "added", text: " four" },
    ]);
  });

  it("says when nothing changed, and handles empty texts", () => {
    expect(hasChanges(diffWords("same text", "same text"))).toBe(false);
    expect(diffWords("", "new")).toEqual([{ kind: "added", text: "new" }]);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("always rebuilds both texts from its parts", () => {
    const words = fc.array(fc.constantFrom("a", "b", "c", " ", "\n", "dd"), { maxLength: 30 });
    fc.assert(
      fc.property(words, words, (x, y) => {
        const before = x.join("");
        const after = y.join("");
        const parts = diffWords(before, after);
        expect(join(parts, ["same", "removed"])).toBe(before);
        expect(join(parts, ["same", "added"])).toBe(after);
        expect(hasChanges(parts)).toBe(before !== after);
      }),
    );
  });

  it("keeps as many words as possible in common", () => {
    const parts = diffWords("the quick brown fox jumps", "the slow brown fox walks");
    expect(join(parts, ["same"]).replace(/\s+/g, " ").trim()).toBe("the brown fox");
  });
});
