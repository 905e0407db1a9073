import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireVisit } from "~/auth/visit-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, SummaryList } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { VisitStatusTag } from "~/components/VisitStatusTag";
import { formatTime, formatUkDateWithDay, weekOfDate } from "~/domain/calendar";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Visit to ${data?.visit.host_name ?? "a host"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit, manages, mayRecordAttendance } = await requireVisit(context, request, params);
  return {
    cohort,
    manages,
    mayRecordAttendance,
    week: weekOfDate(cohort.start_date, cohort.weeks, visit.date),
    // Only the cohort's coordinators see the host contact's email address.
    visit: { ...visit, contact_email: manages ? visit.contact_email : null },
  };
}

export default function VisitPage() {
  const { cohort, visit, week, manages, mayRecordAttendance } = useLoaderData<typeof loader>();
  const to = paths.cohort(cohort.id);
  const here = to.visit(visit.id);
  return (
    <>
      <BackLink href={manages ? to.visits() : to.schedule()}>
        {manages ? "Back to company visits" : "Back to the schedule"}
      </BackLink>
      <PageHeading caption={cohort.name}>Visit to {visit.host_name}</PageHeading>
      <SummaryList
        rows={[
          { key: "Status", value: <VisitStatusTag status={visit.status} /> },
          ...(visit.status === "cancelled"
            ? [{ key: "Why it was cancelled", value: visit.cancel_reason ?? "" }]
            : []),
          { key: "Date", value: `${formatUkDateWithDay(visit.date)}${week ? ` (week ${week})` : ""}` },
          { key: "Time", value: `${formatTime(visit.start_time)} to ${formatTime(visit.end_time)}` },
          {
            key: "Address",
            value: visit.address ? <span className="tandem-pre-line">{visit.address}</span> : "Not given yet",
          },
          {
            key: "Agenda",
            value: visit.agenda ? <span className="tandem-pre-line">{visit.agenda}</span> : "Not given yet",
          },
          {
            key: "Host contact",
            value: visit.contact_name
              ? `${visit.contact_name}${visit.contact_email ? ` (${visit.contact_email})` : ""}`
              : "Not given yet",
          },
        ]}
      />
      <ButtonGroup>
        {manages && visit.status !== "cancelled" ? (
          <Button href={here.edit()}>Change or move this visit</Button>
        ) : null}
        {mayRecordAttendance && visit.status !== "cancelled" ? (
          <Button href={here.attendance()} variant="secondary">
            Record attendance
          </Button>
        ) : null}
        <Button href={here.calendar()} variant="secondary">
          Add to your calendar (.ics)
        </Button>
      </ButtonGroup>
      {manages && visit.status !== "cancelled" ? (
        <LinkParagraph to={here.cancel()}>Cancel this visit</LinkParagraph>
      ) : null}
    </>
  );
}
