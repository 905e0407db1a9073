// Retention: who is due to be anonymised, and what their details become.
import { addMonths, format } from "date-fns";
import { cohortEndDate } from "./calendar";

export const DEFAULT_RETENTION_MONTHS = 24;

export type RetentionCohort = { startDate: string; weeks: number; retentionMonths: number };
export type RetentionCandidate = {
  personId: number;
  anonymisedAt: string | null;
  isAdmin: boolean;
  cohorts: RetentionCohort[];
};

/** The first day a cohort's people may be anonymised: the retention period after the day it ends. */
export function retentionEndsOn(cohort: RetentionCohort): string {
  const end = new Date(`${cohortEndDate(cohort.startDate, cohort.weeks)}T12:00:00`);
  return format(addMonths(end, cohort.retentionMonths), "yyyy-MM-dd");
}

/**
 * People due for anonymisation on `today`: not anonymised yet, not an administrator, in at least one cohort, and
 * every one of their cohorts ended longer ago than its programme's retention period.
 */
export function dueForAnonymisation(candidates: RetentionCandidate[], today: string): number[] {
  return candidates
    .filter(
      (c) =>
        c.anonymisedAt === null &&
        !c.isAdmin &&
        c.cohorts.length > 0 &&
        c.cohorts.every((cohort) => retentionEndsOn(cohort) < today),
    )
    .map((c) => c.personId)
    .sort((a, b) => a - b);
}

export function anonymisedName(personId: number): string {
  return `Anonymised person ${personId}`;
}

/** Unique (the email key is) and undeliverable: .invalid is reserved (RFC 2606). */
export function anonymisedEmail(personId: number): string {
  return `anonymised-${personId}@anonymised.invalid`;
}
