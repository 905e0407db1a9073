import type { formProps } from "~/components/form-props";
import { Button, type FieldLike, Textarea } from "~/components/govuk";
import { VersionedForm } from "~/components/VersionedForm";

type Props = {
  form: Parameters<typeof formProps>[0];
  fields: { reason: FieldLike };
  nomination: { name: string; version: number };
};

export function WithdrawForm({ form, fields, nomination }: Props) {
  return (
    <>
      <h2 className="govuk-heading-m">Withdraw from the cohort</h2>
      <p className="govuk-body">Their attendance and history stay; they can no longer see the cohort.</p>
      <VersionedForm form={form} version={nomination.version}>
        <Textarea field={fields.reason} label="Why are they withdrawing?" rows={2} />
        <Button name="intent" value="withdraw" variant="warning">
          Withdraw {nomination.name}
        </Button>
      </VersionedForm>
    </>
  );
}
