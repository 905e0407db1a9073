// The fields of the cohort form, shared by "create" and "edit".
import type { FieldErrors, FormValues } from "~/forms/parse";
import { fieldValue } from "~/forms/parse";
import { DateInput, Input, Radios } from "./govuk";

type Props = { values?: FormValues; errors?: FieldErrors };

export function CohortFields({ values, errors }: Props) {
  return (
    <>
      <Input
        id="name"
        name="name"
        label="Cohort name"
        hint="For example, Tech Connect 2027"
        defaultValue={fieldValue(values, "name")}
        error={errors?.name}
      />
      <DateInput
        id="startDate"
        namePrefix="startDate"
        legend="Start date"
        legendSize="s"
        hint="The Monday of the first week, for example 4 1 2027"
        values={{
          day: fieldValue(values, "startDate-day"),
          month: fieldValue(values, "startDate-month"),
          year: fieldValue(values, "startDate-year"),
        }}
        error={errors?.startDate}
      />
      <Input
        id="weeks"
        name="weeks"
        label="Number of weeks"
        hint="Between 1 and 52. Tech Connect runs for 12."
        inputMode="numeric"
        width="3"
        defaultValue={fieldValue(values, "weeks") ?? "12"}
        error={errors?.weeks}
      />
      <Input
        id="teamCount"
        name="teamCount"
        label="Number of teams"
        hint="Between 1 and 50. Tech Connect usually has 6."
        inputMode="numeric"
        width="3"
        defaultValue={fieldValue(values, "teamCount") ?? "6"}
        error={errors?.teamCount}
      />
      <Radios
        name="status"
        legend="Status"
        legendSize="s"
        items={[
          { value: "planning", text: "Planning", hint: "People are being nominated and invited" },
          { value: "running", text: "Running" },
          { value: "finished", text: "Finished" },
        ]}
        defaultValue={fieldValue(values, "status") ?? "planning"}
        error={errors?.status}
      />
    </>
  );
}
