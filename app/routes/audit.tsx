import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button, DateInput, Pagination, Select, Table } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { paginationItems } from "~/components/pagination-items";
import { auditSentence, SUBJECT_TYPES } from "~/domain/audit";
import { formatUkDateTime } from "~/domain/calendar";
import { AuditDatesSchema, AuditScopeSchema } from "~/forms/audit-filter";
import {
  AUDIT_PAGE_SIZE,
  auditFilterOptions,
  auditScopeOf,
  auditWindow,
  listAuditEvents,
} from "~/models/audit-log.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Audit log");
export const ErrorBoundary = RouteErrorBoundary;

/** More pages than any audit log holds (50 million entries). */
const MAX_PAGE = 1_000_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const query = new URL(request.url).searchParams;
  const asked = parseWithZod(query, { schema: AuditScopeSchema });
  const { person, cohort, type, page = 1 } = asked.status === "success" ? asked.value : {};
  const scope = await auditScopeOf(context.db, user, cohort);
  if (!scope) forbidden();
  const dates = parseWithZod(query, { schema: AuditDatesSchema });
  const window = dates.status === "success" ? auditWindow(dates.value.from, dates.value.to) : auditWindow();
  // A page number beyond counting is never asked of the database; a page past the last is not found (below).
  const filter = {
    personId: person ?? null,
    subjectType: type ?? null,
    ...window,
    page: Math.min(page, MAX_PAGE),
  };
  const [options, result] = await Promise.all([
    auditFilterOptions(context.db, scope),
    listAuditEvents(context.db, scope, filter),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE));
  if (page > pages) notFound("Page");
  return {
    isAdmin: user.isAdmin,
    options,
    dates: dates.reply(),
    /** The filter as it was asked for, for the page links. */
    asked: Object.fromEntries([...query.entries()].filter(([name]) => name !== "page")),
    page,
    pages,
    total: result.total,
    rows: result.rows.map((r) => ({
      id: r.id,
      at: r.at,
      sentence: auditSentence(r.action, parseDetails(r.details), {
        actor: r.actor_name ?? "Tandem",
        subject: r.subject_name,
      }),
      // The record by its kind and name; never by its database number, which means nothing to a reader.
      record: [r.subject_name ?? subjectLabel(r.subject_type), r.cohort_name].filter(Boolean).join(" · "),
    })),
  };
}

function parseDetails(details: string): unknown {
  try {
    return JSON.parse(details);
  } catch {
    return {};
  }
}

function subjectLabel(type: string): string {
  return Object.hasOwn(SUBJECT_TYPES, type)
    ? SUBJECT_TYPES[type as keyof typeof SUBJECT_TYPES]
    : type.replaceAll("_", " ");
}

function AuditFilter() {
  const { options, dates, asked } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({ lastResult: dates, shouldValidate: "onSubmit" });
  return (
    <>
      <FormErrorSummary form={form} ids={{ from: "from-day", to: "to-day" }} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <Form method="get" {...formProps(form)}>
        {asked.cohort ? <input type="hidden" name="cohort" value={asked.cohort} /> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              id="person"
              name="person"
              label="Person"
              items={recordItems("Anyone", options.people, (p) => p.name)}
              defaultValue={asked.person ?? ""}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="type"
              name="type"
              label="Record type"
              items={[
                { value: "", text: "Any" },
                ...options.types.map((t) => ({ value: t, text: subjectLabel(t) })),
              ]}
              defaultValue={asked.type ?? ""}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput field={fields.from} legend="From" legendSize="s" hint="For example, 27 1 2027" />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput field={fields.to} legend="To" legendSize="s" hint="For example, 27 1 2027" />
          </div>
        </div>
        <Button variant="secondary">Filter</Button>{" "}
        <Link className="govuk-link govuk-body" to={paths.audit({ cohort: asked.cohort })}>
          Clear filters
        </Link>
      </Form>
    </>
  );
}

export default function AuditLog() {
  const { isAdmin, asked, page, pages, total, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <AuditFilter />
      <p className="govuk-body">
        Who did what, and when.{" "}
        {isAdmin ? "Every entry is shown." : "Entries about the cohorts you coordinate are shown."} Entries
        cannot be changed or removed.
      </p>
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
            head={[{ text: "When" }, { text: "What happened" }, { text: "Record" }]}
            rows={rows.map((r) => [
              { text: formatUkDateTime(r.at) },
              { text: r.sentence },
              { text: r.record },
            ])}
          />
        </div>
      ) : null}
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: paths.audit({ ...asked, page: page - 1 }) } : undefined}
          next={page < pages ? { href: paths.audit({ ...asked, page: page + 1 }) } : undefined}
          items={paginationItems(page, pages, (n) => paths.audit({ ...asked, page: n }))}
        />
      ) : null}
    </>
  );
}
