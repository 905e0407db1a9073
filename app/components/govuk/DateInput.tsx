import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Fieldset, type LegendSize } from "./Fieldset";
import { Hint } from "./Hint";
import { Input } from "./Input";
import { cx, describedBy, type FieldLike, textOf } from "./utils";

export type DateField = "day" | "month" | "year";

export interface DateInputProps {
  /** Conform field metadata of a date object: the inputs are named `${name}.day` etc. and show what was sent. */
  field?: FieldLike;
  id?: string;
  /** Inputs are named `${namePrefix}-day` etc.; without a prefix they are named `day`, `month` and `year`. */
  namePrefix?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  hint?: ReactNode;
  error?: string;
  values?: { day?: string; month?: string; year?: string };
  /** Inputs to highlight; defaults to all three when `error` is set. */
  errorFields?: DateField[];
}

const FIELDS = [
  { field: "day", label: "Day", width: "2" },
  { field: "month", label: "Month", width: "2" },
  { field: "year", label: "Year", width: "4" },
] as const;

export function DateInput(props: DateInputProps) {
  return <DateInputView {...bound(props)} />;
}

function bound(props: DateInputProps) {
  const { field } = props;
  if (!field) return { ...props, id: props.id ?? props.namePrefix ?? "date", nested: false };
  const sent = (field.initialValue ?? {}) as Partial<Record<DateField, unknown>>;
  return {
    ...props,
    id: props.id ?? field.name,
    namePrefix: props.namePrefix ?? field.name,
    error: props.error ?? field.errors?.[0],
    values: props.values ?? { day: textOf(sent.day), month: textOf(sent.month), year: textOf(sent.year) },
    nested: true,
  };
}

function DateInputView({
  id,
  namePrefix,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  values,
  errorFields,
  nested,
}: ReturnType<typeof bound>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const fieldsWithError = errorFields ?? (error ? FIELDS.map(({ field }) => field) : []);

  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Fieldset
        legend={legend}
        legendIsPageHeading={legendIsPageHeading}
        legendSize={legendSize}
        role="group"
        describedBy={describedBy(hintId, errorId)}
      >
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {FIELDS.map(({ field, label, width }) => (
            <div key={field} className="govuk-date-input__item">
              <Input
                id={`${id}-${field}`}
                name={namePrefix ? `${namePrefix}${nested ? "." : "-"}${field}` : field}
                label={label}
                labelClassName="govuk-date-input__label"
                className={cx(
                  "govuk-date-input__input",
                  fieldsWithError.includes(field) && "govuk-input--error",
                )}
                width={width}
                inputMode="numeric"
                defaultValue={values?.[field]}
              />
            </div>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
