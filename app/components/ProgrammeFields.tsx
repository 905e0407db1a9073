// The fields of the programme form, shared by "create" and "edit".
import type { FieldErrors, FormValues } from "~/forms/parse";
import { fieldValue } from "~/forms/parse";
import { Input, Select, Textarea } from "./govuk";

type Props = {
  values?: FormValues;
  errors?: FieldErrors;
  organisations: Array<{ id: number; name: string }>;
};

export function ProgrammeFields({ values, errors, organisations }: Props) {
  return (
    <>
      <Input
        id="name"
        name="name"
        label="Programme name"
        hint="For example, Tech Connect"
        defaultValue={fieldValue(values, "name")}
        error={errors?.name}
      />
      <Textarea
        id="description"
        name="description"
        label="Description (optional)"
        hint="What the programme is for, in a sentence or two"
        defaultValue={fieldValue(values, "description")}
        error={errors?.description}
      />
      <Select
        id="sponsorOrganisationId"
        name="sponsorOrganisationId"
        label="Sponsor organisation (optional)"
        hint="The organisation that funds the programme"
        items={[
          { value: "", text: "No sponsor" },
          ...organisations.map((o) => ({ value: String(o.id), text: o.name })),
        ]}
        defaultValue={fieldValue(values, "sponsorOrganisationId")}
        error={errors?.sponsorOrganisationId}
      />
    </>
  );
}
