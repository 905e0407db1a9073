// Every scoring sheet of the pitch day as CSV, one row per leader and team (UTF-8 with a BOM for spreadsheets).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCohortAccess } from "~/auth/guards.server";
import { weightedTotal } from "~/domain/pitch-scoring";
import { getPitchEvent, resultsOf } from "~/models/pitch.server";
import { csvDownload } from "~/utils/csv-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) notFound("Pitch day");
  const { panel, rubric, sheets } = await resultsOf(db, cohort.id, event.id);
  const teams = new Map(panel.teams.map((t) => [t.id, t]));
  const criteria = rubric.map((c) => ({ id: String(c.id), weight: c.weight, max: c.max }));
  const rows = sheets.map((sheet) => {
    const scores = new Map(sheet.scores.map((s) => [String(s.criterion_id), s.score]));
    const complete = criteria.every((c) => scores.has(c.id));
    const team = teams.get(sheet.team_id);
    return [
      sheet.leader_name,
      sheet.leader_organisation ?? "",
      team?.number ?? "",
      team?.name ?? "",
      sheet.status,
      ...rubric.map((c) => scores.get(String(c.id)) ?? ""),
      complete ? weightedTotal(criteria, (id) => scores.get(id)!).toFixed(2) : "",
      sheet.worked_well,
      sheet.could_be_better,
      sheet.updated_at,
      sheet.submitted_at ?? "",
    ];
  });
  const header = [
    "leader_name",
    "leader_organisation",
    "team_number",
    "team_name",
    "status",
    ...rubric.map((c) => `${c.name} (1-${c.max}, weight ${c.weight})`),
    "total",
    "worked_well",
    "could_be_better",
    "updated_at",
    "submitted_at",
  ];
  return csvDownload([header, ...rows], `pitch-day-sheets-cohort-${cohort.id}.csv`);
}
