import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Fieldset, type LegendSize } from "./Fieldset";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { bindField, choiceItemId, cx, describedBy, type FieldLike, textOf } from "./utils";

export interface ChoiceItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface RadiosProps {
  /** Conform field metadata: supplies the name, id, value shown and error. */
  field?: FieldLike;
  name?: string;
  /** Prefix for element ids; defaults to `name`. */
  idPrefix?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  hint?: ReactNode;
  error?: string;
  items: ChoiceItem[];
  defaultValue?: string;
  inline?: boolean;
  small?: boolean;
}

export function Radios(props: RadiosProps) {
  return <RadiosView {...bound(props)} />;
}

function bound(props: RadiosProps) {
  const b = bindField(props);
  return {
    ...b,
    idPrefix: props.idPrefix ?? b.name,
    defaultValue: props.defaultValue ?? textOf(props.field?.initialValue),
  };
}

function RadiosView({
  name,
  idPrefix = name,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  items,
  defaultValue,
  inline,
  small,
}: ReturnType<typeof bound>) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Fieldset
        legend={legend}
        legendIsPageHeading={legendIsPageHeading}
        legendSize={legendSize}
        describedBy={describedBy(hintId, errorId)}
      >
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div
          className={cx("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small")}
          data-module="govuk-radios"
        >
          {items.map((item, index) => {
            const itemId = choiceItemId(idPrefix, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div key={item.value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  defaultChecked={defaultValue !== undefined && item.value === defaultValue}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                />
                <Label htmlFor={itemId} className="govuk-radios__label">
                  {item.text}
                </Label>
                {item.hint && (
                  <Hint id={itemHintId} className="govuk-radios__hint">
                    {item.hint}
                  </Hint>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
