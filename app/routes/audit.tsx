import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { forbidden, requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { Button, DateInput, Pagination, type PaginationItem, Select, Table } from "~/components/govuk";
import { calendarDateFromParts, formatUkDateTime, londonInstant } from "~/domain/calendar";
import {
  AUDIT_PAGE_SIZE,
  type AuditScope,
  auditFilterOptions,
  coordinatedCohortIds,
  listAuditEvents,
} from "~/models/audit-log.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Audit log");
export const ErrorBoundary = RouteErrorBoundary;

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const db = context.db;
  let scope: AuditScope = "all";
  if (!user.isAdmin) {
    scope = await coordinatedCohortIds(db, user.personId);
    if (scope.length === 0) forbidden();
  }
  const url = new URL(request.url);
  const param = (name: string) => url.searchParams.get(name)?.trim() ?? "";
  const errors: Record<string, string> = {};
  const readDate = (name: "from" | "to", label: string) => {
    const [d, m, y] = [param(`${name}-day`), param(`${name}-month`), param(`${name}-year`)];
    if (!d && !m && !y) return null;
    const date = calendarDateFromParts(d, m, y);
    if (!date) errors[name] = `The ${label} date must be a real date, like 17 2 2027`;
    return date;
  };
  const from = readDate("from", "from");
  const to = readDate("to", "to");
  if (from && to && to < from) errors.to = "The to date must be the same as or after the from date";
  const personId = /^\d+$/.test(param("person")) ? Number(param("person")) : null;
  const cohortParam = /^\d+$/.test(param("cohort")) ? Number(param("cohort")) : null;
  if (cohortParam !== null)
    scope = scope === "all" ? [cohortParam] : scope.filter((id) => id === cohortParam);
  const page = Math.max(1, /^\d+$/.test(param("page")) ? Number(param("page")) : 1);
  const filter = {
    personId,
    subjectType: param("type") || null,
    from: from && !errors.from ? londonInstant(from, "00:00").toISOString() : null,
    until: to && !errors.to ? londonInstant(dayAfter(to), "00:00").toISOString() : null,
    page,
  };
  const [options, result] = await Promise.all([
    auditFilterOptions(db, scope),
    listAuditEvents(db, scope, filter),
  ]);
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== "page"));
  return {
    isAdmin: user.isAdmin,
    options,
    values: query,
    errors: Object.keys(errors).length ? errors : undefined,
    page,
    pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)),
    total: result.total,
    rows: result.rows,
  };
}

function pageHref(values: Record<string, string>, page: number): string {
  return `/audit?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
}

function pageItems(values: Record<string, string>, page: number, pages: number): PaginationItem[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  wanted.forEach((n, i) => {
    if (i > 0 && n - wanted[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: pageHref(values, n), current: n === page });
  });
  return items;
}

function describe(details: string): string {
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join("; ");
  } catch {
    return "";
  }
}

export default function AuditLog() {
  const { isAdmin, options, values, errors, page, pages, total, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <FormErrorSummary errors={errors} ids={{ from: "from-day", to: "to-day" }} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Who did what, and when.{" "}
        {isAdmin ? "Every entry is shown." : "Entries about the cohorts you coordinate are shown."} Entries
        cannot be changed or removed.
      </p>
      <Form method="get" noValidate>
        {values.cohort ? <input type="hidden" name="cohort" value={values.cohort} /> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              id="person"
              name="person"
              label="Person"
              items={[
                { value: "", text: "Anyone" },
                ...options.people.map((p) => ({ value: String(p.id), text: p.name })),
              ]}
              defaultValue={values.person ?? ""}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="type"
              name="type"
              label="Record type"
              items={[
                { value: "", text: "Any" },
                ...options.types.map((t) => ({ value: t, text: t.replace(/_/g, " ") })),
              ]}
              defaultValue={values.type ?? ""}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          {(["from", "to"] as const).map((name) => (
            <div className="govuk-grid-column-one-half" key={name}>
              <DateInput
                id={name}
                namePrefix={name}
                legend={name === "from" ? "From" : "To"}
                legendSize="s"
                hint="For example, 27 1 2027"
                values={{
                  day: values[`${name}-day`],
                  month: values[`${name}-month`],
                  year: values[`${name}-year`],
                }}
                error={errors?.[name]}
              />
            </div>
          ))}
        </div>
        <Button variant="secondary">Filter</Button>{" "}
        <Link
          className="govuk-link govuk-body"
          to={values.cohort ? `/audit?cohort=${values.cohort}` : "/audit"}
        >
          Clear filters
        </Link>
      </Form>
      <p className="govuk-body" role="status">
        {total === 0
          ? "No entries match."
          : `${total} ${total === 1 ? "entry" : "entries"}; page ${page} of ${pages}.`}
      </p>
      {rows.length ? (
        <div className="tandem-table-scroll">
          <Table
            caption="Audit entries, newest first"
            captionSize="s"
            head={[
              { text: "When" },
              { text: "Who" },
              { text: "What" },
              { text: "Record" },
              { text: "Details" },
            ]}
            rows={rows.map((r) => [
              { text: formatUkDateTime(r.at) },
              { text: r.actor_name ?? "Tandem" },
              { text: r.action },
              {
                text: `${r.subject_type.replace(/_/g, " ")}${r.subject_id ? ` ${r.subject_id}` : ""}${r.subject_name ? ` (${r.subject_name})` : ""}${r.cohort_name ? ` · ${r.cohort_name}` : ""}`,
              },
              { text: describe(r.details) },
            ])}
          />
        </div>
      ) : null}
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: pageHref(values, page - 1) } : undefined}
          next={page < pages ? { href: pageHref(values, page + 1) } : undefined}
          items={pageItems(values, page, pages)}
        />
      ) : null}
    </>
  );
}
