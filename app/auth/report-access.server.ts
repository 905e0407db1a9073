// Loads a cohort's report for the person asking: who may see it, and whether they may see individuals' figures.

import type { AppLoadContext } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { cohortReport, cohortReportTables, csvCell, type ReportTable } from "~/domain/report";
import { cohortReportRows } from "~/models/report.server";

export async function loadCohortReport(
  context: AppLoadContext,
  request: Request,
  cohortIdParam: string | undefined,
) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "report:view");
  // Sponsors read figures only: figures about one named person are for coordinators and administrators.
  const individual = can(access, "report:individuals");
  const report = cohortReport(await cohortReportRows(context.db, access.cohort.id));
  const tables = cohortReportTables(report).filter((t) => individual || !t.individual);
  const view = individual ? report : { ...report, attendance: { ...report.attendance, people: [] } };
  return { ...access, individual, report: view, tables };
}

/** An Excel-friendly CSV (UTF-8 with a byte order mark, ISO dates) of a report table. */
export function csvResponse(table: ReportTable, filename: string): Response {
  const body = stringify([
    table.columns.map((c) => c.title),
    ...table.rows.map((row) => row.map((value, i) => csvCell(table.columns[i]!.kind, value))),
  ]);
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
