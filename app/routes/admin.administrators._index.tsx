import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireSitePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDate } from "~/domain/calendar";
import { listAdministrators } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("System administrators");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSitePermission(context, request, "admins:manage");
  return { administrators: await listAdministrators(context.db) };
}

export default function Administrators() {
  const { administrators } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption="Tandem">System administrators</PageHeading>
      <p className="govuk-body">
        System administrators manage every programme and cohort, read the audit log and the outbox, and can
        appoint coordinators and other administrators. They must use two-step verification.
      </p>
      <Button href={paths.appointAdministrator()}>Appoint an administrator</Button>
      <Table
        caption={`${administrators.length} ${administrators.length === 1 ? "administrator" : "administrators"}`}
        captionSize="m"
        head={[{ text: "Name" }, { text: "Email address" }, { text: "Password" }]}
        rows={administrators.map((a) => [
          { text: a.name },
          { text: a.email },
          { text: a.password_set_at ? `Set on ${formatUkDate(a.password_set_at)}` : "Invited, not set yet" },
        ])}
      />
    </>
  );
}
