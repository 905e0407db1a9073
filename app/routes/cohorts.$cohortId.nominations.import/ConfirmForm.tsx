// Confirming a checked file: the organisations Tandem does not know yet are created only when ticked, and an
// organisation goes over its nomination quota only when the coordinator ticks that they understand.
import { type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { formProps } from "~/components/form-props";
import { Button, Checkboxes, InsetText, Select, WarningText } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { REGION_ITEMS } from "~/components/OrganisationFields";
import { overQuotaConfirmation } from "~/domain/nomination-quota";
import { SECTORS } from "~/domain/vocabulary";
import type { ConfirmImportSchema } from "~/forms/cohort-setup";
import type { NominationPreview } from "~/models/nomination.server";

type Props = {
  /** The answer to the last confirmation, when it was refused. */
  result: SubmissionResult<string[]> | undefined;
  csv: string;
  fileName: string;
  preview: NominationPreview;
};

export function ConfirmForm({ result, csv, fileName, preview }: Props) {
  const missing = preview.missingOrganisations;
  const over = preview.overQuota;
  const [form, fields] = useForm<z.input<typeof ConfirmImportSchema>>({
    id: "confirm",
    lastResult: result,
    defaultValue: { regions: missing.map(() => "england-and-wales") },
  });
  const regions = fields.regions.getFieldList();
  return (
    <Form method="post" {...formProps(form)}>
      <OnceOnly />
      <input type="hidden" name="csv" value={csv} />
      <input type="hidden" name="fileName" value={fileName} />
      {missing.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Organisations Tandem does not know yet</h2>
          <Checkboxes
            field={fields.create}
            legend="Create these organisations"
            legendSize="s"
            hint="If a name is misspelt, correct it in your spreadsheet and upload it again instead"
            items={missing.map((o) => ({
              value: o.name,
              text: `Create ${o.name}`,
              hint: `${SECTORS[o.sector]}, named on row${o.rows.length > 1 ? "s" : ""} ${o.rows.join(", ")}`,
            }))}
          />
          {regions.map((region, i) => (
            <Select
              key={region.key}
              field={region}
              label={`UK region of ${missing[i]?.name}`}
              items={REGION_ITEMS}
            />
          ))}
        </>
      ) : (
        <InsetText>Every organisation in the file is already known.</InsetText>
      )}
      {over.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Nomination quotas</h2>
          <WarningText>
            {over.length === 1
              ? `${overQuotaConfirmation(over[0]!)}.`
              : `${over.length} organisations will go over their nomination quota.`}
          </WarningText>
          <Checkboxes
            field={fields.overQuota}
            legend="Confirm the nominations over quota"
            legendSize="s"
            hint="If these nominations should not all go ahead, take rows out of your spreadsheet and upload it again instead"
            items={over.map((w) => ({
              value: w.organisation,
              text: `I understand ${overQuotaConfirmation(w)}`,
            }))}
          />
        </>
      ) : null}
      <Button>
        Confirm and import {preview.rows.length} row{preview.rows.length === 1 ? "" : "s"}
      </Button>
    </Form>
  );
}
