// CSV downloads: a report table, or any rows, written by the domain's toCsv (which neutralises formulas).
import { type CsvCell, toCsv } from "~/domain/csv";
import { csvCell, type ReportTable } from "~/domain/report";

/** Rows (the header first) as a CSV file to download, never cached. */
export function csvDownload(rows: CsvCell[][], filename: string): Response {
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** An Excel-friendly CSV (UTF-8 with a byte order mark, ISO dates) of a report table. */
export function csvResponse(table: ReportTable, filename: string): Response {
  return csvDownload(
    [
      table.columns.map((c) => c.title),
      ...table.rows.map((row) => row.map((value, i) => csvCell(table.columns[i]!.kind, value))),
    ],
    filename,
  );
}

/** A name as a file name's part: "Tech Connect 2027" gives "tech-connect-2027". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
