// The fields of the programme form, shared by "create" and "edit".
import { type FieldLike, Input, Select, Textarea } from "./govuk";
import { recordItems } from "./items";

type Fields = Record<"name" | "description" | "sponsorOrganisationId", FieldLike>;

type Props = { fields: Fields; organisations: Array<{ id: number; name: string }> };

export function ProgrammeFields({ fields, organisations }: Props) {
  return (
    <>
      <Input field={fields.name} label="Programme name" hint="For example, Tech Connect" />
      <Textarea
        field={fields.description}
        label="Description (optional)"
        hint="What the programme is for, in a sentence or two"
      />
      <Select
        field={fields.sponsorOrganisationId}
        label="Sponsor organisation (optional)"
        hint="The organisation that funds the programme"
        items={recordItems("No sponsor", organisations, (o) => o.name)}
      />
    </>
  );
}
