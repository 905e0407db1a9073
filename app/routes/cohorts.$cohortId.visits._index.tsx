import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { actorOf, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { confirmVisits } from "~/commands/visits.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, Table, Tag } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { VisitStatusTag } from "~/components/VisitStatusTag";
import { formatTime, formatUkDateWithDay, weekOfDate } from "~/domain/calendar";
import { listVisits } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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
  const outcome = await run(context.db, actorOf(context, user), confirmVisits, { cohortId: cohort.id });
  if (!outcome.ok) throw new Error("Confirming planned visits refuses nothing");
  return redirectWithBanner(
    context,
    request,
    paths.cohort(cohort.id).visits(),
    outcome.confirmed
      ? `${outcome.confirmed} visit${outcome.confirmed === 1 ? "" : "s"} confirmed`
      : "There were no planned visits to confirm",
  );
}

export default function Visits() {
  const { cohort, visits } = useLoaderData<typeof loader>();
  const to = paths.cohort(cohort.id);
  const planned = visits.filter((v) => v.status === "planned").length;
  return (
    <>
      <BackLink href={to.home()}>Back to {cohort.name}</BackLink>
      <PageHeading caption={cohort.name}>Company visits</PageHeading>
      <ButtonGroup>
        <Button href={to.visitsPlan()}>Plan visits</Button>
        <Button href={to.calendar()} variant="secondary">
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
                  <Link className="govuk-link" to={to.visit(v.id).home()}>
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
          <LinkParagraph to={to.attendance()}>Attendance by person</LinkParagraph>
        </>
      )}
    </>
  );
}
