import { createContext, type ReactNode, useContext } from "react";
import { cx } from "./utils";

export interface SummaryAction {
  href: string;
  text: ReactNode;
  /** Appended to the link text for screen readers, e.g. "name" makes "Change name". */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryAction[];
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
  className?: string;
}

/** Set by `SummaryCard` so action links inside the card name the card for screen readers. */
export const SummaryCardTitleContext = createContext<ReactNode>(undefined);

export function SummaryActionLink({ action }: { action: SummaryAction }) {
  const cardTitle = useContext(SummaryCardTitleContext);
  return (
    <a className="govuk-link" href={action.href}>
      {action.text}
      {(action.visuallyHiddenText || cardTitle) && (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText && ` ${action.visuallyHiddenText}`}
          {cardTitle && <> ({cardTitle})</>}
        </span>
      )}
    </a>
  );
}

function RowActions({ actions }: { actions: SummaryAction[] }) {
  return (
    <dd className="govuk-summary-list__actions">
      {actions.length === 1 && actions[0] ? (
        <SummaryActionLink action={actions[0]} />
      ) : (
        <ul className="govuk-summary-list__actions-list">
          {actions.map((action, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions often share an href
            <li key={index} className="govuk-summary-list__actions-list-item">
              <SummaryActionLink action={action} />
            </li>
          ))}
        </ul>
      )}
    </dd>
  );
}

export function SummaryList({ rows, noBorder, className }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => row.actions?.length);
  return (
    <dl className={cx("govuk-summary-list", noBorder && "govuk-summary-list--no-border", className)}>
      {rows.map((row, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are static and keys are arbitrary nodes
          key={index}
          className={cx(
            "govuk-summary-list__row",
            anyRowHasActions && !row.actions?.length && "govuk-summary-list__row--no-actions",
          )}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.actions?.length ? <RowActions actions={row.actions} /> : null}
        </div>
      ))}
    </dl>
  );
}
