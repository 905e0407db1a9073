import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { editCohort } from "~/commands/cohorts.server";
import { CohortFields } from "~/components/CohortFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { EditCohortSchema } from "~/forms/cohort";
import { dateParts } from "~/forms/fields";
import { submitForm } from "~/forms/submit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Edit ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return submitForm(context, request, user, {
    schema: EditCohortSchema,
    command: editCohort,
    input: (value) => ({ ...value, cohort }),
    done: (_, value) => ({ to: paths.cohort(cohort.id).home(), banner: `Cohort ${value.name} saved` }),
  });
}

export default function EditCohort() {
  const { cohort } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(cohort.version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      name: cohort.name,
      startDate: dateParts(cohort.start_date),
      weeks: String(cohort.weeks),
      teamCount: String(cohort.team_count),
      status: cohort.status,
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.cohort(cohort.id).home()}>Back to {cohort.name}</BackLink>
        <FormErrorSummary form={form} ids={{ startDate: "startDate-day" }} />
        <h1 className="govuk-heading-l">Edit cohort details</h1>
        <VersionedForm form={form} version={cohort.version}>
          <CohortFields fields={fields} />
          <Button>Save changes</Button>
        </VersionedForm>
      </div>
    </div>
  );
}
