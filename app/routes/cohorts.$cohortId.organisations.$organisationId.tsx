import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { OrganisationFields } from "~/components/OrganisationFields";
import { formatShortUkDate } from "~/domain/calendar";
import { OrganisationSchema } from "~/forms/cohort-setup";
import { parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  getCohortOrganisation,
  organisationVersion,
  updateCohortOrganisation,
} from "~/models/cohort-organisation.server";
import { findOrganisationByName } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Change ${data?.organisation.name ?? "organisation"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const db = context.db;
  const organisation = await getCohortOrganisation(
    db,
    access.cohort.id,
    idParam(params.organisationId, "Organisation"),
  );
  if (!organisation) notFound("Organisation");
  return {
    ...access,
    organisation,
    organisationVersion: await organisationVersion(db, organisation.organisation_id),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, organisation, organisationVersion } = await load(context, request, params);
  return { cohort, organisation, organisationVersion };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user, organisation } = await load(context, request, params);
  const form = parseForm(await request.formData(), OrganisationSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = context.db;
  const sameName = await findOrganisationByName(db, form.data.name);
  if (sameName && sameName.id !== organisation.organisation_id) {
    return data(
      { errors: { name: `Tandem already has an organisation called ${sameName.name}` }, values: form.values },
      { status: 400 },
    );
  }
  const saved = await db.transaction().execute(async (tx) => {
    const ok = await updateCohortOrganisation(tx, organisation, form.data, {
      organisation: form.data.organisationVersion,
      cohortOrganisation: form.data.version,
    });
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "cohort.organisation_updated",
        subjectType: "organisation",
        subjectId: organisation.organisation_id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          name: form.data.name,
          hostsVisit: form.data.hostsVisit,
          quota: form.data.quota,
          unavailable: form.data.unavailable,
        },
      });
    return ok;
  });
  if (!saved) {
    return data(
      {
        errors: {
          name: "Someone else saved changes to this organisation while you were editing it. Your changes are kept below: check them and save again to replace theirs.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  }
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/organisations`,
    `${form.data.name} saved`,
  );
}

export default function ChangeOrganisation() {
  const { cohort, organisation, organisationVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: organisation.name,
    sector: organisation.sector,
    kind: organisation.kind,
    region: organisation.region,
    quota: organisation.quota === null ? "" : String(organisation.quota),
    hostsVisit: organisation.hosts_visit ? "yes" : "",
    address: organisation.address ?? "",
    contactName: organisation.contact_name ?? "",
    contactEmail: organisation.contact_email ?? "",
    unavailable: organisation.unavailable.map(formatShortUkDate).join("\n"),
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/organisations`}>Back to organisations</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ sector: "sector", region: "region" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          {organisation.name}
        </h1>
        <Form method="post" noValidate key={`${organisation.version}-${organisationVersion}`}>
          <input type="hidden" name="version" value={organisation.version} />
          <input type="hidden" name="organisationVersion" value={organisationVersion} />
          <OrganisationFields values={values} errors={actionData?.errors} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
