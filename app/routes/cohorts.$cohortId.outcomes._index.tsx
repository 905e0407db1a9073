import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Table, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { FOLLOW_UP_LABELS, FOLLOW_UPS, OUTCOME_LABELS, outcomeSummary } from "~/domain/report";
import { cohortReportRows } from "~/models/report.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

/** An outcome's status as a tag: taken forward or piloted in colour, still open in yellow, not taken forward red. */
const OUTCOME_COLOURS = {
  "taken-forward": "green",
  piloted: "turquoise",
  "under-consideration": "yellow",
  "not-taken-forward": "red",
} as const;

export const meta = pageMeta<typeof loader>(({ data }) => `Outcomes: ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "outcomes:manage");
  const rows = await cohortReportRows(context.db, cohort.id);
  return { cohort, outcomes: outcomeSummary(rows) };
}

export default function Outcomes() {
  const { cohort, outcomes } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).report()}>Back to the report</BackLink>
      <PageHeading caption={cohort.name}>Outcomes after the programme</PageHeading>
      <p className="govuk-body">
        Three and six months after the programme, record what became of each team's solution. The report and
        the programme view show these across cohorts.
      </p>
      {outcomes.teams.length === 0 ? (
        <p className="govuk-body">This cohort has no teams yet: form teams first.</p>
      ) : (
        <Table
          caption="Teams and their outcomes"
          captionSize="s"
          firstCellIsHeader
          head={[
            { text: "Team" },
            ...FOLLOW_UPS.map((f) => ({ text: FOLLOW_UP_LABELS[f] })),
            { text: "Action" },
          ]}
          rows={outcomes.teams.map((t) => [
            { text: t.team },
            ...FOLLOW_UPS.map((f) => {
              const entry = t.followUps[f];
              return {
                text: entry ? (
                  <Tag colour={OUTCOME_COLOURS[entry.status]}>{OUTCOME_LABELS[entry.status]}</Tag>
                ) : (
                  <Tag colour="grey">Not recorded</Tag>
                ),
              };
            }),
            {
              text: (
                <Link className="govuk-link" to={paths.cohort(cohort.id).outcome(t.teamId)}>
                  Record<span className="govuk-visually-hidden"> outcomes for {t.team}</span>
                </Link>
              ),
            },
          ])}
        />
      )}
    </>
  );
}
