// Small things people trip on (issue 16): the timetable's back link goes where each person came from, and two
// sessions agreeing the same next-session date make one event in the calendar feed.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { createSession } from "~/models/mentoring.server";
import { makePitchDayCohort, makeWorld, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams, startCohortFiveWeeksAgo } from "../setup/mentoring";
import { get, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let m: MentoringWorld;
let pc: Awaited<ReturnType<typeof makePitchDayCohort>>;
let participantFeed: string;
let mentorFeed: string;

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const nextSession = daysFromToday(14);

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await startCohortFiveWeeksAgo(db, world.cohortA.id);
    m = await makeMentoringTeams(db, world);
    pc = await makePitchDayCohort(db, world.programme.id, "Small");
    await db.transaction().execute(async (tx) => {
      // Team 1's first session and a second one both agree to meet again on the same day; team 2 too.
      await tx
        .updateTable("mentoring_sessions")
        .set({ follow_up_date: nextSession })
        .where("id", "in", [m.session1, m.session2])
        .execute();
      await createSession(
        tx,
        m.team1,
        world.people.mentor.id,
        {
          date: daysFromToday(-7),
          durationMinutes: 30,
          format: "phone",
          summary: "Team 1 caught up on the refunds survey",
          followUpDate: nextSession,
          attendees: [{ personId: world.people.participant.id, role: "member" }],
          actions: [],
        },
        null,
      );
    });
    participantFeed = await db
      .transaction()
      .execute((tx) => resetCalendarFeed(tx, world.people.participant.id));
    mentorFeed = await db.transaction().execute((tx) => resetCalendarFeed(tx, m.indMentor2.id));
  });
});
afterAll(async () => {
  await server?.stop();
});

async function followUpEvents(token: string) {
  const response = await get(`${server.url}/calendar/${token}.ics`);
  expect(response.status).toBe(200);
  return new ICAL.Component(ICAL.parse(await response.text()))
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent))
    .filter((event) => event.uid.startsWith("session-follow-up-"));
}

describe("the next mentoring session in the calendar feed", () => {
  it("is one event per team and date, however many sessions agreed it", async () => {
    const events = await followUpEvents(participantFeed);
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain("Team 1 mentoring session");
    expect(events[0]!.startDate.toString()).toBe(nextSession);
    // Both sessions that agreed the date are named.
    expect(events[0]!.description).toContain("sessions on");
  });

  it("keeps other teams' sessions on the same day as their own events", async () => {
    const mine = await followUpEvents(participantFeed);
    const theirs = await followUpEvents(mentorFeed);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.summary).toContain("Team 2 mentoring session");
    expect(theirs[0]!.uid).not.toBe(mine[0]!.uid);
  });
});

describe("the pitch day timetable's back link", () => {
  const backLink = async (personId: number) => {
    const response = await get(
      `${server.url}/cohorts/${pc.cohort.id}/pitch-day/timetable`,
      await sessionCookieFor(server.db, personId),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const link = /<a href="([^"]*)" class="govuk-back-link">([^<]*)<\/a>/.exec(html);
    return { href: link?.[1], text: link?.[2] };
  };

  it("returns a coordinator to the pitch day", async () => {
    expect(await backLink(pc.coordinator.id)).toEqual({
      href: `/cohorts/${pc.cohort.id}/pitch-day`,
      text: "Back to the pitch day",
    });
  });

  it("returns a participant or a leader to their home page", async () => {
    for (const person of [pc.teams[0]!.members[0]!, pc.leaders[0]!])
      expect(await backLink(person.id)).toEqual({ href: "/", text: "Back to your home page" });
  });
});
