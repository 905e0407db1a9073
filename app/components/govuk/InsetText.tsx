import type { ReactNode } from "react";

export interface InsetTextProps {
  children: ReactNode;
}

export function InsetText({ children }: InsetTextProps) {
  return <div className="govuk-inset-text">{children}</div>;
}
