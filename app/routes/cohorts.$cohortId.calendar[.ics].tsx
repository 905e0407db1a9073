// The whole cohort's calendar (milestones and visits) as an .ics download, for its coordinators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortRole } from "~/auth/guards.server";
import { icsResponse } from "~/calendar-response.server";
import { getDb } from "~/db.server";
import { buildCalendar } from "~/domain/icalendar";
import { cohortCalendarEvents } from "~/models/visit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortRole(request, params.cohortId, ["coordinator", "admin"]);
  const events = await cohortCalendarEvents(getDb(), cohort);
  return icsResponse(
    buildCalendar({ name: cohort.name, ...events, stamp: new Date() }),
    `${cohort.name}.ics`,
  );
}
