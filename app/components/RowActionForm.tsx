// A form of one button in a table row (remove this leader, lock this person): it posts the hidden inputs that say
// which record and which version of the page, and the button's intent. Screen readers hear which row it acts on.
import { Form } from "@remix-run/react";

const LOOKS = {
  button: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0",
  link: "tandem-link-button govuk-body-s",
};

type Props = {
  /** The hidden inputs, in order, such as `{ version, personId: person.id }`. */
  inputs: Record<string, string | number>;
  intent: string;
  /** What the button says ("Remove"), and the rest of its name, heard only by screen readers ("Jo Bloggs"). */
  label: string;
  hiddenLabel: string;
  look?: keyof typeof LOOKS;
};

export function RowActionForm({ inputs, intent, label, hiddenLabel, look = "button" }: Props) {
  return (
    <Form method="post" noValidate className="tandem-inline-form">
      {Object.entries(inputs).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={LOOKS[look]}>
        {label}
        <span className="govuk-visually-hidden"> {hiddenLabel}</span>
      </button>
    </Form>
  );
}
