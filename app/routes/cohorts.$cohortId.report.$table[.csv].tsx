import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound } from "~/auth/guards.server";
import { loadCohortReport } from "~/auth/report-access.server";
import { COHORT_REPORT_TABLE_KEYS } from "~/domain/report";
import { csvResponse, slug } from "~/utils/csv-response.server";

/** One table of the cohort report as CSV. Tables that name individuals are for coordinators and administrators. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, tables } = await loadCohortReport(context, request, params.cohortId);
  const table = tables.find((t) => t.key === params.table);
  if (!table) {
    if (COHORT_REPORT_TABLE_KEYS.includes(params.table ?? "")) forbidden();
    notFound("Table");
  }
  return csvResponse(table, `${slug(cohort.name)}-${table.key}.csv`);
}
