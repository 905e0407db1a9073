// What the import would do, row by row, and the problems to correct first.
import { Table, Tag } from "~/components/govuk";
import type { NotApplied } from "~/domain/profile";
import type { NominationPreview } from "~/models/nomination.server";

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
        { text: r.role },
        {
          text: preview.problems.some((p) => p.row === r.row) ? (
            <Tag colour="red">Problem</Tag>
          ) : (
            <>
              <Tag colour={r.outcome === "new person" ? "green" : "grey"}>{r.outcome}</Tag>
              {r.notApplied ? <NotAppliedNote notApplied={r.notApplied} /> : null}
            </>
          ),
        },
      ])}
    />
  );
}
