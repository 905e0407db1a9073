// A whole cohort's calendar feed, for its coordinators, reached with their personal feed token.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { buildCalendar } from "~/domain/icalendar";
import { findFeedOwner } from "~/models/calendar-feed.server";
import { pitchDayCalendar } from "~/models/pitch.server";
import { cohortCalendarEvents, cohortsForCalendar } from "~/models/visit.server";
import { icsResponse } from "~/utils/calendar-response.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.db;
  const owner = await findFeedOwner(db, params.token ?? "");
  if (!owner) notFound("Calendar");
  const cohortId = idParam(params.cohortId, "Calendar");
  // Not a coordinator of that cohort: the same answer as an unknown address, so nothing is revealed.
  const cohort = (await cohortsForCalendar(db, owner.id)).find(
    (c) => c.id === cohortId && can({ roles: [c.role], user: { isAdmin: false } }, "cohort:manage"),
  );
  if (!cohort) notFound("Calendar");
  const events = await cohortCalendarEvents(db, cohort);
  events.visits.push(...(await pitchDayCalendar(db, cohort, owner.id)));
  return icsResponse(
    buildCalendar({ name: cohort.name, ...events, stamp: new Date() }),
    `${cohort.name}.ics`,
    false,
  );
}
