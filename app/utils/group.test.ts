import { describe, expect, it } from "vitest";
import { groupBy } from "./group";

describe("groupBy", () => {
  it("gives every key a list, in the items' order, empty when no item has the key", () => {
    const rows = [
      { cohort: 2, name: "b" },
      { cohort: 1, name: "a" },
      { cohort: 2, name: "c" },
    ];
    const groups = groupBy([1, 2, 3], rows, ({ cohort, name }) => [cohort, name]);
    expect([...groups]).toEqual([
      [1, ["a"]],
      [2, ["b", "c"]],
      [3, []],
    ]);
  });

  it("leaves out items whose key was not asked for", () => {
    expect(groupBy([1], [{ k: 1 }, { k: 9 }], (item) => [item.k, item]).get(9)).toBeUndefined();
  });
});
