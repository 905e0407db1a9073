import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, Table, Tag } from "~/components/govuk";
import { VisitStatusTag } from "~/components/VisitStatusTag";
import { formatTime, formatUkDateWithDay, weekOfDate } from "~/domain/calendar";
import { recordAudit } from "~/models/audit.server";
import { confirmPlannedVisits, listVisits } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Company visits for ${data?.cohort.name ?? "the cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const visits = await listVisits(context.db, cohort.id);
  return {
    cohort,
    visits: visits.map((v) => ({ ...v, week: weekOfDate(cohort.start_date, cohort.weeks, v.date) })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const confirmed = await context.db.transaction().execute(async (tx) => {
    const count = await confirmPlannedVisits(tx, cohort.id);
    if (count)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "visits.confirmed",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { count },
      });
    return count;
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/visits`,
    confirmed
      ? `${confirmed} visit${confirmed === 1 ? "" : "s"} confirmed`
      : "There were no planned visits to confirm",
  );
}

export default function Visits() {
  const { cohort, visits } = useLoaderData<typeof loader>();
  const base = `/cohorts/${cohort.id}`;
  const planned = visits.filter((v) => v.status === "planned").length;
  return (
    <>
      <BackLink href={base}>Back to {cohort.name}</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Company visits
      </h1>
      <ButtonGroup>
        <Button href={`${base}/visits/plan`}>Plan visits</Button>
        <Button href={`${base}/calendar.ics`} variant="secondary">
          Download the cohort calendar (.ics)
        </Button>
      </ButtonGroup>
      {visits.length === 0 ? (
        <p className="govuk-body">No visits yet. Plan them once the host organisations are marked.</p>
      ) : (
        <>
          {planned > 0 ? (
            <Form method="post">
              <p className="govuk-body">
                {planned} visit{planned === 1 ? " is" : "s are"} planned but not confirmed with the host yet.
              </p>
              <Button>Confirm planned visits</Button>
            </Form>
          ) : null}
          <Table
            head={[
              { text: "Week" },
              { text: "Date" },
              { text: "Host" },
              { text: "Status" },
              { text: "Attended", format: "numeric" },
            ]}
            rows={visits.map((v) => [
              { text: v.week ? String(v.week) : "Outside the cohort" },
              {
                text: `${formatUkDateWithDay(v.date)}, ${formatTime(v.start_time)} to ${formatTime(v.end_time)}`,
              },
              {
                text: (
                  <Link className="govuk-link" to={`${base}/visits/${v.id}`}>
                    {v.host_name}
                  </Link>
                ),
              },
              { text: <VisitStatusTag status={v.status} /> },
              {
                text: v.recorded ? String(v.attended) : <Tag colour="grey">Not recorded</Tag>,
                format: "numeric",
              },
            ])}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/attendance`}>
              Attendance by person
            </Link>
          </p>
        </>
      )}
    </>
  );
}
