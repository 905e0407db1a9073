// iCalendar files for the programme: milestones (all-day) and visits (timed, in UTC), with stable UIDs and a
// SEQUENCE that rises whenever an event moves, so Outlook and other calendars update rather than duplicate.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { londonInstant } from "./calendar";

export type CalendarMilestone = {
  uid: string;
  title: string;
  date: string;
  sequence: number;
  description?: string | null;
};

export type CalendarVisit = {
  uid: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  sequence: number;
  cancelled: boolean;
  location?: string | null;
  description?: string | null;
};

export function visitUid(visitId: number): string {
  return `visit-${visitId}@tandem`;
}

export function milestoneUid(cohortId: number, kind: string): string {
  return `milestone-${cohortId}-${kind}@tandem`;
}

/** Builds the .ics text. `stamp` is when the file is made (DTSTAMP). */
export function buildCalendar(input: {
  name: string;
  milestones: CalendarMilestone[];
  visits: CalendarVisit[];
  stamp: Date;
}): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: "Tandem", product: "Tandem", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const m of input.milestones) {
    const [y, mo, d] = m.date.split("-").map(Number) as [number, number, number];
    calendar.createEvent({
      id: m.uid,
      allDay: true,
      start: new Date(Date.UTC(y, mo - 1, d)),
      summary: m.title,
      description: m.description ?? undefined,
      sequence: m.sequence,
      stamp: input.stamp,
    });
  }
  for (const v of input.visits) {
    calendar.createEvent({
      id: v.uid,
      start: londonInstant(v.date, v.startTime),
      end: londonInstant(v.date, v.endTime),
      summary: v.cancelled ? `Cancelled: ${v.title}` : v.title,
      location: v.location ?? undefined,
      description: v.description ?? undefined,
      sequence: v.sequence,
      status: v.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: input.stamp,
    });
  }
  return calendar.toString();
}
