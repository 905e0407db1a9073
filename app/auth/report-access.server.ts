// Loads a cohort's report for the person asking: who may see it, and whether they may see individuals' figures.
import type { AppLoadContext } from "@remix-run/node";
import { requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { cohortReport, cohortReportTables, withPublishedRankingOnly } from "~/domain/report";
import { cohortReportRows } from "~/models/report.server";

export async function loadCohortReport(
  context: AppLoadContext,
  request: Request,
  cohortIdParam: string | undefined,
) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "report:view");
  // Sponsors read figures only: figures about one named person are for coordinators and administrators.
  const individual = can(access, "report:individuals");
  const full = cohortReport(await cohortReportRows(context.db, access.cohort.id));
  // The pitch ranking reaches those who do not run the pitch day once it is published to the cohort.
  const report = can(access, "pitch-day:manage") ? full : withPublishedRankingOnly(full);
  const tables = cohortReportTables(report).filter((t) => individual || !t.individual);
  const view = individual ? report : { ...report, attendance: { ...report.attendance, people: [] } };
  return { ...access, individual, report: view, tables };
}
