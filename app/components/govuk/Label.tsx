import type { ReactNode } from "react";
import { cx } from "./utils";

export interface LabelProps {
  htmlFor?: string;
  children: ReactNode;
  isPageHeading?: boolean;
  className?: string;
}

export function Label({ htmlFor, children, isPageHeading, className }: LabelProps) {
  const label = (
    <label className={cx("govuk-label", className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
