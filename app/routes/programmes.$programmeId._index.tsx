import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { idParam, notFound, requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, SummaryList, Table, Tag } from "~/components/govuk";
import { cohortEndDate, formatUkDate } from "~/domain/calendar";
import { getProgramme, listCohortsOfProgramme } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => data?.programme.name ?? "Programme");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  const db = context.db;
  const programme = await getProgramme(db, idParam(params.programmeId, "Programme"));
  if (!programme) notFound("Programme");
  return { programme, cohorts: await listCohortsOfProgramme(db, programme.id) };
}

export default function ProgrammePage() {
  const { programme, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/programmes">Back to programmes</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">Programme</span>
        {programme.name}
      </h1>
      <SummaryList
        rows={[
          { key: "Sponsor", value: programme.sponsor_name ?? "None" },
          { key: "Description", value: programme.description ?? "None" },
          {
            key: "Data kept for",
            value: (
              <>
                {programme.retention_months} months after each cohort ends{" "}
                <Link className="govuk-link" to={`/programmes/${programme.id}/retention`}>
                  Change<span className="govuk-visually-hidden"> retention period</span>
                </Link>
              </>
            ),
          },
        ]}
      />
      <ButtonGroup>
        <Button href={`/programmes/${programme.id}/cohorts/new`}>Add a cohort</Button>
        <Button href={`/programmes/${programme.id}/edit`} variant="secondary">
          Edit programme
        </Button>
        <Button href={`/programmes/${programme.id}/report`} variant="secondary">
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
                <Link className="govuk-link" to={`/cohorts/${c.id}`}>
                  {c.name}
                </Link>
              ),
            },
            {
              text: `${formatUkDate(c.start_date)} to ${formatUkDate(cohortEndDate(c.start_date, c.weeks))}`,
            },
            { text: <Tag colour="grey">{c.status}</Tag> },
            { text: c.coordinators.length ? c.coordinators.map((p) => p.name).join(", ") : "None yet" },
            {
              text: (
                <Link className="govuk-link" to={`/cohorts/${c.id}/people/invite?role=coordinator`}>
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
