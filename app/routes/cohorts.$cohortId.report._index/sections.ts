// The report page's sections share these props and the lookup of their tables.
import type { CohortReport, ReportTable } from "~/domain/report";
import { COHORT_ROLES } from "~/domain/vocabulary";
import type { getCohort } from "~/models/programme.server";
import { paths } from "~/utils/paths";

/** What each section of the report page reads: the cohort, its report and the tables the reader may see. */
export type SectionProps = {
  cohort: Pick<NonNullable<Awaited<ReturnType<typeof getCohort>>>, "id" | "start_date">;
  report: CohortReport;
  tables: ReportTable[];
  individual: boolean;
  canManage: boolean;
};

/** A table of the report by its key, and where to download it as CSV. */
export function reportTables(tables: ReportTable[], cohortId: number) {
  return {
    table: (key: string) => tables.find((t) => t.key === key),
    csv: (key: string) => paths.cohort(cohortId).reportCsv(key),
  };
}

/** The word for a participant, as the report's sentences count them. */
export const PARTICIPANT = COHORT_ROLES.participant.toLowerCase();
