// The frame of a page of plain information (accessibility, cookies, privacy, how teams are formed): a heading and
// prose in the two-thirds column.
import type { ReactNode } from "react";

export function StaticPage({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        {children}
      </div>
    </div>
  );
}
