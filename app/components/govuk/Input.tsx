import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { bindField, cx, describedBy, type FieldLike, textOf } from "./utils";

export type InputWidth =
  | "2"
  | "3"
  | "4"
  | "5"
  | "10"
  | "20"
  | "30"
  | "full"
  | "three-quarters"
  | "two-thirds"
  | "one-half"
  | "one-third"
  | "one-quarter";

export interface InputProps {
  /** Conform field metadata: supplies the name, id, value shown and error. */
  field?: FieldLike;
  id?: string;
  name?: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  type?: "text" | "email" | "password" | "number" | "tel" | "url" | "search";
  defaultValue?: string;
  autoComplete?: string;
  spellCheck?: boolean;
  inputMode?: "text" | "numeric" | "email" | "tel" | "url" | "decimal";
  width?: InputWidth;
  className?: string;
  prefix?: string;
  suffix?: string;
  required?: boolean;
  maxLength?: number;
}

function widthClass(width: InputWidth | undefined): string | undefined {
  if (!width) return undefined;
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

export function Input(props: InputProps) {
  return <InputView {...bound(props)} />;
}

function bound(props: InputProps) {
  const b = bindField(props);
  return { ...b, defaultValue: props.defaultValue ?? textOf(props.field?.initialValue) };
}

function InputView({
  id,
  name,
  label,
  labelIsPageHeading,
  labelClassName,
  hint,
  error,
  type = "text",
  defaultValue,
  autoComplete,
  spellCheck,
  inputMode,
  width,
  className,
  prefix,
  suffix,
  required,
  maxLength,
}: ReturnType<typeof bound>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const input = (
    <input
      className={cx("govuk-input", widthClass(width), className, error && "govuk-input--error")}
      id={id}
      name={name}
      type={type}
      defaultValue={defaultValue}
      spellCheck={spellCheck}
      aria-describedby={describedBy(hintId, errorId)}
      autoComplete={autoComplete}
      inputMode={inputMode}
      required={required}
      maxLength={maxLength}
    />
  );

  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} className={labelClassName}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          )}
          {input}
          {suffix && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          )}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
