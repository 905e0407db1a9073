// A report table as a GOV.UK table, with a link to download the same figures as CSV.
import { Table } from "~/components/govuk";
import { formatUkDate } from "~/domain/calendar";
import { displayCell, type ReportTable } from "~/domain/report";

export function ReportTableView({
  table,
  csvHref,
  empty,
}: {
  table: ReportTable;
  csvHref?: string;
  empty?: string;
}) {
  const numeric = (kind: string) => kind !== "text" && kind !== "date";
  if (table.rows.length === 0 && empty) return <p className="govuk-body">{empty}</p>;
  return (
    <div className="tandem-table-scroll">
      <Table
        caption={table.title}
        captionSize="s"
        firstCellIsHeader
        head={table.columns.map((c) => ({ text: c.title, format: numeric(c.kind) ? "numeric" : undefined }))}
        rows={table.rows.map((row) =>
          row.map((value, i) => {
            const kind = table.columns[i]!.kind;
            return {
              text: displayCell(kind, value, formatUkDate),
              format: numeric(kind) ? "numeric" : undefined,
              className: kind === "date" ? "tandem-nowrap" : undefined,
            };
          }),
        )}
      />
      {csvHref ? (
        <p className="govuk-body tandem-no-print">
          <a className="govuk-link" href={csvHref} download>
            Download “{table.title}” (CSV)
          </a>
        </p>
      ) : null}
    </div>
  );
}
