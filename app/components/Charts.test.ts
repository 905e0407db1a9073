import { describe, expect, it } from "vitest";
import { wrapLabel } from "./Charts";

describe("wrapLabel", () => {
  it("breaks a long name between words instead of cutting it", () => {
    expect(wrapLabel("Department for Work and Pensions: Universal Credit", 27)).toEqual([
      "Department for Work and",
      "Pensions: Universal Credit",
    ]);
  });

  it("keeps a short name on one line and splits a word longer than a line, losing nothing", () => {
    expect(wrapLabel("Team 1", 27)).toEqual(["Team 1"]);
    const lines = wrapLabel("Supercalifragilisticexpialidocious Ltd", 10);
    expect(lines.every((line) => line.length <= 10)).toBe(true);
    expect(lines.join("").replace(/ /g, "")).toBe("SupercalifragilisticexpialidociousLtd");
  });
});
