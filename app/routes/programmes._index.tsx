import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { CohortStatusTag } from "~/components/CohortStatusTag";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, Table } from "~/components/govuk";
import { formatUkDate } from "~/domain/calendar";
import { listProgrammes } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Programmes");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  return { programmes: await listProgrammes(context.db) };
}

export default function Programmes() {
  const { programmes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Programmes</h1>
      <Button href={paths.programmesNew()}>Create a programme</Button>
      {programmes.length === 0 ? (
        <p className="govuk-body">There are no programmes yet.</p>
      ) : (
        <Table
          caption="All programmes"
          captionSize="m"
          head={[{ text: "Programme" }, { text: "Sponsor" }, { text: "Cohorts" }]}
          rows={programmes.map((p) => [
            {
              text: (
                <Link className="govuk-link" to={paths.programme(p.id).home()}>
                  {p.name}
                </Link>
              ),
            },
            { text: p.sponsor_name ?? "None" },
            {
              text:
                p.cohorts.length === 0 ? (
                  "None yet"
                ) : (
                  <ul className="govuk-list">
                    {p.cohorts.map((c) => (
                      <li key={c.id}>
                        <Link className="govuk-link" to={paths.cohort(c.id).home()}>
                          {c.name}
                        </Link>{" "}
                        from {formatUkDate(c.start_date)} <CohortStatusTag status={c.status} />
                      </li>
                    ))}
                  </ul>
                ),
            },
          ])}
        />
      )}
    </>
  );
}
