import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireAdmin } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { CohortFields } from "~/components/CohortFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { parseCohortForm } from "~/forms/shared-schemas";
import { recordAudit } from "~/models/audit.server";
import { createCohort, findCohortByName, getProgramme } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Add a cohort");
export const ErrorBoundary = RouteErrorBoundary;

async function programmeFrom(context: AppLoadContext, params: { programmeId?: string }) {
  const programme = await getProgramme(context.db, idParam(params.programmeId, "Programme"));
  if (!programme) notFound("Programme");
  return programme;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  return { programme: await programmeFrom(context, params) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireAdmin(context, request);
  const programme = await programmeFrom(context, params);
  const form = parseCohortForm(await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  if (await findCohortByName(db, programme.id, form.data.name)) {
    return data(
      {
        errors: { name: `${programme.name} already has a cohort called ${form.data.name}` },
        values: form.values,
      },
      { status: 400 },
    );
  }
  const cohort = await db.transaction().execute(async (tx) => {
    const created = await createCohort(tx, programme.id, form.data);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "cohort.created",
      subjectType: "cohort",
      subjectId: created.id,
      cohortId: created.id,
      address: clientAddress(context),
      details: {
        name: created.name,
        startDate: form.data.startDate,
        weeks: form.data.weeks,
        teams: form.data.teamCount,
      },
    });
    return created;
  });
  return redirectWithBanner(
    context,
    request,
    `/programmes/${programme.id}`,
    `Cohort ${cohort.name} added. Now appoint its coordinator.`,
  );
}

export default function NewCohort() {
  const { programme } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/programmes/${programme.id}`}>Back to {programme.name}</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ startDate: "startDate-day" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{programme.name}</span>
          Add a cohort
        </h1>
        <Form method="post" noValidate>
          <CohortFields values={actionData?.values} errors={actionData?.errors} />
          <Button>Add cohort</Button>
        </Form>
      </div>
    </div>
  );
}
