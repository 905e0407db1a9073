// One milestone as an .ics file, for anyone in the cohort.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCohortAccess } from "~/auth/guards.server";
import { buildCalendar } from "~/domain/icalendar";
import { cohortCalendarEvents } from "~/models/visit.server";
import { icsResponse } from "~/utils/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  const { milestones } = await cohortCalendarEvents(context.db, cohort);
  const milestone = milestones.find((m) => m.uid === `milestone-${cohort.id}-${params.kind}@tandem`);
  if (!milestone) notFound("Milestone");
  return icsResponse(
    buildCalendar({ name: milestone.title, milestones: [milestone], visits: [], stamp: new Date() }),
    `${params.kind}.ics`,
  );
}
