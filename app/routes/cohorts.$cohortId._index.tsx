import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { cohortSetupTasks } from "~/components/CohortSetupTasks";
import { CohortStatusTag } from "~/components/CohortStatusTag";
import { DottedLinks } from "~/components/DottedLinks";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, ButtonGroup, SummaryList, Table, TaskList } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { cohortEndDate, cohortTiming, formatUkDate, todayInLondon } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { COHORT_ROLES } from "~/domain/vocabulary";
import { ROLES_IN_PAGE_ORDER } from "~/forms/people";
import { cohortSetupProgress } from "~/models/cohort-organisation.server";
import { listCohortMembers } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => data?.cohort.name ?? "Cohort");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const members = await listCohortMembers(context.db, cohort.id);
  const counts = ROLES_IN_PAGE_ORDER.map((role) => {
    const inRole = members.filter((m) => m.role === role);
    return {
      role,
      total: inRole.length,
      government: inRole.filter((m) => m.sector === "government").length,
      industry: inRole.filter((m) => m.sector === "industry").length,
      pending: inRole.filter((m) => !m.password_set_at).length,
    };
  });
  return {
    cohort,
    counts,
    timing: cohortTiming(cohort.start_date, cohort.weeks, todayInLondon()),
    setup: await cohortSetupProgress(context.db, cohort.id),
  };
}

export default function CohortOverview() {
  const { cohort, counts, timing, setup } = useLoaderData<typeof loader>();
  const { participants, mentors } = setup;
  const links = paths.cohort(cohort.id);
  return (
    <>
      <PageHeading caption={cohort.programme_name}>{cohort.name}</PageHeading>
      <SummaryList
        rows={[
          {
            key: "Dates",
            value: `${formatUkDate(cohort.start_date)} to ${formatUkDate(cohortEndDate(cohort.start_date, cohort.weeks))} (${plural(cohort.weeks, "week")})`,
          },
          {
            key: "Where we are",
            value:
              timing.phase === "before"
                ? `Starts in ${plural(timing.daysToStart, "day")}`
                : timing.phase === "during"
                  ? `Week ${timing.week} of ${timing.weeks}`
                  : "Finished",
          },
          { key: "Teams", value: String(cohort.team_count) },
          { key: "Status", value: <CohortStatusTag status={cohort.status} /> },
        ]}
      />
      <ButtonGroup>
        <Button href={links.invite()}>Invite a person</Button>
        <Button href={links.edit()} variant="secondary">
          Edit cohort details
        </Button>
      </ButtonGroup>
      <h2 className="govuk-heading-m">Setting up the cohort</h2>
      <TaskList
        items={[
          {
            title: "Add participants",
            href: links.people(),
            hint: `${participants} added`,
            status:
              participants > 0 ? { text: "Completed" } : { tag: { text: "Not yet started", colour: "blue" } },
          },
          {
            title: "Add mentors",
            href: links.people(),
            hint: `${mentors} added; each team needs one from industry and one civil servant`,
            status:
              mentors >= cohort.team_count * 2
                ? { text: "Completed" }
                : {
                    tag: {
                      text: mentors ? "In progress" : "Not yet started",
                      colour: mentors ? "light-blue" : "blue",
                    },
                  },
          },
          {
            title: "Form teams and pair mentors",
            href: links.teams(),
            hint: "Balanced mixed teams, each with an industry and a government mentor",
            status: { tag: { text: "See teams", colour: "grey" } },
          },
          ...cohortSetupTasks(cohort.id, setup),
          {
            title: "Run the pitch day",
            href: links.pitchDay.home(),
            hint: "Running order, panel and conflicts, rubric, scoring and results",
            status: { tag: { text: "See pitch day", colour: "grey" } },
          },
        ]}
      />
      <p className="govuk-body">
        <DottedLinks
          links={[
            { to: links.schedule(), text: "Programme schedule" },
            { to: links.attendance(), text: "Attendance" },
            { href: links.calendar(), text: "Download the cohort calendar (.ics)" },
            { to: links.report(), text: "Report" },
            { to: links.health(), text: "Team health" },
          ]}
        />
      </p>
      <h2 className="govuk-heading-m">People</h2>
      <Table
        caption="People in this cohort by role"
        captionSize="s"
        head={[
          { text: "Role" },
          { text: "Government", format: "numeric" },
          { text: "Industry", format: "numeric" },
          { text: "Total", format: "numeric" },
          { text: "Not signed in yet", format: "numeric" },
        ]}
        rows={counts.map((c) => [
          { text: COHORT_ROLES[c.role] },
          { text: String(c.government), format: "numeric" },
          { text: String(c.industry), format: "numeric" },
          { text: String(c.total), format: "numeric" },
          { text: String(c.pending), format: "numeric" },
        ])}
      />
      <LinkParagraph to={links.people()}>See everyone in the cohort</LinkParagraph>
    </>
  );
}
