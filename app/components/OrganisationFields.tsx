// The fields of an organisation's part in a cohort, shared by "add" and "change".
import type { FieldErrors, FormValues } from "~/forms/parse";
import { fieldValue } from "~/forms/parse";
import { Checkboxes, Input, Radios, Textarea } from "./govuk";
import { HostContactFields } from "./HostContactFields";

type Props = { values?: FormValues; errors?: FieldErrors };

export const REGION_ITEMS = [
  { value: "england-and-wales", text: "England and Wales" },
  { value: "scotland", text: "Scotland" },
  { value: "northern-ireland", text: "Northern Ireland" },
];

export function OrganisationFields({ values, errors }: Props) {
  return (
    <>
      <Input
        id="name"
        name="name"
        label="Name"
        defaultValue={fieldValue(values, "name")}
        error={errors?.name}
      />
      <Radios
        name="sector"
        legend="Sector"
        legendSize="s"
        items={[
          { value: "government", text: "Government", hint: "A department or agency" },
          { value: "industry", text: "Industry", hint: "A company or trade body" },
        ]}
        defaultValue={fieldValue(values, "sector")}
        error={errors?.sector}
      />
      <Input
        id="kind"
        name="kind"
        label="Kind of organisation"
        hint="For example company, department or agency"
        width="20"
        defaultValue={fieldValue(values, "kind")}
        error={errors?.kind}
      />
      <Radios
        name="region"
        legend="UK region"
        legendSize="s"
        hint="Its bank holidays decide which days a visit can take place"
        items={REGION_ITEMS}
        defaultValue={fieldValue(values, "region") ?? "england-and-wales"}
        error={errors?.region}
      />
      <Input
        id="quota"
        name="quota"
        label="Nomination quota (optional)"
        hint="How many people it nominates. Member companies usually nominate 2."
        inputMode="numeric"
        width="3"
        defaultValue={fieldValue(values, "quota")}
        error={errors?.quota}
      />
      <Checkboxes
        name="hostsVisit"
        legend="Company visit"
        legendSize="s"
        items={[{ value: "yes", text: "Hosts a visit for the cohort" }]}
        defaultValues={fieldValue(values, "hostsVisit") ? ["yes"] : []}
      />
      <Textarea
        id="address"
        name="address"
        label="Visit address (optional)"
        rows={3}
        defaultValue={fieldValue(values, "address")}
        error={errors?.address}
      />
      <HostContactFields values={values} errors={errors} />
      <Textarea
        id="unavailable"
        name="unavailable"
        label="Dates it cannot host a visit (optional)"
        hint="One date a line, for example 17/2/2027"
        rows={4}
        defaultValue={fieldValue(values, "unavailable")}
        error={errors?.unavailable}
      />
    </>
  );
}
