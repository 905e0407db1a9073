// Propose the teams, or regenerate them around the locks: what to balance, who should not be alone, the weights.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { Button, Checkboxes, Details, Input, WarningText } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { VersionedForm } from "~/components/VersionedForm";
import { TEAM_ATTRIBUTES } from "~/domain/team-settings";

type Fields = Record<
  "balance" | "notAlone" | "weightColleagues" | "weightNotAlone" | "weightBalance",
  FieldMetadata
>;

const attributeItems = labelItems(TEAM_ATTRIBUTES);

export function FormTeamsForm({
  form,
  fields,
  version,
  formed,
  published,
}: {
  form: FormMetadata;
  fields: Fields;
  version: number;
  formed: boolean;
  published: boolean;
}) {
  const weightsWrong = [fields.weightColleagues, fields.weightNotAlone, fields.weightBalance].some(
    (f) => f.errors?.length,
  );
  const refusal = form.allErrors.teams?.[0] ?? form.errors?.[0];
  return (
    <>
      <h2 className="govuk-heading-m" id="form-teams" tabIndex={-1}>
        {formed ? "Regenerate around the locks" : "Propose teams"}
      </h2>
      {refusal ? <WarningText>{refusal}</WarningText> : null}
      {published ? (
        <p className="govuk-body">
          The teams are published, so nothing changes yet: you will see who would move, and confirm with a
          reason.
        </p>
      ) : null}
      <VersionedForm form={form} version={version}>
        <Checkboxes
          field={fields.balance}
          legend="Balance these across the teams (C2)"
          legendSize="s"
          small
          items={attributeItems}
        />
        <Checkboxes
          field={fields.notAlone}
          legend="Nobody alone in their team by (C3)"
          legendSize="s"
          hint="Nobody should be the only one in their team with a value others in the cohort share."
          small
          items={attributeItems}
        />
        <Details summary="Weights of the cost terms" open={weightsWrong}>
          <Input field={fields.weightColleagues} label="Colleagues (C1)" width="4" inputMode="numeric" />
          <Input field={fields.weightNotAlone} label="Not alone (C3)" width="4" inputMode="numeric" />
          <Input field={fields.weightBalance} label="Balance (C2)" width="4" inputMode="numeric" />
        </Details>
        <Button name="intent" value="form">
          {formed ? "Regenerate teams" : "Propose teams"}
        </Button>
      </VersionedForm>
    </>
  );
}
