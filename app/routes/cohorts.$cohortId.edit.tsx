import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { CohortFields } from "~/components/CohortFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { parseCohortForm } from "~/forms/shared-schemas";
import { recordAudit } from "~/models/audit.server";
import { findCohortByName, updateCohort } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `Edit ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const form = parseCohortForm(await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  const sameName = await findCohortByName(db, cohort.programme_id, form.data.name);
  if (sameName && sameName.id !== cohort.id) {
    return data(
      {
        errors: { name: `${cohort.programme_name} already has a cohort called ${form.data.name}` },
        values: form.values,
      },
      { status: 400 },
    );
  }
  const saved = await db.transaction().execute(async (tx) => {
    const ok = await updateCohort(tx, cohort.id, form.data, form.data.version);
    if (ok) {
      await recordAudit(tx, {
        actorId: user.personId,
        action: "cohort.updated",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          name: form.data.name,
          startDate: form.data.startDate,
          weeks: form.data.weeks,
          teams: form.data.teamCount,
          status: form.data.status,
        },
      });
    }
    return ok;
  });
  if (!saved) {
    return data(
      {
        errors: {
          name: "Someone else saved changes to this cohort while you were editing it. Your changes are kept below: check them and save again to replace theirs.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  }
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}`, `Cohort ${form.data.name} saved`);
}

export default function EditCohort() {
  const { cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [year, month, day] = cohort.start_date.split("-");
  const values = actionData?.values ?? {
    name: cohort.name,
    "startDate-day": String(Number(day)),
    "startDate-month": String(Number(month)),
    "startDate-year": year ?? "",
    weeks: String(cohort.weeks),
    teamCount: String(cohort.team_count),
    status: cohort.status,
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}`}>Back to {cohort.name}</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ startDate: "startDate-day" }} />
        <h1 className="govuk-heading-l">Edit cohort details</h1>
        <Form method="post" noValidate key={cohort.version}>
          <input type="hidden" name="version" value={cohort.version} />
          <CohortFields values={values} errors={actionData?.errors} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
