import type { ReactNode } from "react";
import { cx } from "./utils";

export type LegendSize = "s" | "m" | "l" | "xl";

export interface FieldsetProps {
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  describedBy?: string;
  children?: ReactNode;
  role?: string;
}

export function Fieldset({
  legend,
  legendIsPageHeading,
  legendSize,
  describedBy,
  children,
  role,
}: FieldsetProps) {
  return (
    <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy || undefined}>
      <legend className={cx("govuk-fieldset__legend", legendSize && `govuk-fieldset__legend--${legendSize}`)}>
        {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
