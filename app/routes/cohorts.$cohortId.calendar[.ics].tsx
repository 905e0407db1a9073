// The whole cohort's calendar (milestones, visits and the pitch day) as an .ics download, for its coordinators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortRole } from "~/auth/guards.server";
import { icsResponse } from "~/calendar-response.server";
import { getDb } from "~/db.server";
import { buildCalendar } from "~/domain/icalendar";
import { pitchDayCalendar } from "~/models/pitch.server";
import { cohortCalendarEvents } from "~/models/visit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortRole(request, params.cohortId, ["coordinator", "admin"]);
  const events = await cohortCalendarEvents(getDb(), cohort);
  events.visits.push(...(await pitchDayCalendar(getDb(), cohort, user.personId)));
  return icsResponse(
    buildCalendar({ name: cohort.name, ...events, stamp: new Date() }),
    `${cohort.name}.ics`,
  );
}
