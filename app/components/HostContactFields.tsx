// The host's contact person, asked for on an organisation and again on each of its visits.
import { type FieldErrors, type FormValues, fieldValue } from "~/forms/parse";
import { Input } from "./govuk";

export function HostContactFields({ values, errors }: { values?: FormValues; errors?: FieldErrors }) {
  return (
    <>
      <Input
        id="contactName"
        name="contactName"
        label="Host contact's name (optional)"
        defaultValue={fieldValue(values, "contactName")}
        error={errors?.contactName}
      />
      <Input
        id="contactEmail"
        name="contactEmail"
        type="email"
        label="Host contact's email address (optional)"
        hint="If they use Tandem, they can record attendance at their visit"
        spellCheck={false}
        defaultValue={fieldValue(values, "contactEmail")}
        error={errors?.contactEmail}
      />
    </>
  );
}
