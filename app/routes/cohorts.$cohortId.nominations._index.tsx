import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { ReleaseTag } from "~/components/ReleaseTag";
import { COHORT_ROLES } from "~/domain/vocabulary";
import { listNominations } from "~/models/nomination.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Nominations for ${data?.cohort.name ?? "the cohort"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const url = new URL(request.url);
  const nominations = await listNominations(context.db, cohort.id);
  const active = nominations.filter((n) => !n.withdrawn_at);
  const notReleased = active.filter((n) => n.awaitingRelease);
  return {
    cohort,
    onlyNotReleased: url.searchParams.get("show") === "not-released",
    active,
    notReleased,
    withdrawn: nominations.filter((n) => n.withdrawn_at),
  };
}

type Nomination = Awaited<ReturnType<typeof loader>>["active"][number];

export default function Nominations() {
  const { cohort, active, notReleased, withdrawn, onlyNotReleased } = useLoaderData<typeof loader>();
  const links = paths.cohort(cohort.id);
  /** The columns both tables begin with: the name (to the nomination's page), organisation and role. */
  const nominationCells = (n: Nomination) => [
    {
      text: (
        <Link className="govuk-link" to={links.nomination(n.id)}>
          {n.name}
        </Link>
      ),
    },
    { text: n.organisation_name ?? "None" },
    { text: COHORT_ROLES[n.role] },
  ];
  const shown = onlyNotReleased ? notReleased : active;
  return (
    <>
      <BackLink href={links.home()}>Back to {cohort.name}</BackLink>
      <PageHeading caption={cohort.name}>Nominations</PageHeading>
      <ButtonGroup>
        <Button href={links.nominationsImport()}>Import nominations</Button>
        <Button href={links.invite()} variant="secondary">
          Add one person
        </Button>
      </ButtonGroup>
      <p className="govuk-body">
        {notReleased.length === 0 ? (
          "Every participant has been released by their line manager."
        ) : (
          <>
            <strong>{notReleased.length}</strong> participant{notReleased.length === 1 ? " is" : "s are"} not
            yet released by their line manager.{" "}
            {onlyNotReleased ? (
              <Link className="govuk-link" to={links.nominations()}>
                Show everyone
              </Link>
            ) : (
              <Link className="govuk-link" to={links.nominations("not-released")}>
                Show only them
              </Link>
            )}
          </>
        )}
      </p>
      <Table
        caption={onlyNotReleased ? "Participants not yet released" : `Nominated (${active.length})`}
        captionSize="m"
        head={[
          { text: "Name" },
          { text: "Organisation" },
          { text: "Role" },
          { text: "Line manager release" },
        ]}
        rows={shown.map((n) => [
          ...nominationCells(n),
          {
            text: n.releaseNeeded ? <ReleaseTag status={n.release_status} /> : "Not needed",
          },
        ])}
      />
      {withdrawn.length > 0 ? (
        <Table
          caption={`Withdrawn (${withdrawn.length})`}
          captionSize="m"
          head={[{ text: "Name" }, { text: "Organisation" }, { text: "Role" }]}
          rows={withdrawn.map(nominationCells)}
        />
      ) : null}
    </>
  );
}
