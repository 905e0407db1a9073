// The audit actions of programmes and cohorts: each action's details and its sentence in the audit log.
import { count, sentence } from "./define";

type CohortDetails = { name: string; startDate: string; weeks: number; teams: number };

export const programmesAudit = {
  "programme.created": sentence<{ name: string }>((d, who) => `${who.actor} created the programme ${d.name}`),
  "programme.updated": sentence<{ name: string }>(
    (d, who) => `${who.actor} changed the details of the programme ${d.name}`,
  ),
  "programme.retention_changed": sentence<{ from: number; to: number; name?: string }>(
    (d, who) =>
      `${who.actor} changed how long people's data is kept after each cohort${d.name ? ` of ${d.name}` : ""} ends from ${count(d.from, "month")} to ${count(d.to, "month")}`,
  ),
  "programme.second_factor_changed": sentence<{ name: string; required: boolean }>((d, who) =>
    d.required
      ? `${who.actor} made two-step verification required for everyone in the programme ${d.name}`
      : `${who.actor} stopped requiring two-step verification for everyone in the programme ${d.name}`,
  ),
  "cohort.created": sentence<CohortDetails>(
    (d, who) =>
      `${who.actor} added the cohort ${d.name}, starting ${d.startDate}, ${count(d.weeks, "week")}, ${count(d.teams, "team")}`,
  ),
  "cohort.updated": sentence<CohortDetails & { status: string }>(
    (d, who) =>
      `${who.actor} changed the details of ${d.name}: starting ${d.startDate}, ${count(d.weeks, "week")}, ${count(d.teams, "team")}, ${d.status}`,
  ),
};
