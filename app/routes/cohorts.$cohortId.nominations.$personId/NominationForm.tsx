// The nomination's details and its line manager's release.
import { Form } from "@remix-run/react";
import { formProps } from "~/components/form-props";
import { Button, type FieldLike, Input, Radios, Select } from "~/components/govuk";
import { labelItems } from "~/components/items";
import type { RELEASE_ANSWERS } from "~/forms/cohort-setup";

type Fields = Record<
  "name" | "organisationId" | "jobTitle" | "profession" | "lineManagerEmail" | "releaseStatus",
  FieldLike
>;

const RELEASE_QUESTION: Record<(typeof RELEASE_ANSWERS)[number], string> = {
  none: "Not asked yet",
  requested: "Asked, waiting for an answer",
  approved: "Yes, released",
  declined: "No, declined",
};

type Props = {
  form: Parameters<typeof formProps>[0];
  fields: Fields;
  nomination: { version: number; releaseNeeded: boolean };
  organisations: Array<{ organisation_id: number; name: string }>;
};

export function NominationForm({ form, fields, nomination, organisations }: Props) {
  return (
    <Form method="post" {...formProps(form)} key={form.id}>
      <input type="hidden" name="version" value={nomination.version} />
      <Input field={fields.name} label="Full name" />
      <Select
        field={fields.organisationId}
        label="Organisation"
        items={[
          { value: "", text: "None" },
          ...organisations.map((o) => ({ value: String(o.organisation_id), text: o.name })),
        ]}
      />
      <Input field={fields.jobTitle} label="Job title (optional)" />
      <Input field={fields.profession} label="Profession (optional)" />
      <Input
        field={fields.lineManagerEmail}
        type="email"
        label="Line manager's email address (optional)"
        spellCheck={false}
      />
      {nomination.releaseNeeded ? (
        <Radios
          field={fields.releaseStatus}
          legend="Has their line manager released them for the programme?"
          legendSize="s"
          items={labelItems(RELEASE_QUESTION)}
        />
      ) : (
        <input type="hidden" name="releaseStatus" value="none" />
      )}
      <Button name="intent" value="save">
        Save changes
      </Button>
    </Form>
  );
}
