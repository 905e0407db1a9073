import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, Table, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { REGIONS, SECTORS } from "~/domain/vocabulary";
import { listCohortOrganisations } from "~/models/cohort-organisation.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Organisations in ${data?.cohort.name ?? "the cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort, organisations: await listCohortOrganisations(context.db, cohort.id) };
}

export default function CohortOrganisations() {
  const { cohort, organisations } = useLoaderData<typeof loader>();
  const links = paths.cohort(cohort.id);
  const hosts = organisations.filter((o) => o.hosts_visit).length;
  return (
    <>
      <BackLink href={links.home()}>Back to {cohort.name}</BackLink>
      <PageHeading caption={cohort.name}>Organisations</PageHeading>
      <p className="govuk-body">
        {organisations.length === 1
          ? "1 organisation takes part"
          : `${organisations.length} organisations take part`}
        ; {hosts === 1 ? "1 hosts" : `${hosts} host`} a company visit.
      </p>
      <Button href={links.organisationsNew()}>Add an organisation</Button>
      {organisations.length === 0 ? (
        <p className="govuk-body">No organisations yet. Add them here, or import nominations to add them.</p>
      ) : (
        <Table
          caption="Nominations against each organisation's quota"
          captionSize="s"
          head={[
            { text: "Organisation" },
            { text: "Sector" },
            { text: "Region" },
            { text: "Hosts a visit" },
            { text: "Nominated", format: "numeric" },
            { text: "Quota", format: "numeric" },
          ]}
          rows={organisations.map((o) => [
            {
              text: (
                <Link className="govuk-link" to={links.organisation(o.organisation_id)}>
                  {o.name}
                  <span className="govuk-visually-hidden"> (change)</span>
                </Link>
              ),
            },
            { text: `${SECTORS[o.sector]} (${o.kind})` },
            { text: REGIONS[o.region] },
            { text: o.hosts_visit ? "Yes" : "No" },
            {
              text:
                o.quota !== null && o.nominated < o.quota ? (
                  <>
                    {o.nominated} <Tag colour="yellow">Below quota</Tag>
                  </>
                ) : o.quota !== null && o.nominated > o.quota ? (
                  <>
                    {o.nominated} <Tag colour="red">Over quota</Tag>
                  </>
                ) : (
                  String(o.nominated)
                ),
              format: "numeric",
            },
            { text: o.quota === null ? "None set" : String(o.quota), format: "numeric" },
          ])}
        />
      )}
    </>
  );
}
