import { describe, expect, it } from "vitest";
import { locateJsonError } from "./json-error";

describe("locating malformed JSON", () => {
  it("says nothing of valid JSON", () => {
    expect(locateJsonError('{"a": "\\u00e9", "b": [true, null, -1.5e3, {}], "c": []}')).toBeNull();
    expect(locateJsonError(" 42 ")).toBeNull();
  });

  it("gives the line, column and path of the first problem", () => {
    expect(locateJsonError('{\n  "scores": [{"score": 1}, {"score": x}]\n}')).toEqual({
      line: 2,
      column: 38,
      path: "scores[1].score",
      message: 'expected a value, found "x"',
    });
    expect(locateJsonError('{"a": [1,,2]}')).toMatchObject({ column: 10, path: "a[1]" });
    expect(locateJsonError('{"a": 1,}')).toMatchObject({
      path: "",
      message: 'expected a double-quoted string, found "}"',
    });
  });

  it("explains a file cut short, trailing text and bad strings", () => {
    expect(locateJsonError('{"criteria": [')).toMatchObject({
      path: "criteria[0]",
      message: "expected a value, found the end of the file",
    });
    expect(locateJsonError("")).toMatchObject({ line: 1, column: 1 });
    expect(locateJsonError("{} x")?.message).toBe('unexpected "x" after the end of the JSON');
    expect(locateJsonError('{"a": "b\\q"}')?.message).toBe(
      "a string has a bad escape or a control character",
    );
    expect(locateJsonError('{"a": "b')?.message).toBe("a string is not closed");
  });
});
