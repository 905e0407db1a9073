// The host's contact person, asked for on an organisation and again on each of its visits.
import { type FieldLike, Input } from "./govuk";

type Fields = Record<"contactName" | "contactEmail", FieldLike>;

export function HostContactFields({ fields }: { fields: Fields }) {
  return (
    <>
      <Input field={fields.contactName} label="Host contact's name (optional)" />
      <Input
        field={fields.contactEmail}
        type="email"
        label="Host contact's email address (optional)"
        hint="If they use Tandem, they can record attendance at their visit"
        spellCheck={false}
      />
    </>
  );
}
