// The whole cohort's calendar (milestones, visits and the pitch day) as an .ics download, for its coordinators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortAccess } from "~/auth/guards.server";
import { buildCalendar } from "~/domain/icalendar";
import { pitchDayCalendar } from "~/models/pitch.server";
import { cohortCalendarEvents } from "~/models/visit.server";
import { icsResponse } from "~/utils/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const events = await cohortCalendarEvents(context.db, cohort);
  events.visits.push(...(await pitchDayCalendar(context.db, cohort, user.personId)));
  return icsResponse(
    buildCalendar({ name: cohort.name, ...events, stamp: new Date() }),
    `${cohort.name}.ics`,
  );
}
