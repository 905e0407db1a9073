import type { ReactNode } from "react";
import { cx } from "./utils";

export interface TableCell {
  text: ReactNode;
  format?: "numeric";
  className?: string;
}

export interface TableProps {
  caption?: ReactNode;
  captionSize?: "s" | "m" | "l" | "xl";
  head?: TableCell[];
  rows: TableCell[][];
  /** Renders the first cell of each row as a row header. */
  firstCellIsHeader?: boolean;
  className?: string;
}

export function Table({ caption, captionSize, head, rows, firstCellIsHeader, className }: TableProps) {
  return (
    <table className={cx("govuk-table", className)}>
      {caption && (
        <caption
          className={cx("govuk-table__caption", captionSize && `govuk-table__caption--${captionSize}`)}
        >
          {caption}
        </caption>
      )}
      {head && (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((cell, index) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                key={index}
                scope="col"
                className={cx(
                  "govuk-table__header",
                  cell.format && `govuk-table__header--${cell.format}`,
                  cell.className,
                )}
              >
                {cell.text}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <tr key={rowIndex} className="govuk-table__row">
            {row.map((cell, index) =>
              index === 0 && firstCellIsHeader ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <th key={index} scope="row" className={cx("govuk-table__header", cell.className)}>
                  {cell.text}
                </th>
              ) : (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  key={index}
                  className={cx(
                    "govuk-table__cell",
                    cell.format && `govuk-table__cell--${cell.format}`,
                    cell.className,
                  )}
                >
                  {cell.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
