// The earlier versions of the teams, kept when published teams were changed with a confirmation, each with a link
// to restore it (through its own confirmation).
import { Link } from "@remix-run/react";
import { Table } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { paths } from "~/utils/paths";

const CAUSES = {
  regenerated: "Before the teams were regenerated",
  mentors_paired: "Before the mentors were paired again",
  restored: "Before an earlier version was restored",
} as const;

type Version = {
  id: number;
  saved_at: string;
  cause: keyof typeof CAUSES;
  reason: string;
  saved_by_name: string | null;
};

export function TeamVersions({ cohortId, versions }: { cohortId: number; versions: Version[] }) {
  if (versions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m" id="previous-versions">
        Previous versions of the teams
      </h2>
      <p className="govuk-body">
        The teams as they were before each confirmed change. Restoring one shows who would move first.
      </p>
      <Table
        caption={`${versions.length} ${versions.length === 1 ? "version" : "versions"} kept`}
        captionSize="s"
        firstCellIsHeader
        head={[
          { text: "Kept on" },
          { text: "Why it was kept" },
          { text: "Changed by" },
          { text: "Reason given" },
          { text: <span className="govuk-visually-hidden">Action</span> },
        ]}
        rows={versions.map((v) => [
          { text: formatUkDateTime(v.saved_at) },
          { text: CAUSES[v.cause] },
          { text: v.saved_by_name ?? "Tandem" },
          { text: v.reason },
          {
            text: (
              <Link className="govuk-link" to={paths.cohort(cohortId).teamsVersion(v.id)}>
                Restore
                <span className="govuk-visually-hidden">
                  {" "}
                  the teams as they were {formatUkDateTime(v.saved_at)}
                </span>
              </Link>
            ),
          },
        ])}
      />
    </>
  );
}
