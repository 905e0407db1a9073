import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Fieldset, type LegendSize } from "./Fieldset";
import { Hint } from "./Hint";
import { Label } from "./Label";
import type { ChoiceItem } from "./Radios";
import { bindField, choiceItemId, cx, describedBy, type FieldLike, textsOf } from "./utils";

export interface CheckboxesProps {
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
  defaultValues?: string[];
  small?: boolean;
}

export function Checkboxes(props: CheckboxesProps) {
  return <CheckboxesView {...bound(props)} />;
}

function bound(props: CheckboxesProps) {
  const b = bindField(props);
  return {
    ...b,
    idPrefix: props.idPrefix ?? b.name,
    defaultValues: props.defaultValues ?? textsOf(props.field?.initialValue),
  };
}

function CheckboxesView({
  name,
  idPrefix = name,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  items,
  defaultValues,
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
          className={cx("govuk-checkboxes", small && "govuk-checkboxes--small")}
          data-module="govuk-checkboxes"
        >
          {items.map((item, index) => {
            const itemId = choiceItemId(idPrefix, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div key={item.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={name}
                  type="checkbox"
                  value={item.value}
                  defaultChecked={defaultValues?.includes(item.value)}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                />
                <Label htmlFor={itemId} className="govuk-checkboxes__label">
                  {item.text}
                </Label>
                {item.hint && (
                  <Hint id={itemHintId} className="govuk-checkboxes__hint">
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
