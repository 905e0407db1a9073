import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireAdmin } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { ProgrammeFields } from "~/components/ProgrammeFields";
import { parseForm } from "~/forms/parse";
import { ProgrammeSchema } from "~/forms/shared-schemas";
import { recordAudit } from "~/models/audit.server";
import { listOrganisations } from "~/models/person.server";
import { findProgrammeByName, getProgramme, updateProgramme } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `Edit ${data?.programme.name ?? "programme"}`);
export const ErrorBoundary = RouteErrorBoundary;

async function programmeFrom(context: AppLoadContext, params: { programmeId?: string }) {
  const programme = await getProgramme(context.db, idParam(params.programmeId, "Programme"));
  if (!programme) notFound("Programme");
  return programme;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  const programme = await programmeFrom(context, params);
  return { programme, organisations: await listOrganisations(context.db) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireAdmin(context, request);
  const programme = await programmeFrom(context, params);
  const form = parseForm(await request.formData(), ProgrammeSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  const sameName = await findProgrammeByName(db, form.data.name);
  if (sameName && sameName.id !== programme.id) {
    return data(
      { errors: { name: `A programme called ${form.data.name} already exists` }, values: form.values },
      { status: 400 },
    );
  }
  const saved = await db.transaction().execute(async (tx) => {
    const ok = await updateProgramme(tx, programme.id, form.data, form.data.updatedAt ?? "");
    if (ok) {
      await recordAudit(tx, {
        actorId: user.personId,
        action: "programme.updated",
        subjectType: "programme",
        subjectId: programme.id,
        address: clientAddress(context),
        details: { name: form.data.name },
      });
    }
    return ok;
  });
  if (!saved) {
    return data(
      {
        errors: {
          name: "Someone else saved changes to this programme while you were editing it. Your changes are kept below: check them and save again to replace theirs.",
        },
        values: { ...form.values, updatedAt: programme.updated_at },
      },
      { status: 409 },
    );
  }
  return redirectWithBanner(
    context,
    request,
    `/programmes/${programme.id}`,
    `Programme ${form.data.name} saved`,
  );
}

export default function EditProgramme() {
  const { programme, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: programme.name,
    description: programme.description ?? "",
    sponsorOrganisationId: programme.sponsor_organisation_id ? String(programme.sponsor_organisation_id) : "",
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/programmes/${programme.id}`}>Back to {programme.name}</BackLink>
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Edit programme</h1>
        <Form method="post" noValidate key={programme.updated_at}>
          <input type="hidden" name="updatedAt" value={programme.updated_at} />
          <ProgrammeFields values={values} errors={actionData?.errors} organisations={organisations} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
