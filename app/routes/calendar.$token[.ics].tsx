// A person's calendar feed: the milestones, visits and pitch day of every cohort they are in, and the next
// mentoring sessions their teams agreed. The token is the key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { todayInLondon } from "~/domain/calendar";
import { buildCalendar } from "~/domain/icalendar";
import { followUpEvents } from "~/domain/mentoring";
import { findFeedOwner } from "~/models/calendar-feed.server";
import { followUpsForPerson } from "~/models/mentoring.server";
import { pitchDayCalendars } from "~/models/pitch.server";
import { calendarEventsOfCohorts, cohortsForCalendar } from "~/models/visit.server";
import { icsResponse } from "~/utils/calendar-response.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.db;
  const owner = await findFeedOwner(db, params.token ?? "");
  if (!owner) notFound("Calendar");
  // One row per role: each cohort once, where it first appears.
  const cohorts = (await cohortsForCalendar(db, owner.id)).filter(
    (cohort, i, all) => all.findIndex((c) => c.id === cohort.id) === i,
  );
  const [events, pitchDays] = await Promise.all([
    calendarEventsOfCohorts(db, cohorts),
    pitchDayCalendars(db, cohorts, owner.id),
  ]);
  const milestones = [];
  const visits = [];
  for (const cohort of cohorts) {
    milestones.push(...(events.get(cohort.id)?.milestones ?? []));
    visits.push(...(events.get(cohort.id)?.visits ?? []), ...(pitchDays.get(cohort.id) ?? []));
  }
  // The next sessions the person's teams agreed (the statement deadline is among the milestones).
  // One event per team and date: two sessions agreeing the same day are one meeting.
  milestones.push(...followUpEvents(await followUpsForPerson(db, owner.id, todayInLondon())));
  return icsResponse(
    buildCalendar({ name: `Tandem: ${owner.name}`, milestones, visits, stamp: new Date() }),
    "tandem.ics",
    false,
  );
}
