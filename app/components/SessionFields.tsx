// The fields of the mentoring session form (log and edit): short enough to fill in on a phone after a session.
import { SESSION_FORMATS } from "~/domain/mentoring";
import type { FieldErrors, FormValues } from "~/forms/parse";
import { fieldValue } from "~/forms/parse";
import { Button, Checkboxes, DateInput, Fieldset, Input, Radios, Select, Textarea } from "./govuk";

type Person = { id: number; name: string };

type Props = {
  members: Person[];
  mentors: Person[];
  values: FormValues;
  errors?: FieldErrors;
  rows: number;
  showPrivateNote: boolean;
};

function boxes(values: FormValues, prefix: string) {
  return {
    day: fieldValue(values, `${prefix}-day`),
    month: fieldValue(values, `${prefix}-month`),
    year: fieldValue(values, `${prefix}-year`),
  };
}

function checked(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function SessionFields({ members, mentors, values, errors, rows, showPrivateNote }: Props) {
  return (
    <>
      <DateInput
        id="date"
        namePrefix="date"
        legend="Date of the session"
        legendSize="s"
        hint="For example, 9 2 2027"
        values={boxes(values, "date")}
        error={errors?.date}
      />
      <Input
        id="duration"
        name="duration"
        label="Duration in minutes"
        hint="Up to 480 (8 hours)"
        inputMode="numeric"
        width="3"
        suffix="minutes"
        defaultValue={fieldValue(values, "duration")}
        error={errors?.duration}
      />
      <Radios
        name="format"
        legend="How did you meet?"
        legendSize="s"
        small
        items={Object.entries(SESSION_FORMATS).map(([value, text]) => ({ value, text }))}
        defaultValue={fieldValue(values, "format")}
        error={errors?.format}
      />
      <Checkboxes
        name="attendees"
        legend="Who attended?"
        legendSize="s"
        hint="Untick anyone who was not there"
        small
        items={[
          ...members.map((p) => ({ value: String(p.id), text: p.name })),
          ...mentors.map((p) => ({ value: String(p.id), text: `${p.name} (mentor)` })),
        ]}
        defaultValues={checked(values, "attendees")}
        error={errors?.attendees}
      />
      <Textarea
        id="summary"
        name="summary"
        label="Summary"
        labelClassName="govuk-label--s"
        hint="What you discussed and decided. The team can read this."
        rows={5}
        defaultValue={fieldValue(values, "summary")}
        error={errors?.summary}
      />
      <h2 className="govuk-heading-m">Agreed actions</h2>
      <p className="govuk-body">Leave a row empty if you need fewer actions.</p>
      <input type="hidden" name="actionRows" value={rows} />
      {Array.from({ length: rows }, (_, index) => {
        const n = index + 1;
        const key = `actions-${n}`;
        return (
          <div key={key} className="tandem-action-row">
            <Fieldset legend={`Action ${n}`} legendSize="s">
              <input type="hidden" name={`${key}-id`} value={fieldValue(values, `${key}-id`) ?? ""} />
              <Input
                id={`${key}-text`}
                name={`${key}-text`}
                label="What needs doing"
                defaultValue={fieldValue(values, `${key}-text`)}
                error={errors?.[`${key}-text`]}
              />
              <Select
                id={`${key}-owner`}
                name={`${key}-owner`}
                label="Owner"
                items={[
                  { value: "", text: "Choose a team member" },
                  ...members.map((p) => ({ value: String(p.id), text: p.name })),
                ]}
                defaultValue={fieldValue(values, `${key}-owner`) ?? ""}
                error={errors?.[`${key}-owner`]}
              />
              <DateInput
                id={`${key}-due`}
                namePrefix={`${key}-due`}
                legend="Due date"
                values={boxes(values, `${key}-due`)}
                error={errors?.[`${key}-due`]}
              />
            </Fieldset>
          </div>
        );
      })}
      <Button variant="secondary" name="intent" value="add-action">
        Add another action
      </Button>
      <DateInput
        id="followUp"
        namePrefix="followUp"
        legend="Next session (optional)"
        legendSize="s"
        hint="If you agreed a date, it goes in the team's calendars"
        values={boxes(values, "followUp")}
        error={errors?.followUp}
      />
      {showPrivateNote ? (
        <Textarea
          id="privateNote"
          name="privateNote"
          label="Private note (optional)"
          labelClassName="govuk-label--s"
          hint="Only the team's mentors and the coordinators can read this"
          rows={3}
          defaultValue={fieldValue(values, "privateNote")}
          error={errors?.privateNote}
        />
      ) : null}
    </>
  );
}
