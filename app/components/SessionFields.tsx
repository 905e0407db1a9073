// The fields of the mentoring session form (log and change): short enough to fill in on a phone after a session.
import type { FieldMetadata } from "@conform-to/react";
import { SESSION_FORMATS } from "~/domain/mentoring";
import { MAX_ACTION_ROWS } from "~/forms/mentoring";
import {
  Button,
  Checkboxes,
  DateInput,
  type FieldLike,
  Fieldset,
  Input,
  Radios,
  Select,
  Textarea,
} from "./govuk";
import { textOf } from "./govuk/utils";
import { labelItems, recordItems } from "./items";

type Person = { id: number; name: string };

/** An agreed action's row as the form holds it. */
type ActionRow = { id?: unknown; text?: unknown; owner?: unknown; due?: unknown };

type Fields = Record<"date" | "duration" | "format" | "attendees" | "summary" | "followUp", FieldLike> & {
  privateNote?: FieldLike;
  actions: FieldMetadata<ActionRow[] | undefined>;
};

/** The form's insert intent, which the "Add another action" button posts (it works without JavaScript). */
type InsertIntent = {
  insert: { getButtonProps(options: { name: string }): { name: string; value: string; form: string } };
};

type Props = {
  form: InsertIntent;
  fields: Fields;
  members: Person[];
  mentors: Person[];
};

/** The team's members and mentors as the form lists them (attendees, action owners). */
export function sessionPeople(team: { members: Person[]; mentors: Person[] }) {
  return {
    members: team.members.map((m) => ({ id: m.id, name: m.name })),
    mentors: team.mentors.map((m) => ({ id: m.id, name: m.name })),
  };
}

export function SessionFields({ form, fields, members, mentors }: Props) {
  const addAction =
    fields.actions.getFieldList().length < MAX_ACTION_ROWS
      ? form.insert.getButtonProps({ name: fields.actions.name })
      : null;
  return (
    <>
      <DateInput
        field={fields.date}
        legend="Date of the session"
        legendSize="s"
        hint="For example, 9 2 2027"
      />
      <Input
        field={fields.duration}
        label="Duration in minutes"
        hint="Up to 480 (8 hours)"
        inputMode="numeric"
        width="3"
        suffix="minutes"
      />
      <Radios
        field={fields.format}
        legend="How did you meet?"
        legendSize="s"
        small
        items={labelItems(SESSION_FORMATS)}
      />
      <Checkboxes
        field={fields.attendees}
        legend="Who attended?"
        legendSize="s"
        hint="Untick anyone who was not there"
        small
        items={[
          ...members.map((p) => ({ value: String(p.id), text: p.name })),
          ...mentors.map((p) => ({ value: String(p.id), text: `${p.name} (mentor)` })),
        ]}
      />
      <Textarea
        field={fields.summary}
        label="Summary"
        labelClassName="govuk-label--s"
        hint="What you discussed and decided. The team can read this."
        rows={5}
      />
      <h2 className="govuk-heading-m">Agreed actions</h2>
      <p className="govuk-body">Leave a row empty if you need fewer actions.</p>
      <ActionRows rows={fields.actions} members={members} />
      {addAction ? (
        <Button variant="secondary" {...addAction}>
          Add another action
        </Button>
      ) : null}
      <DateInput
        field={fields.followUp}
        legend="Next session (optional)"
        legendSize="s"
        hint="If you agreed a date, it goes in the team's calendars"
      />
      {fields.privateNote ? (
        <Textarea
          field={fields.privateNote}
          label="Private note (optional)"
          labelClassName="govuk-label--s"
          hint="Only the team's mentors and the coordinators can read this"
          rows={3}
        />
      ) : null}
    </>
  );
}

function ActionRows({ rows, members }: { rows: Fields["actions"]; members: Person[] }) {
  return (
    <>
      {rows.getFieldList().map((row, index) => {
        const action = row.getFieldset();
        return (
          <div key={row.key} className="tandem-action-row">
            <Fieldset legend={`Action ${index + 1}`} legendSize="s">
              <input type="hidden" name={action.id.name} value={textOf(action.id.initialValue) ?? ""} />
              <Input field={action.text} label="What needs doing" />
              <Select
                field={action.owner}
                label="Owner"
                items={recordItems("Choose a team member", members, (p) => p.name)}
              />
              <DateInput field={action.due} legend="Due date" />
            </Fieldset>
          </div>
        );
      })}
    </>
  );
}
