import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { defaultMilestones, londonInstant, MILESTONE_TITLES, weekOfDate } from "./calendar";
import { buildCalendar, milestoneUid, visitUid } from "./icalendar";

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      allDay: event.startDate.isDate,
      startText: event.startDate.toString(),
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
      location: event.location,
    };
  });
}

describe("buildCalendar", () => {
  const stamp = new Date("2026-11-23T19:00:00Z");
  const milestones = defaultMilestones("2026-03-23", 12).map((m) => ({
    uid: milestoneUid(7, m.kind),
    title: MILESTONE_TITLES[m.kind],
    date: m.date,
    sequence: 0,
  }));

  it("writes milestones as all-day events and visits in UTC, read back by an independent parser", () => {
    const text = buildCalendar({
      name: "Tech Connect 2026",
      stamp,
      milestones,
      visits: [
        // 25 March 2026 is GMT; 1 April 2026 is BST (clocks went forward on 29 March).
        {
          uid: visitUid(1),
          title: "Visit: Kestrel Systems",
          date: "2026-03-25",
          startTime: "10:00",
          endTime: "16:00",
          sequence: 0,
          cancelled: false,
          location: "1 Kestrel Way, Leeds",
        },
        {
          uid: visitUid(2),
          title: "Visit: Thistle Networks",
          date: "2026-04-01",
          startTime: "09:30",
          endTime: "15:30",
          sequence: 2,
          cancelled: false,
        },
        {
          uid: visitUid(3),
          title: "Visit: Lagan Digital",
          date: "2026-04-08",
          startTime: "10:00",
          endTime: "16:00",
          sequence: 1,
          cancelled: true,
        },
      ],
    });
    const events = parse(text);
    expect(events).toHaveLength(7);
    expect(events.filter((e) => e.allDay).map((e) => [e.summary, e.startText])).toEqual([
      ["Kick-off", "2026-03-23"],
      ["Problem statement due", "2026-04-17"],
      ["Mid-point review", "2026-05-06"],
      ["Final pitches", "2026-06-11"],
    ]);
    const visits = events.filter((e) => !e.allDay);
    expect(visits.map((e) => [e.uid, e.start, e.end, e.sequence, e.status])).toEqual([
      ["visit-1@tandem", "2026-03-25T10:00:00.000Z", "2026-03-25T16:00:00.000Z", 0, "CONFIRMED"],
      ["visit-2@tandem", "2026-04-01T08:30:00.000Z", "2026-04-01T14:30:00.000Z", 2, "CONFIRMED"],
      ["visit-3@tandem", "2026-04-08T09:00:00.000Z", "2026-04-08T15:00:00.000Z", 1, "CANCELLED"],
    ]);
    expect(visits[0]?.location).toBe("1 Kestrel Way, Leeds");
    expect(visits[2]?.summary).toBe("Cancelled: Visit: Lagan Digital");
    expect(text).toContain("UID:milestone-7-kick-off@tandem");
  });

  it("keeps UIDs stable from one export to the next", () => {
    const once = buildCalendar({ name: "X", stamp, milestones, visits: [] });
    const again = buildCalendar({ name: "X", stamp: new Date(), milestones, visits: [] });
    expect(parse(once).map((e) => e.uid)).toEqual(parse(again).map((e) => e.uid));
  });
});

describe("programme calendar helpers", () => {
  it("finds the week of a date", () => {
    expect(weekOfDate("2027-01-04", 12, "2027-01-04")).toBe(1);
    expect(weekOfDate("2027-01-04", 12, "2027-01-10")).toBe(1);
    expect(weekOfDate("2027-01-04", 12, "2027-01-11")).toBe(2);
    expect(weekOfDate("2027-01-04", 12, "2027-03-28")).toBe(12);
    expect(weekOfDate("2027-01-04", 12, "2027-03-29")).toBeNull();
    expect(weekOfDate("2027-01-04", 12, "2027-01-03")).toBeNull();
  });

  it("puts the default milestones in weeks 1, 4, 7 and the last", () => {
    expect(
      defaultMilestones("2027-01-04", 12).map((m) => [m.kind, weekOfDate("2027-01-04", 12, m.date)]),
    ).toEqual([
      ["kick-off", 1],
      ["problem-statement", 4],
      ["mid-point", 7],
      ["final-pitches", 12],
    ]);
  });

  it("turns London wall-clock times into instants across the clock change", () => {
    expect(londonInstant("2027-03-26", "10:00").toISOString()).toBe("2027-03-26T10:00:00.000Z");
    expect(londonInstant("2027-03-29", "10:00").toISOString()).toBe("2027-03-29T09:00:00.000Z");
  });
});
