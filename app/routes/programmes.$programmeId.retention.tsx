import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadProgrammeForAdmin, requireProgrammeAdmin } from "~/auth/programme-access.server";
import { changeRetentionPeriod } from "~/commands/programmes.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { RetentionSchema } from "~/forms/programme";
import { submitForm } from "~/forms/submit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Retention period: ${data?.programme.name ?? "programme"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export const loader = loadProgrammeForAdmin;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return submitForm(context, request, user, {
    schema: RetentionSchema,
    command: changeRetentionPeriod,
    input: (value) => ({ ...value, programme }),
    done: (_, value) => ({
      to: paths.programme(programme.id).home(),
      banner: `People's data is now kept for ${value.months} months after each cohort of ${programme.name} ends`,
    }),
  });
}

export default function Retention() {
  const { programme } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(programme.updated_at, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { months: String(programme.retention_months) },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.programme(programme.id).home()}>Back to {programme.name}</BackLink>
        <FormErrorSummary form={form} />
        <Form method="post" {...formProps(form)} key={form.id}>
          <input type="hidden" name="updatedAt" value={programme.updated_at} />
          <Input
            field={fields.months}
            labelIsPageHeading
            label={`How long is people's data kept after a cohort of ${programme.name} ends?`}
            labelClassName="govuk-label--l"
            hint="In months. Afterwards, `npm run tandem -- retention` (run daily) anonymises people whose every cohort ended longer ago than this."
            inputMode="numeric"
            width="3"
            suffix="months"
          />
          <Button>Save retention period</Button>
        </Form>
      </div>
    </div>
  );
}
