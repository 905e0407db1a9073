import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireSitePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, Pagination, Select, Table } from "~/components/govuk";
import { MessageStatusTag } from "~/components/MessageStatusTag";
import { NotSendingBanner } from "~/components/NotSendingBanner";
import { paginationItems } from "~/components/pagination-items";
import { formatUkDateTime } from "~/domain/calendar";
import { MESSAGE_KINDS, MESSAGE_STATUSES, valuesOf } from "~/domain/vocabulary";
import { OutboxFilterSchema } from "~/forms/outbox";
import { countMessages, listMessages } from "~/models/outbox.server";
import { sendsEmail } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Outbox");
export const ErrorBoundary = RouteErrorBoundary;

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSitePermission(context, request, "outbox:manage");
  const asked = parseWithZod(new URL(request.url).searchParams, { schema: OutboxFilterSchema });
  const { status, page = 1 } = asked.status === "success" ? asked.value : {};
  const [counts, rows] = await Promise.all([
    countMessages(context.db),
    listMessages(context.db, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const total = status ? (counts[status] ?? 0) : Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    sendsEmail: sendsEmail(),
    status: status ?? null,
    counts,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    rows,
  };
}

/** "12 sent, 3 waiting to send, 1 failed" */
function countsSentence(counts: Partial<Record<keyof typeof MESSAGE_STATUSES, number>>): string {
  const parts = valuesOf(MESSAGE_STATUSES)
    .filter((status) => counts[status])
    .map((status) => `${counts[status]} ${MESSAGE_STATUSES[status].toLowerCase()}`);
  return parts.length ? `${parts.join(", ")}.` : "No emails yet.";
}

export default function Outbox() {
  const { sendsEmail, status, counts, page, pages, total, rows } = useLoaderData<typeof loader>();
  const pageHref = (n: number) => paths.outbox({ status: status ?? undefined, page: n });
  return (
    <>
      {sendsEmail ? null : <NotSendingBanner />}
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">
        Every email Tandem has sent or will send, newest first. Open one to read it as the person gets it, or
        to send it again if it failed.
      </p>
      <p className="govuk-body">{countsSentence(counts)}</p>
      <Form method="get">
        <Select
          id="status"
          name="status"
          label="Status"
          items={[
            { value: "", text: "Any" },
            ...valuesOf(MESSAGE_STATUSES).map((s) => ({ value: s, text: MESSAGE_STATUSES[s] })),
          ]}
          defaultValue={status ?? ""}
        />
        <Button variant="secondary">Filter</Button>{" "}
        <Link className="govuk-link govuk-body" to={paths.outbox()}>
          Clear filter
        </Link>
      </Form>
      <p className="govuk-body" role="status">
        {total === 0
          ? "No emails match."
          : `${total} ${total === 1 ? "email" : "emails"}; page ${page} of ${pages}.`}
      </p>
      {rows.length ? (
        <div className="tandem-table-scroll">
          <Table
            caption="Emails, newest first"
            captionSize="s"
            head={[
              { text: "Subject" },
              { text: "To" },
              { text: "Kind" },
              { text: "Status" },
              { text: "Attempts", format: "numeric" },
              { text: "Created" },
              { text: "Sent" },
              { text: "Last error" },
            ]}
            rows={rows.map((m) => [
              {
                text: (
                  <Link className="govuk-link" to={paths.outboxMessage(m.id).home()}>
                    {m.subject}
                  </Link>
                ),
              },
              {
                text: (
                  <>
                    {m.to_name}
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{m.to_address}</span>
                  </>
                ),
              },
              { text: MESSAGE_KINDS[m.kind] },
              { text: <MessageStatusTag status={m.status} /> },
              { text: m.attempts, format: "numeric" },
              { text: formatUkDateTime(m.created_at) },
              { text: m.sent_at ? formatUkDateTime(m.sent_at) : "Not sent" },
              { text: m.last_error ?? "None" },
            ])}
          />
        </div>
      ) : null}
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: pageHref(page - 1) } : undefined}
          next={page < pages ? { href: pageHref(page + 1) } : undefined}
          items={paginationItems(page, pages, pageHref)}
        />
      ) : null}
    </>
  );
}
