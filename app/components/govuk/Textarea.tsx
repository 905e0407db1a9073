import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { cx, describedBy } from "./utils";

export interface TextareaProps {
  id: string;
  name: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  spellCheck?: boolean;
  autoComplete?: string;
  maxLength?: number;
}

export function Textarea({
  id,
  name,
  label,
  labelIsPageHeading,
  labelClassName,
  hint,
  error,
  defaultValue,
  rows = 5,
  spellCheck,
  autoComplete,
  maxLength,
}: TextareaProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} className={labelClassName}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        className={cx("govuk-textarea", error && "govuk-textarea--error")}
        id={id}
        name={name}
        rows={rows}
        spellCheck={spellCheck}
        aria-describedby={describedBy(hintId, errorId)}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={defaultValue}
      />
    </div>
  );
}
