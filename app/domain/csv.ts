// Every CSV Tandem writes goes through toCsv, so no text anyone typed reaches a spreadsheet as a formula.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula: OWASP's CSV injection list (=, +, -, @, tab, carriage return), the
 * full-width forms some spreadsheets also read as those, and any of them after leading spaces, which an import
 * may trim.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/u;

/** Separators a spreadsheet may split an unquoted cell on besides the comma (a semicolon in some locales, a tab). */
const OTHER_SEPARATORS = /[;\t]/;

/** The text with a single quote in front when a spreadsheet would otherwise read it as a formula (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function textCell(text: string) {
  const safe = neutraliseFormula(text);
  return safe !== text || OTHER_SEPARATORS.test(text) ? { value: safe, quoted: true } : safe;
}

/**
 * Rows (the header first) as an Excel-friendly CSV: UTF-8 with a byte order mark. Whether a cell is text is decided
 * by its type, not its look: numbers are written as numbers (-3 stays -3), text that could start a formula gets a
 * leading ' and double quotes, and text holding another separator is quoted too. Dates are ISO text.
 */
export function toCsv(rows: CsvCell[][]): string {
  return stringify(rows, { bom: true, cast: { string: textCell } });
}
