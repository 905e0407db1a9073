import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireAdmin } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { ProgrammeFields } from "~/components/ProgrammeFields";
import { parseForm } from "~/forms/parse";
import { ProgrammeSchema } from "~/forms/shared-schemas";
import { recordAudit } from "~/models/audit.server";
import { listOrganisations } from "~/models/person.server";
import { createProgramme, findProgrammeByName } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Create a programme");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  return { organisations: await listOrganisations(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdmin(context, request);
  const form = parseForm(await request.formData(), ProgrammeSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  if (await findProgrammeByName(db, form.data.name)) {
    return data(
      { errors: { name: `A programme called ${form.data.name} already exists` }, values: form.values },
      { status: 400 },
    );
  }
  const programme = await db.transaction().execute(async (tx) => {
    const created = await createProgramme(tx, form.data);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "programme.created",
      subjectType: "programme",
      subjectId: created.id,
      address: clientAddress(context),
      details: { name: created.name },
    });
    return created;
  });
  return redirectWithBanner(
    context,
    request,
    `/programmes/${programme.id}`,
    `Programme ${programme.name} created`,
  );
}

export default function NewProgramme() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/programmes">Back to programmes</BackLink>
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Create a programme</h1>
        <p className="govuk-body">
          A programme is a scheme that runs repeatedly, such as Tech Connect. Each run is a cohort.
        </p>
        <Form method="post" noValidate>
          <ProgrammeFields
            values={actionData?.values}
            errors={actionData?.errors}
            organisations={organisations}
          />
          <Button>Create programme</Button>
        </Form>
      </div>
    </div>
  );
}
