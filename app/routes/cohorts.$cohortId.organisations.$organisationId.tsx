import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { editCohortOrganisation } from "~/commands/organisations.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button } from "~/components/govuk";
import { OrganisationFields } from "~/components/OrganisationFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatShortUkDate } from "~/domain/calendar";
import { EditOrganisationSchema } from "~/forms/cohort-setup";
import { submitForm } from "~/forms/submit.server";
import { getCohortOrganisation, organisationVersion } from "~/models/cohort-organisation.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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
  return submitForm(context, request, user, {
    schema: EditOrganisationSchema,
    command: editCohortOrganisation,
    input: (value) => ({ ...value, cohortId: cohort.id, row: organisation }),
    done: (_, value) => ({ to: paths.cohort(cohort.id).organisations(), banner: `${value.name} saved` }),
  });
}

export default function ChangeOrganisation() {
  const { cohort, organisation, organisationVersion } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(`${organisation.version}-${organisationVersion}`, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      name: organisation.name,
      sector: organisation.sector,
      kind: organisation.kind,
      region: organisation.region,
      quota: organisation.quota === null ? undefined : String(organisation.quota),
      hostsVisit: organisation.hosts_visit ? "yes" : undefined,
      address: organisation.address ?? undefined,
      contactName: organisation.contact_name ?? undefined,
      contactEmail: organisation.contact_email ?? undefined,
      unavailable: organisation.unavailable.map(formatShortUkDate).join("\n"),
    },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).organisations(), text: "Back to organisations" }}
      form={form}
      caption={cohort.name}
      heading={organisation.name}
    >
      <VersionedForm form={form} version={organisation.version}>
        <input type="hidden" name="organisationVersion" value={organisationVersion} />
        <OrganisationFields fields={fields} />
        <Button>Save changes</Button>
      </VersionedForm>
    </FormPage>
  );
}
