// The fields of the cohort form, shared by "add a cohort" and "edit cohort details".
import { COHORT_STATUSES } from "~/domain/vocabulary";
import { DateInput, type FieldLike, Input, Radios } from "./govuk";
import { labelItems } from "./items";

type Fields = Record<"name" | "startDate" | "weeks" | "teamCount" | "status", FieldLike>;

const STATUS_HINTS: Partial<Record<keyof typeof COHORT_STATUSES, string>> = {
  planning: "People are being nominated and invited",
};

export function CohortFields({ fields }: { fields: Fields }) {
  return (
    <>
      <Input field={fields.name} label="Cohort name" hint="For example, Tech Connect 2027" />
      <DateInput
        field={fields.startDate}
        legend="Start date"
        legendSize="s"
        hint="The Monday of the first week, for example 4 1 2027"
      />
      <Input
        field={fields.weeks}
        label="Number of weeks"
        hint="Between 1 and 52. Tech Connect runs for 12."
        inputMode="numeric"
        width="3"
      />
      <Input
        field={fields.teamCount}
        label="Number of teams"
        hint="Between 1 and 50. Tech Connect usually has 6."
        inputMode="numeric"
        width="3"
      />
      <Radios
        field={fields.status}
        legend="Status"
        legendSize="s"
        items={labelItems(COHORT_STATUSES, STATUS_HINTS)}
      />
    </>
  );
}
