// What the import would do, row by row (with each change to a person already in Tandem, old → new), the rows
// merged or left out because they name the same person, and the problems to correct first.
import { InsetText, Table, Tag } from "~/components/govuk";
import type { ConflictingRows, MergedRow } from "~/domain/csv-nominations";
import type { NotApplied, ProfileDifference } from "~/domain/profile";
import { COHORT_ROLES, type CohortRole } from "~/domain/vocabulary";
import type { NominationPreview, RowOutcome } from "~/models/nomination.server";

/** What importing a row does, as its tag says it. */
const OUTCOME_LABELS: Record<RowOutcome, string> = {
  "new person": "New person",
  "joins the cohort": "Joins the cohort",
  "already in the cohort": "Already in the cohort",
  updated: "Updated",
};

export function ProblemsTable({ problems }: { problems: NominationPreview["problems"] }) {
  return (
    <Table
      caption={`Problems to correct (${problems.length})`}
      captionSize="m"
      head={[{ text: "Row" }, { text: "Column" }, { text: "Problem" }]}
      rows={problems.map((p) => [{ text: String(p.row) }, { text: p.column }, { text: p.message }])}
      className="tandem-problems"
    />
  );
}

/** The differences importing leaves alone, and why. */
function NotAppliedNote({ notApplied }: { notApplied: NotApplied }) {
  return (
    <div className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-1">
        {notApplied.differences.map((d) => (
          <li key={d.field}>
            {d.field}: {d.from} → <del>{d.to}</del>
          </li>
        ))}
      </ul>
      <strong>{notApplied.reason}</strong>
    </div>
  );
}

/** What importing changes for a person already in Tandem: each field, old → new. */
function Changes({ changes }: { changes: ProfileDifference[] }) {
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      {changes.map((d) => (
        <li key={d.field}>{`${d.field}: ${d.from} → ${d.to}`}</li>
      ))}
    </ul>
  );
}

/** The rows that repeat an earlier row exactly: the person is imported once. */
export function MergedRows({ merged }: { merged: MergedRow[] }) {
  if (merged.length === 0) return null;
  return (
    <InsetText>
      <p className="govuk-body">
        {merged.length === 1 ? "1 row repeats" : `${merged.length} rows repeat`} an earlier row exactly, so{" "}
        {merged.length === 1 ? "it is" : "they are"} imported once:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {merged.map((m) => (
          <li key={m.row}>{`Row ${m.row} (${m.email}) is the same as row ${m.sameAs}`}</li>
        ))}
      </ul>
    </InsetText>
  );
}

/** The rows left out because they give different details for the same person. */
export function ConflictsTable({ conflicts }: { conflicts: ConflictingRows[] }) {
  if (conflicts.length === 0) return null;
  return (
    <Table
      caption={`Rows left out (${conflicts.length} ${conflicts.length === 1 ? "person" : "people"})`}
      captionSize="m"
      head={[{ text: "Rows" }, { text: "Email" }, { text: "Why they are left out" }]}
      rows={conflicts.map((c) => [{ text: c.rows.join(", ") }, { text: c.email }, { text: c.reason }])}
      className="tandem-left-out"
    />
  );
}

export function RowsTable({ preview }: { preview: NominationPreview }) {
  return (
    <Table
      caption="Rows as they will be imported"
      captionSize="m"
      head={[
        { text: "Row" },
        { text: "Name" },
        { text: "Email" },
        { text: "Organisation" },
        { text: "Role" },
        { text: "What happens" },
      ]}
      rows={preview.rows.map((r) => [
        { text: String(r.row) },
        { text: r.name },
        { text: r.email },
        { text: r.organisation },
        { text: Object.hasOwn(COHORT_ROLES, r.role) ? COHORT_ROLES[r.role as CohortRole] : r.role },
        {
          text: preview.problems.some((p) => p.row === r.row) ? (
            <Tag colour="red">Problem</Tag>
          ) : (
            <>
              <Tag colour={r.outcome === "new person" ? "green" : "grey"}>{OUTCOME_LABELS[r.outcome]}</Tag>
              {r.changes ? <Changes changes={r.changes} /> : null}
              {r.notApplied ? <NotAppliedNote notApplied={r.notApplied} /> : null}
            </>
          ),
        },
      ])}
    />
  );
}
