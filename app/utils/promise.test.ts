import { describe, expect, it } from "vitest";
import { allOf } from "./promise";

describe("allOf", () => {
  it("gives each name the result of the promise started under it", async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 10));
    expect(await allOf({ slow, fast: Promise.resolve(1), plain: "as is" })).toEqual({
      slow: "late",
      fast: 1,
      plain: "as is",
    });
  });

  it("fails when any of them fails", async () => {
    await expect(allOf({ good: Promise.resolve(1), bad: Promise.reject(new Error("no")) })).rejects.toThrow(
      "no",
    );
  });
});
