// The problem statement's conflict form, after a save refused because someone else saved first: only the fields
// both people changed, each with the two texts side by side (stacked on a phone) and "Keep mine" / "Keep theirs";
// every other field is already merged. The form carries the merged text and the version saved meanwhile, so
// saving is checked against that version: a later save by a third person is refused and merged again.
import { Form } from "@remix-run/react";
import { Fragment } from "react";
import { CATEGORY_LABELS, STATEMENT_FIELDS, type StatementFieldName } from "~/domain/problem-statement";
import type { StatementConflict } from "~/domain/statement-merge";
import { formProps } from "./form-props";
import { Button, Details, ErrorMessage } from "./govuk";
import { cx } from "./govuk/utils";

/** A conflicting field's "keep" radios as Conform sees them: what was chosen before, and the error. */
type Choice = { initialValue?: unknown; errors?: string[] };

type Props = {
  form: Parameters<typeof formProps>[0];
  conflict: StatementConflict;
  /** The `keep.<field>` radios' metadata, by field. */
  choices: Partial<Record<StatementFieldName, Choice>>;
};

const labelOf = (name: StatementFieldName) => STATEMENT_FIELDS.find((f) => f.name === name)?.label ?? name;

/** "A", "A and B", "A, B and C". */
function inWords(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function shown(name: StatementFieldName, value: string | null) {
  if (!value) return <em>Empty</em>;
  return name === "category" ? CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS] : value;
}

export function StatementConflictForm({ form, conflict, choices }: Props) {
  const { conflicts, fromTheirs, by } = conflict;
  const rest = STATEMENT_FIELDS.filter((f) => !conflicts.includes(f.name));
  return (
    // Drawn afresh for each version merged with, so a choice made against an older one is not kept.
    <Form method="post" {...formProps(form)} key={`${form.id}-${conflict.version}`}>
      <input type="hidden" name="baseVersion" value={conflict.version} />
      {STATEMENT_FIELDS.map(({ name }) => (
        <input key={name} type="hidden" name={name} value={conflict.text[name] ?? ""} />
      ))}
      {conflicts.map((name) => (
        <input key={name} type="hidden" name="conflicts" value={name} />
      ))}
      {fromTheirs.map((name) => (
        <input key={name} type="hidden" name="merged" value={name} />
      ))}
      <p className="govuk-body">
        {by} saved version {conflict.version} on {conflict.at}, while you were editing.{" "}
        {conflicts.length > 0
          ? "You both changed the parts below: choose which text to keep for each."
          : "None of your changes clash with theirs: check the merged draft and save it."}
      </p>
      {fromTheirs.length > 0 ? (
        <p className="govuk-body">
          {inWords(fromTheirs.map(labelOf))} {fromTheirs.length === 1 ? "is" : "are"} merged from {by}’s
          version, and your other changes are kept.
        </p>
      ) : null}
      {conflicts.map((name) => (
        <ConflictField
          key={name}
          name={name}
          mine={conflict.text[name]}
          theirs={conflict.theirs[name]}
          by={`${by}, ${conflict.at}`}
          choice={choices[name]}
        />
      ))}
      <Details
        summary={conflicts.length > 0 ? "The rest of the merged draft" : "The merged draft"}
        open={conflicts.length === 0}
      >
        {rest.map(({ name, label }) => (
          <Fragment key={name}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{label}</h3>
            <p className="govuk-body tandem-pre-line">{shown(name, conflict.text[name])}</p>
          </Fragment>
        ))}
      </Details>
      <Button>Save the merged draft</Button>
    </Form>
  );
}

function ConflictField(props: {
  name: StatementFieldName;
  mine: string | null;
  theirs: string | null;
  by: string;
  choice: Choice | undefined;
}) {
  const { name, choice } = props;
  const id = `keep.${name}`;
  const error = choice?.errors?.[0];
  const chosen = typeof choice?.initialValue === "string" ? choice.initialValue : undefined;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">{labelOf(name)}</h2>
        </legend>
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Your text</h3>
            <p className="govuk-body tandem-pre-line">{shown(name, props.mine)}</p>
          </div>
          <div className="govuk-grid-column-one-half">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Saved meanwhile by {props.by}</h3>
            <p className="govuk-body tandem-pre-line">{shown(name, props.theirs)}</p>
          </div>
        </div>
        <div className="govuk-radios govuk-radios--inline" data-module="govuk-radios">
          {(["mine", "theirs"] as const).map((value, index) => {
            const itemId = index === 0 ? id : `${id}-2`;
            return (
              <div key={value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={id}
                  type="radio"
                  value={value}
                  defaultChecked={chosen === value}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                  {value === "mine" ? "Keep mine" : "Keep theirs"}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
