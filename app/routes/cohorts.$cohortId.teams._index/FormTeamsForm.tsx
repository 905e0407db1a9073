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
          legend="Balance these across the teams"
          legendSize="s"
          hint="Each team gets its fair share of each value, in proportion to the cohort."
          small
          items={attributeItems}
        />
        <Checkboxes
          field={fields.notAlone}
          legend="Nobody alone in their team"
          legendSize="s"
          hint="Everyone is in a team with someone who shares what you choose here, when others in the cohort share it."
          small
          items={attributeItems}
        />
        <Details summary="How much each aim counts" open={weightsWrong}>
          <p className="govuk-body">
            When the aims pull against each other, Tandem keeps the one with the higher number. A whole number
            from 0 (does not count) to 9999.
          </p>
          <Input
            field={fields.weightColleagues}
            label="Keeping colleagues apart"
            hint="For each pair of people from the same organisation in a team."
            width="4"
            inputMode="numeric"
          />
          <Input
            field={fields.weightNotAlone}
            label="Nobody the only one of their kind"
            hint="For each person who is the only one in their team with a value others share."
            width="4"
            inputMode="numeric"
          />
          <Input
            field={fields.weightBalance}
            label="Balancing the teams"
            hint="For each person a team is away from its fair share."
            width="4"
            inputMode="numeric"
          />
        </Details>
        <Button name="intent" value="form">
          {formed ? "Regenerate teams" : "Propose teams"}
        </Button>
      </VersionedForm>
    </>
  );
}
