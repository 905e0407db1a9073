import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatShortUkDate, visitHasStarted } from "~/domain/calendar";
import { listParticipants } from "~/models/nomination.server";
import { listCohortAttendance, listVisits } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Attendance in ${data?.cohort.name ?? "the cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

const SHORT = { attended: "✓", apologies: "A", absent: "✗" } as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const db = context.db;
  const [participants, visits, records] = await Promise.all([
    listParticipants(db, cohort.id),
    listVisits(db, cohort.id),
    listCohortAttendance(db, cohort.id),
  ]);
  // Only visits that have started count: a record made earlier for a visit still to come is left out.
  const held = visits.filter((v) => v.status !== "cancelled" && v.recorded > 0 && visitHasStarted(v));
  return {
    cohort,
    visits: held.map((v) => ({ id: v.id, host: v.host_name, date: v.date, attended: v.attended })),
    people: participants.map((p) => {
      const mine = records.filter((r) => r.person_id === p.id);
      return {
        id: p.id,
        name: p.name,
        statuses: held.map((v) => mine.find((r) => r.visit_id === v.id)?.status ?? null),
        attended: mine.filter((r) => r.status === "attended" && held.some((v) => v.id === r.visit_id)).length,
      };
    }),
  };
}

export default function CohortAttendance() {
  const { cohort, visits, people } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).visits()}>Back to company visits</BackLink>
      <PageHeading caption={cohort.name}>Attendance</PageHeading>
      {visits.length === 0 ? (
        <p className="govuk-body">No attendance has been recorded yet.</p>
      ) : (
        <>
          <p className="govuk-body">✓ attended, A sent apologies, ✗ absent, – not recorded.</p>
          <div className="tandem-table-scroll">
            <Table
              caption="Attendance by person and visit"
              captionSize="s"
              firstCellIsHeader
              head={[
                { text: "Participant" },
                ...visits.map((v) => ({
                  text: (
                    <>
                      {v.host}
                      <br />
                      <span className="govuk-body-s">{formatShortUkDate(v.date)}</span>
                    </>
                  ),
                })),
                { text: "Visits attended", format: "numeric" as const },
              ]}
              rows={[
                ...people.map((p) => [
                  { text: p.name },
                  ...p.statuses.map((s) => ({ text: s ? SHORT[s] : "–" })),
                  { text: `${p.attended} of ${visits.length}`, format: "numeric" as const },
                ]),
                [
                  { text: "Attended" },
                  ...visits.map((v) => ({ text: String(v.attended) })),
                  { text: "", format: "numeric" as const },
                ],
              ]}
            />
          </div>
        </>
      )}
    </>
  );
}
