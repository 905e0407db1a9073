import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { bindField, cx, describedBy, type FieldLike, textOf } from "./utils";

export interface SelectItem {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps {
  /** Conform field metadata: supplies the name, id, value shown and error. */
  field?: FieldLike;
  id?: string;
  name?: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  items: SelectItem[];
  defaultValue?: string;
  /** Extra classes for the `<select>`, e.g. `govuk-!-width-full`. */
  className?: string;
}

export function Select(props: SelectProps) {
  return <SelectView {...bound(props)} />;
}

function bound(props: SelectProps) {
  const b = bindField(props);
  return { ...b, defaultValue: props.defaultValue ?? textOf(props.field?.initialValue) };
}

function SelectView({
  id,
  name,
  label,
  labelIsPageHeading,
  labelClassName,
  hint,
  error,
  items,
  defaultValue,
  className,
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
      <select
        className={cx("govuk-select", className, error && "govuk-select--error")}
        id={id}
        name={name}
        aria-describedby={describedBy(hintId, errorId)}
        defaultValue={defaultValue}
      >
        {items.map((item) => (
          <option key={item.value} value={item.value} disabled={item.disabled}>
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}
