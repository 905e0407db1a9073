// The audit actions of programmes and cohorts: each action's details and its sentence in the audit log.
import { count, sentence } from "./define";

type CohortDetails = { name: string; startDate: string; weeks: number; teams: number };

export const programmesAudit = {
  "cohort.created": sentence<CohortDetails>(
    (d, who) =>
      `${who.actor} added the cohort ${d.name}, starting ${d.startDate}, ${count(d.weeks, "week")}, ${count(d.teams, "team")}`,
  ),
  "cohort.updated": sentence<CohortDetails & { status: string }>(
    (d, who) =>
      `${who.actor} changed the details of ${d.name}: starting ${d.startDate}, ${count(d.weeks, "week")}, ${count(d.teams, "team")}, ${d.status}`,
  ),
};
