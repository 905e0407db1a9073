import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { VisitStatusTag } from "~/components/VisitStatusTag";
import {
  formatTime,
  formatUkDate,
  formatUkDateWithDay,
  programmeWeeks,
  todayInLondon,
} from "~/domain/calendar";
import { listMilestones, listVisits } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Schedule for ${data?.cohort.name ?? "the cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  const { cohort } = access;
  const db = context.db;
  const [milestones, visits] = await Promise.all([listMilestones(db, cohort), listVisits(db, cohort.id)]);
  const today = todayInLondon();
  return {
    cohort,
    manages: can(access, "cohort:manage"),
    weeks: programmeWeeks(cohort.start_date, cohort.weeks).map((week) => ({
      ...week,
      current: week.start <= today && today <= week.end,
      milestones: milestones.filter((m) => m.date >= week.start && m.date <= week.end),
      visits: visits
        .filter((v) => v.date >= week.start && v.date <= week.end)
        .map((v) => ({
          id: v.id,
          host: v.host_name,
          date: v.date,
          start: v.start_time,
          end: v.end_time,
          status: v.status,
        })),
    })),
  };
}

export default function Schedule() {
  const { cohort, weeks, manages } = useLoaderData<typeof loader>();
  const links = paths.cohort(cohort.id);
  return (
    <>
      <BackLink href={manages ? links.home() : paths.home()}>
        {manages ? `Back to ${cohort.name}` : "Back to your home page"}
      </BackLink>
      <PageHeading caption={cohort.name}>Schedule</PageHeading>
      <p className="govuk-body">
        {cohort.weeks} weeks from {formatUkDate(cohort.start_date)}. Times are UK time.{" "}
        <Link className="govuk-link" to={paths.profile()}>
          Add every date to your calendar
        </Link>
      </p>
      <ol className="govuk-list">
        {weeks.map((week) => (
          <li
            key={week.number}
            className={`tandem-week${week.current ? " tandem-week--current" : ""}`}
            aria-current={week.current ? "date" : undefined}
          >
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              Week {week.number} {week.current ? <Tag colour="blue">This week</Tag> : null}
            </h2>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              {formatUkDate(week.start)} to {formatUkDate(week.end)}
            </p>
            {week.milestones.length === 0 && week.visits.length === 0 ? (
              <p className="govuk-body govuk-!-margin-bottom-0">Nothing scheduled.</p>
            ) : (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {week.milestones.map((m) => (
                  <li key={m.kind}>
                    <Link className="govuk-link" to={links.milestone(m.kind)}>
                      {m.title}
                    </Link>
                    , {formatUkDateWithDay(m.date)}
                  </li>
                ))}
                {week.visits.map((v) => (
                  <li key={v.id}>
                    <Link className="govuk-link" to={links.visit(v.id).home()}>
                      Visit to {v.host}
                    </Link>
                    , {formatUkDateWithDay(v.date)}, {formatTime(v.start)} to {formatTime(v.end)}{" "}
                    {v.status !== "confirmed" ? <VisitStatusTag status={v.status} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
