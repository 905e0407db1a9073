import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProgrammeAdmin } from "~/auth/programme-access.server";
import { CohortStatusTag } from "~/components/CohortStatusTag";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, SummaryList, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { cohortEndDate, formatUkDate } from "~/domain/calendar";
import { listCohortsOfProgramme } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => data?.programme.name ?? "Programme");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return { programme, cohorts: await listCohortsOfProgramme(context.db, programme.id) };
}

export default function ProgrammePage() {
  const { programme, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={paths.programmes()}>Back to programmes</BackLink>
      <PageHeading caption="Programme">{programme.name}</PageHeading>
      <SummaryList
        rows={[
          { key: "Sponsor", value: programme.sponsor_name ?? "None" },
          { key: "Description", value: programme.description ?? "None" },
          {
            key: "Data kept for",
            value: (
              <>
                {programme.retention_months} months after each cohort ends{" "}
                <Link className="govuk-link" to={paths.programme(programme.id).retention()}>
                  Change<span className="govuk-visually-hidden"> retention period</span>
                </Link>
              </>
            ),
          },
        ]}
      />
      <ButtonGroup>
        <Button href={paths.programme(programme.id).newCohort()}>Add a cohort</Button>
        <Button href={paths.programme(programme.id).edit()} variant="secondary">
          Edit programme
        </Button>
        <Button href={paths.programme(programme.id).report()} variant="secondary">
          Programme report
        </Button>
      </ButtonGroup>
      <h2 className="govuk-heading-m">Cohorts</h2>
      {cohorts.length === 0 ? (
        <p className="govuk-body">This programme has no cohorts yet.</p>
      ) : (
        <Table
          head={[
            { text: "Cohort" },
            { text: "Dates" },
            { text: "Status" },
            { text: "Coordinators" },
            { text: "Action" },
          ]}
          rows={cohorts.map((c) => [
            {
              text: (
                <Link className="govuk-link" to={paths.cohort(c.id).home()}>
                  {c.name}
                </Link>
              ),
            },
            {
              text: `${formatUkDate(c.start_date)} to ${formatUkDate(cohortEndDate(c.start_date, c.weeks))}`,
            },
            { text: <CohortStatusTag status={c.status} /> },
            { text: c.coordinators.length ? c.coordinators.map((p) => p.name).join(", ") : "None yet" },
            {
              text: (
                <Link className="govuk-link" to={paths.cohort(c.id).appointCoordinator()}>
                  Appoint a coordinator<span className="govuk-visually-hidden"> for {c.name}</span>
                </Link>
              ),
            },
          ])}
        />
      )}
    </>
  );
}
