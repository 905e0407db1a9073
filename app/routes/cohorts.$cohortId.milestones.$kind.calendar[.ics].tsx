// One milestone as an .ics file, for anyone in the cohort.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCohortRole } from "~/auth/guards.server";
import { icsResponse } from "~/calendar-response.server";
import { getDb } from "~/db.server";
import { buildCalendar } from "~/domain/icalendar";
import { cohortCalendarEvents } from "~/models/visit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortRole(request, params.cohortId, [
    "coordinator",
    "mentor",
    "participant",
    "leader",
    "admin",
  ]);
  const { milestones } = await cohortCalendarEvents(getDb(), cohort);
  const milestone = milestones.find((m) => m.uid === `milestone-${cohort.id}-${params.kind}@tandem`);
  if (!milestone) notFound("Milestone");
  return icsResponse(
    buildCalendar({ name: milestone.title, milestones: [milestone], visits: [], stamp: new Date() }),
    `${params.kind}.ics`,
  );
}
