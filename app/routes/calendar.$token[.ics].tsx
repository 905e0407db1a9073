// A person's calendar feed: the milestones, visits and pitch day of every cohort they are in, and the next
// mentoring sessions their teams agreed. The token is the key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { icsResponse } from "~/calendar-response.server";
import { getDb } from "~/db.server";
import { todayInLondon } from "~/domain/calendar";
import { buildCalendar } from "~/domain/icalendar";
import { followUpEvent } from "~/domain/mentoring";
import { findFeedOwner } from "~/models/calendar-feed.server";
import { followUpsForPerson } from "~/models/mentoring.server";
import { pitchDayCalendar } from "~/models/pitch.server";
import { cohortCalendarEvents, cohortsForCalendar } from "~/models/visit.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb();
  const owner = await findFeedOwner(db, params.token ?? "");
  if (!owner) notFound("Calendar");
  const cohorts = await cohortsForCalendar(db, owner.id);
  const seen = new Set<number>();
  const milestones = [];
  const visits = [];
  for (const cohort of cohorts) {
    if (seen.has(cohort.id)) continue;
    seen.add(cohort.id);
    const events = await cohortCalendarEvents(db, cohort);
    milestones.push(...events.milestones);
    visits.push(...events.visits);
    visits.push(...(await pitchDayCalendar(db, cohort, owner.id)));
  }
  // The next sessions the person's teams agreed (the statement deadline is among the milestones).
  for (const followUp of await followUpsForPerson(db, owner.id, todayInLondon())) {
    milestones.push(followUpEvent(followUp));
  }
  return icsResponse(
    buildCalendar({ name: `Tandem: ${owner.name}`, milestones, visits, stamp: new Date() }),
    "tandem.ics",
    false,
  );
}
