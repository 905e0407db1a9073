// A report table as a CSV download.
import { stringify } from "csv-stringify/sync";
import { csvCell, type ReportTable } from "~/domain/report";

/** An Excel-friendly CSV (UTF-8 with a byte order mark, ISO dates) of a report table. */
export function csvResponse(table: ReportTable, filename: string): Response {
  const body = stringify([
    table.columns.map((c) => c.title),
    ...table.rows.map((row) => row.map((value, i) => csvCell(table.columns[i]!.kind, value))),
  ]);
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** A name as a file name's part: "Tech Connect 2027" gives "tech-connect-2027". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
