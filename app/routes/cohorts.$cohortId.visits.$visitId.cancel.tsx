import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { loadVisitToManage, requireVisit } from "~/auth/visit-access.server";
import { cancelVisit } from "~/commands/visits.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, Textarea } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatUkDateWithDay } from "~/domain/calendar";
import { submitForm } from "~/forms/submit.server";
import { CancelVisitSchema } from "~/forms/visits";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Cancel the visit to ${data?.visit.host_name ?? "a host"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export const loader = loadVisitToManage;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await requireVisit(context, request, params, "cohort:manage");
  return submitForm(context, request, user, {
    schema: CancelVisitSchema,
    command: cancelVisit,
    input: (value) => ({ ...value, cohortId: cohort.id, visit }),
    done: { to: paths.cohort(cohort.id).visits(), banner: `Visit to ${visit.host_name} cancelled` },
  });
}

export default function CancelVisit() {
  const { cohort, visit } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof CancelVisitSchema>>(visit.version, {
    lastResult: useActionData<typeof action>(),
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).visit(visit.id).home(), text: "Back to the visit" }}
      form={form}
      caption={cohort.name}
      heading={<>Cancel the visit to {visit.host_name}</>}
    >
      <p className="govuk-body">
        {formatUkDateWithDay(visit.date)}. The visit stays in everyone's calendar, marked as cancelled.
      </p>
      <VersionedForm form={form} version={visit.version}>
        <Textarea field={fields.reason} label="Why is the visit cancelled?" rows={3} />
        <Button variant="warning">Cancel the visit</Button>
      </VersionedForm>
    </FormPage>
  );
}
