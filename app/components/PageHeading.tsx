// A page's heading, with what the page belongs to (a cohort, a programme, a team) as the caption above it.
import type { ReactNode } from "react";

export function PageHeading({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <h1 className="govuk-heading-l">
      <span className="govuk-caption-l">{caption}</span>
      {children}
    </h1>
  );
}
