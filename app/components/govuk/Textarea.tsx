import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { bindField, cx, describedBy, type FieldLike, textOf } from "./utils";

export interface TextareaProps {
  /** Conform field metadata: supplies the name, id, value shown and error. */
  field?: FieldLike;
  id?: string;
  name?: string;
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

export function Textarea(props: TextareaProps) {
  return <TextareaView {...bound(props)} />;
}

function bound(props: TextareaProps) {
  const b = bindField(props);
  return { ...b, defaultValue: props.defaultValue ?? textOf(props.field?.initialValue) };
}

function TextareaView({
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
}: ReturnType<typeof bound>) {
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
