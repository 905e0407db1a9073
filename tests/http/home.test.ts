// The home page over real HTTP, role by role: what is next today and this week, and nothing stale. A company visit
// today and tomorrow, the team's next agreed session, changes the mentors asked for (with their comment), actions
// due this week or overdue, the pitch (its slot before the team's feedback is released, only the feedback after),
// the coordinator's week, a senior leader's scoring and a sponsor's report with the cohort's stage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUkDate, formatUkDateWithDay, todayInLondon } from "~/domain/calendar";
import {
  addPanelMember,
  createPitchEvent,
  releaseTeams,
  replaceSlots,
  setScoringState,
} from "~/models/pitch.server";
import { makeOrganisation, makeWorld, PITCH_DAY, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams, startCohortFiveWeeksAgo } from "../setup/mentoring";
import { get, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let m: MentoringWorld;
let eventId = 0;
const visitIds: Record<"today" | "tomorrow" | "later", number> = { today: 0, tomorrow: 0, later: 0 };

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const today = todayInLondon();
const pitchDate = daysFromToday(20);

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await startCohortFiveWeeksAgo(db, world.cohortA.id);
    m = await makeMentoringTeams(db, world);
    const at = new Date().toISOString();
    const kestrel = await makeOrganisation(db, "industry", "Kestrel Labs");
    const meridian = await makeOrganisation(db, "industry", "Meridian Systems");
    const oakfield = await makeOrganisation(db, "industry", "Oakfield Data");
    const visit = async (
      organisationId: number,
      date: string,
      times: [string, string],
      address: string | null,
    ) =>
      (
        await db
          .insertInto("visits")
          .values({
            cohort_id: world.cohortA.id,
            organisation_id: organisationId,
            date,
            start_time: times[0],
            end_time: times[1],
            address,
            agenda: null,
            contact_name: null,
            contact_email: null,
            status: "confirmed",
            cancel_reason: null,
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    visitIds.today = await visit(kestrel.id, today, ["10:00", "16:00"], "1 Dock Road, Bristol BS1 4AA");
    visitIds.tomorrow = await visit(meridian.id, daysFromToday(1), ["09:30", "15:00"], null);
    visitIds.later = await visit(oakfield.id, daysFromToday(3), ["10:00", "16:00"], null);
    // Team 2's statement waits for its mentors.
    await db
      .updateTable("problem_statements")
      .set({ status: "submitted", submitted_version: 1, submitted_at: at, first_submitted_at: at })
      .where("team_id", "=", m.team2)
      .execute();
    eventId = await db.transaction().execute(async (tx) => {
      const event = await createPitchEvent(tx, world.cohortA.id, { ...PITCH_DAY, date: pitchDate });
      await replaceSlots(tx, event.id, [m.team1, m.team2], null);
      await addPanelMember(tx, event.id, world.people.leader.id);
      return event.id;
    });
  });
});
afterAll(async () => {
  await server?.stop();
});

/** The home page's text as a person reads it: tags gone, entities decoded, spaces collapsed. */
async function homeOf(personId: number): Promise<string> {
  const response = await get(`${server.url}/`, await sessionCookieFor(server.db, personId));
  expect(response.status).toBe(200);
  return (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
async function htmlOf(personId: number): Promise<string> {
  return (await get(`${server.url}/`, await sessionCookieFor(server.db, personId))).text();
}
const cohortA = () => `/cohorts/${world.cohortA.id}`;

describe("the home page of a mentor and a participant", () => {
  it("says when there is a company visit today or tomorrow, with its times and place", async () => {
    for (const person of [world.people.participant, world.people.mentor]) {
      const home = await homeOf(person.id);
      expect(home).toContain("Today: visit to Kestrel Labs, 10am to 4pm, at 1 Dock Road, Bristol BS1 4AA");
      expect(home).toContain("Tomorrow: visit to Meridian Systems, 9:30am to 3pm");
      // Later in the week is on the schedule, not in what is next.
      expect(home).not.toContain("Oakfield Data");
    }
    expect(await htmlOf(world.people.participant.id)).toContain(
      `href="${cohortA()}/visits/${visitIds.today}"`,
    );
  });

  it("gives the team's next agreed session", async () => {
    await server.db
      .updateTable("mentoring_sessions")
      .set({ follow_up_date: daysFromToday(2) })
      .where("id", "=", m.session1)
      .execute();
    const when = formatUkDateWithDay(daysFromToday(2));
    expect(await homeOf(world.people.participant.id)).toContain(
      `Your team's next session with your mentors: ${when}`,
    );
    expect(await homeOf(world.people.mentor.id)).toContain(`Next session with Team 1: ${when}`);
  });

  it("says the mentors asked for changes, with their comment, instead of asking for the statement again", async () => {
    const statement = await server.db
      .selectFrom("problem_statements")
      .where("team_id", "=", m.team1)
      .select(["id", "version"])
      .executeTakeFirstOrThrow();
    await server.db
      .updateTable("problem_statements")
      .set({ status: "changes_requested", submitted_version: statement.version })
      .where("id", "=", statement.id)
      .execute();
    await server.db
      .insertInto("statement_reviews")
      .values({
        statement_id: statement.id,
        version_number: statement.version,
        mentor_id: world.people.mentor.id,
        reviewer_id: world.people.mentor.id,
        decision: "changes_requested",
        comment: "Say how you would measure success.",
        on_behalf_reason: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const home = await homeOf(world.people.participant.id);
    expect(home).toContain(
      "Max Mentor asked for changes to your team's problem statement: “Say how you would measure success.”",
    );
    expect(home).not.toContain("Submit your team's problem statement");
    expect(await htmlOf(world.people.participant.id)).toContain(
      `href="${cohortA()}/teams/${m.team1}/statement"`,
    );
  });

  it("lists the actions overdue and due this week, and only counts the later ones", async () => {
    await server.db
      .insertInto("session_actions")
      .values([
        {
          session_id: m.session1,
          owner_id: world.people.participant.id,
          text: "Book the user interviews",
          due_date: daysFromToday(-2),
          done_at: null,
          done_by: null,
        },
        {
          session_id: m.session1,
          owner_id: world.people.participant.id,
          text: "Write up the findings",
          due_date: daysFromToday(20),
          done_at: null,
          done_by: null,
        },
      ])
      .execute();
    const home = await homeOf(world.people.participant.id);
    expect(home).toContain(
      `Overdue action: Book the user interviews (due ${formatUkDate(daysFromToday(-2))})`,
    );
    expect(home).toContain("Your action: Team 1 action (due today)");
    expect(home).toContain("1 more action due later");
    expect(home).not.toContain("Write up the findings");
    expect(await homeOf(world.people.mentor.id)).toContain(
      "Team 1 has 1 overdue action and 1 action due this week",
    );
  });

  it("gives the team's pitch slot before its feedback is released, and only the feedback after", async () => {
    const when = formatUkDate(pitchDate);
    expect(await homeOf(world.people.participant.id)).toContain(
      `Your team pitches at 10:00 on ${when} (slot 1), at HMRC, 100 Parliament Street`,
    );
    expect(await homeOf(world.people.mentor.id)).toContain(`Team 1 pitches at 10:00 on ${when} (slot 1)`);
    await server.db.transaction().execute((tx) => releaseTeams(tx, eventId, [m.team1]));
    for (const person of [world.people.participant, world.people.mentor]) {
      const home = await homeOf(person.id);
      expect(home).toContain("Read the panel's feedback");
      expect(home).not.toContain("pitches at");
      expect(home).not.toContain("The pitch day is on");
    }
    // Team 2's results are not released: its members still see their slot.
    const other = await homeOf(m.other1.id);
    expect(other).toContain(`Your team pitches at 10:20 on ${when} (slot 2)`);
    expect(other).not.toContain("Read the panel's feedback");
    await server.db.deleteFrom("pitch_team_releases").execute();
  });
});

describe("the home page of a senior leader", () => {
  it("gives the pitch day's date, time and place before scoring opens", async () => {
    const home = await homeOf(world.people.leader.id);
    expect(home).toContain(
      `The pitch day is on ${formatUkDateWithDay(pitchDate)} at 10:00, at HMRC, 100 Parliament Street`,
    );
    expect(home).not.toContain("The teams pitch in the final week");
  });

  it("shows the scoring to do with progress, then only a thank-you once every sheet is in", async () => {
    await server.db.transaction().execute((tx) => setScoringState(tx, eventId, "open"));
    expect(await homeOf(world.people.leader.id)).toContain("Score the pitches (0 of 2 done)");
    const at = new Date().toISOString();
    await server.db
      .insertInto("scoring_sheets")
      .values(
        [m.team1, m.team2].map((teamId) => ({
          event_id: eventId,
          person_id: world.people.leader.id,
          team_id: teamId,
          status: "submitted" as const,
          created_at: at,
          updated_at: at,
          submitted_at: at,
        })),
      )
      .execute();
    const home = await homeOf(world.people.leader.id);
    expect(home).toContain("Thank you: you have scored all 2 pitches.");
    expect(home).not.toContain("Score the pitches");
    expect(home).not.toContain("The pitch day is on");
  });
});

describe("the home page of a coordinator", () => {
  it("lists this week's visits, statements waiting for mentors, scoring progress and results to release, each a link", async () => {
    const html = await htmlOf(world.people.coordinator.id);
    const home = await homeOf(world.people.coordinator.id);
    expect(home).toContain("Today: visit to Kestrel Labs, 10am to 4pm");
    expect(home).toContain("Tomorrow: visit to Meridian Systems");
    expect(home).toContain(`${formatUkDateWithDay(daysFromToday(3))}: visit to Oakfield Data`);
    for (const id of Object.values(visitIds)) expect(html).toContain(`href="${cohortA()}/visits/${id}"`);
    expect(home).toContain("1 problem statement is waiting for its mentors' review");
    expect(html).toContain(`href="${cohortA()}/statements"`);
    expect(home).toContain("Scoring: 2 of 2 sheets submitted");
    expect(html).toContain(`href="${cohortA()}/pitch-day"`);
    expect(home).not.toContain("Results not yet released");
    await server.db.transaction().execute((tx) => setScoringState(tx, eventId, "closed"));
    expect(await homeOf(world.people.coordinator.id)).toContain("Results not yet released for 2 of 2 teams");
    expect(await htmlOf(world.people.coordinator.id)).toContain(`href="${cohortA()}/pitch-day/release"`);
    // The existing counts stay.
    expect(home).toMatch(/\d+ participants added/);
  });

  it("says when a cohort's teams are not yet published", async () => {
    const home = await homeOf(world.people.otherCohort.id);
    expect(home).toContain("Teams not yet published: participants and mentors cannot see them");
    expect(await htmlOf(world.people.otherCohort.id)).toContain(`href="/cohorts/${world.cohortB.id}/teams"`);
    expect(await homeOf(world.people.coordinator.id)).not.toContain("Teams not yet published");
  });
});

describe("the home page of a sponsor", () => {
  it("links to the report and says where the cohort is", async () => {
    const home = await homeOf(world.people.sponsor.id);
    expect(home).toContain("See the cohort report");
    expect(home).toContain(
      `Teams are working with their mentors towards the pitch day on ${formatUkDate(pitchDate)}.`,
    );
  });
});
