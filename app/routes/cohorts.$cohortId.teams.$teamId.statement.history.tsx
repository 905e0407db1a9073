import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireTeam } from "~/auth/team-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, Select, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { TextDiff } from "~/components/TextDiff";
import { formatUkDateTime } from "~/domain/calendar";
import { CATEGORY_LABELS, STATEMENT_FIELDS } from "~/domain/problem-statement";
import { diffWords, hasChanges } from "~/domain/text-diff";
import { teamLabel } from "~/models/mentoring.server";
import { getStatement, getVersion, listVersions, versionText } from "~/models/problem-statement.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `${data?.teamName ?? "Team"}: statement history`);
export const ErrorBoundary = RouteErrorBoundary;

function pick(value: string | null, latest: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= latest ? n : fallback;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, team } = await requireTeam(context, request, params);
  const db = context.db;
  const statement = await getStatement(db, team.id);
  const versions = statement ? await listVersions(db, statement.id) : [];
  const latest = statement?.version ?? 0;
  const url = new URL(request.url);
  const to = pick(url.searchParams.get("to"), latest, latest);
  const from = pick(url.searchParams.get("from"), latest, Math.max(1, to - 1));
  const [a, b] =
    statement && latest > 0
      ? await Promise.all([getVersion(db, statement.id, from), getVersion(db, statement.id, to)])
      : [undefined, undefined];
  const label = (v: string | null) => (v ? (CATEGORY_LABELS[v as keyof typeof CATEGORY_LABELS] ?? v) : "");
  const diff =
    a && b
      ? STATEMENT_FIELDS.map((field) => {
          const before = versionText(a)[field.name] ?? "";
          const after = versionText(b)[field.name] ?? "";
          const parts =
            field.name === "category" ? diffWords(label(before), label(after)) : diffWords(before, after);
          return { name: field.name, label: field.label, parts, changed: hasChanges(parts) };
        })
      : [];
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    from,
    to,
    versions: versions.map((v) => ({
      number: v.number,
      by: v.author_name,
      at: formatUkDateTime(v.created_at),
    })),
    diff,
  };
}

export default function StatementHistory() {
  const d = useLoaderData<typeof loader>();
  const statement = paths.cohort(d.cohortId).teamOf(d.teamId).statement();
  const options = d.versions.map((v) => ({ value: String(v.number), text: `Version ${v.number}` }));
  return (
    <>
      <BackLink href={statement}>Back to the problem statement</BackLink>
      <PageHeading caption={d.teamName}>Problem statement history</PageHeading>
      {d.versions.length === 0 ? (
        <p className="govuk-body">No version has been saved yet.</p>
      ) : (
        <>
          <Table
            caption="Every saved version"
            captionSize="m"
            firstCellIsHeader
            head={[{ text: "Version" }, { text: "Saved by" }, { text: "When" }]}
            rows={d.versions.map((v) => [{ text: String(v.number) }, { text: v.by }, { text: v.at }])}
          />
          <h2 className="govuk-heading-m">Compare two versions</h2>
          <Form method="get" className="tandem-compare-form">
            <Select id="from" name="from" label="From" items={options} defaultValue={String(d.from)} />
            <Select id="to" name="to" label="To" items={options} defaultValue={String(d.to)} />
            <Button variant="secondary">Compare</Button>
          </Form>
          <h2 className="govuk-heading-m">
            Changes from version {d.from} to version {d.to}
          </h2>
          <p className="govuk-body-s">Added words are underlined, removed words are struck through.</p>
          {d.diff.map((field) => (
            <div key={field.name}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {field.label}
                {field.changed ? "" : " (unchanged)"}
              </h3>
              <p className="govuk-body tandem-pre-line">
                <TextDiff parts={field.parts} />
              </p>
            </div>
          ))}
        </>
      )}
    </>
  );
}
