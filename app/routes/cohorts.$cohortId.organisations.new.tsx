import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { OrganisationFields } from "~/components/OrganisationFields";
import { OrganisationSchema } from "~/forms/cohort-setup";
import { parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  addOrganisationToCohort,
  getCohortOrganisation,
  listOrganisationsOutsideCohort,
  updateCohortOrganisation,
} from "~/models/cohort-organisation.server";
import { createOrganisation, findOrganisationByName } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Add an organisation");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort, known: await listOrganisationsOutsideCohort(context.db, cohort.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const form = parseForm(await request.formData(), OrganisationSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  const existing = await findOrganisationByName(db, form.data.name);
  if (existing && (await getCohortOrganisation(db, cohort.id, existing.id))) {
    return data(
      { errors: { name: `${existing.name} is already in this cohort` }, values: form.values },
      { status: 400 },
    );
  }
  await db.transaction().execute(async (tx) => {
    const organisation =
      existing ??
      (await createOrganisation(tx, {
        name: form.data.name,
        sector: form.data.sector,
        kind: form.data.kind,
        region: form.data.region,
      }));
    await addOrganisationToCohort(tx, cohort.id, { id: organisation.id, sector: form.data.sector });
    const row = await getCohortOrganisation(tx, cohort.id, organisation.id);
    if (!row) throw new Error("The organisation was not added");
    await updateCohortOrganisation(tx, row, form.data, {
      organisation: (
        await tx
          .selectFrom("organisations")
          .where("id", "=", organisation.id)
          .select("version")
          .executeTakeFirstOrThrow()
      ).version,
      cohortOrganisation: row.version,
    });
    await recordAudit(tx, {
      actorId: user.personId,
      action: "cohort.organisation_added",
      subjectType: "organisation",
      subjectId: organisation.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: {
        name: form.data.name,
        hostsVisit: form.data.hostsVisit,
        quota: form.data.quota,
        created: !existing,
      },
    });
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/organisations`,
    `${form.data.name} added to the cohort`,
  );
}

export default function AddOrganisation() {
  const { cohort, known } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/organisations`}>Back to organisations</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ sector: "sector", region: "region" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Add an organisation
        </h1>
        {known.length > 0 ? (
          <p className="govuk-body">
            Tandem already knows {known.length} other organisations, such as{" "}
            {known
              .slice(0, 3)
              .map((o) => o.name)
              .join(", ")}
            . Type a name exactly to add one of them.
          </p>
        ) : null}
        <Form method="post" noValidate>
          <OrganisationFields
            values={actionData?.values ?? { kind: "company" }}
            errors={actionData?.errors}
          />
          <Button>Add organisation</Button>
        </Form>
      </div>
    </div>
  );
}
