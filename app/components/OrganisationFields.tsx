// The fields of an organisation's part in a cohort, shared by "add" and "change".
import { REGIONS, SECTORS } from "~/domain/vocabulary";
import { Checkboxes, type FieldLike, Input, Radios, Textarea } from "./govuk";
import { HostContactFields } from "./HostContactFields";
import { labelItems } from "./items";

type Fields = Record<
  | "name"
  | "sector"
  | "kind"
  | "region"
  | "quota"
  | "hostsVisit"
  | "address"
  | "contactName"
  | "contactEmail"
  | "unavailable",
  FieldLike
>;

export const REGION_ITEMS = labelItems(REGIONS);

const SECTOR_HINTS: Record<keyof typeof SECTORS, string> = {
  government: "A department or agency",
  industry: "A company or trade body",
};

export function OrganisationFields({ fields }: { fields: Fields }) {
  return (
    <>
      <Input field={fields.name} label="Name" />
      <Radios
        field={fields.sector}
        legend="Sector"
        legendSize="s"
        items={labelItems(SECTORS, SECTOR_HINTS)}
      />
      <Input
        field={fields.kind}
        label="Kind of organisation"
        hint="For example company, department or agency"
        width="20"
      />
      <Radios
        field={fields.region}
        legend="UK region"
        legendSize="s"
        hint="Its bank holidays decide which days a visit can take place"
        items={REGION_ITEMS}
      />
      <Input
        field={fields.quota}
        label="Nomination quota (optional)"
        hint="How many people it nominates. Member companies usually nominate 2."
        inputMode="numeric"
        width="3"
      />
      <Checkboxes
        field={fields.hostsVisit}
        legend="Company visit"
        legendSize="s"
        items={[{ value: "yes", text: "Hosts a visit for the cohort" }]}
      />
      <Textarea field={fields.address} label="Visit address (optional)" rows={3} />
      <HostContactFields fields={fields} />
      <Textarea
        field={fields.unavailable}
        label="Dates it cannot host a visit (optional)"
        hint="One date a line, for example 17/2/2027"
        rows={4}
      />
    </>
  );
}
