import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "./csv";

/** The body without its byte order mark, parsed back into cells. */
const cells = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];

describe("neutraliseFormula", () => {
  it("puts a single quote before text a spreadsheet would read as a formula", () => {
    for (const text of [
      '=HYPERLINK("http://evil.example","Click")',
      "+1+1",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "\tTabbed",
      "\r=1+1",
      "  =1+1",
      "\u3000=1+1",
      "＝1+1",
      "＋1",
      "－1",
      "＠SUM(A1)",
    ])
      expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it("leaves other text alone, including text with those characters later on", () => {
    for (const text of ["Team Falcon", "2027-03-25", "A = B", "name@example.test", "Co-op", "'quoted", ""])
      expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("toCsv", () => {
  it("writes a byte order mark and the rows, numbers as numbers even when negative", () => {
    expect(
      toCsv([
        ["Area", "Change", "Date"],
        ["Confidence", -3, "2027-01-13"],
        ["Empty", null, undefined],
      ]),
    ).toBe("\uFEFFArea,Change,Date\nConfidence,-3,2027-01-13\nEmpty,,\n");
  });

  it("quotes and neutralises every text cell that could start a formula, the header row included", () => {
    const csv = toCsv([
      ["=1+1 (1-5)", "Team"],
      ['=HYPERLINK("http://evil.example","Click")', "-2"],
      ["@SUM(A1)", "\t=1"],
    ]);
    expect(csv).toBe(
      '\uFEFF"\'=1+1 (1-5)",Team\n' +
        '"\'=HYPERLINK(""http://evil.example"",""Click"")","\'-2"\n' +
        '"\'@SUM(A1)","\'\t=1"\n',
    );
  });

  it("quotes text holding a separator a spreadsheet might split on", () => {
    expect(toCsv([["a;=1+1", "b\t=2", "c,d"]])).toBe('\uFEFF"a;=1+1","b\t=2","c,d"\n');
  });

  it("reads back as the same text, a quote before any formula, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (row) => {
        const [back] = cells(toCsv([row]));
        expect(back).toEqual(row.map(neutraliseFormula));
        for (const cell of back!) expect(cell).not.toMatch(/^(?:[\t\r]|\s*[=+\-@＝＋－＠])/u);
      }),
    );
  });
});
