// Move a person to another team.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { Button, Select } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { VersionedForm } from "~/components/VersionedForm";
import { teamTitle } from "./TeamTables";

type Props = {
  form: FormMetadata;
  fields: Record<"personId" | "team", FieldMetadata>;
  version: number;
  participants: Array<{ id: number; name: string }>;
  teams: Array<{ number: number; name: string | null }>;
};

export function MoveForm({ form, fields, version, participants, teams }: Props) {
  return (
    <>
      <h2 className="govuk-heading-m">Move a person</h2>
      <VersionedForm form={form} version={version}>
        <Select
          field={fields.personId}
          label="Person"
          items={recordItems("Choose a person", participants, (p) => p.name)}
        />
        <Select
          field={fields.team}
          label="Move to"
          items={[
            { value: "", text: "Choose a team" },
            ...teams.map((t) => ({ value: String(t.number), text: teamTitle(t) })),
          ]}
        />
        <Button name="intent" value="move" variant="secondary">
          Move person
        </Button>
      </VersionedForm>
    </>
  );
}
