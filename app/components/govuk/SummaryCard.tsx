import type { ReactNode } from "react";
import { type SummaryAction, SummaryActionLink, SummaryCardTitleContext } from "./SummaryList";

export interface SummaryCardProps {
  title: ReactNode;
  actions?: SummaryAction[];
  /** Usually a `SummaryList`. */
  children: ReactNode;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

export function SummaryCard({ title, actions = [], children, headingLevel = 2 }: SummaryCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <SummaryCardTitleContext.Provider value={title}>
      <div className="govuk-summary-card">
        <div className="govuk-summary-card__title-wrapper">
          <Heading className="govuk-summary-card__title">{title}</Heading>
          {actions.length === 1 && actions[0] ? (
            <div className="govuk-summary-card__actions">
              <SummaryActionLink action={actions[0]} />
            </div>
          ) : (
            actions.length > 1 && (
              <ul className="govuk-summary-card__actions">
                {actions.map((action, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: actions often share an href
                  <li key={index} className="govuk-summary-card__action">
                    <SummaryActionLink action={action} />
                  </li>
                ))}
              </ul>
            )
          )}
        </div>
        <div className="govuk-summary-card__content">{children}</div>
      </div>
    </SummaryCardTitleContext.Provider>
  );
}
