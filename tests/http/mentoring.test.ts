// Mentoring over real HTTP: team boundaries, private notes, bad input on the session and statement forms,
// the conflict on concurrent statement edits, home page tasks and the calendar feed.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { makeWorld, type World } from "../setup/factories";
import {
  type MentoringWorld,
  makeMentoringTeams,
  PRIVATE_NOTE_1,
  PRIVATE_NOTE_2,
  startCohortFiveWeeksAgo,
} from "../setup/mentoring";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let m: MentoringWorld;
let feedToken: string;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await startCohortFiveWeeksAgo(db, world.cohortA.id);
    m = await makeMentoringTeams(db, world);
    feedToken = await db.transaction().execute((tx) => resetCalendarFeed(tx, world.people.participant.id));
  });
});
afterAll(async () => {
  await server?.stop();
});

const as = (personId: number) => sessionCookieFor(server.db, personId);
const teamUrl = (teamId: number) => `${server.url}/cohorts/${world.cohortA.id}/teams/${teamId}`;
const count = async (table: "mentoring_sessions" | "session_actions" | "problem_statement_versions") =>
  Number(
    (
      await server.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

function dateFields(prefix: string, date: string) {
  const [y, mo, d] = date.split("-");
  return {
    [`${prefix}.day`]: String(Number(d)),
    [`${prefix}.month`]: String(Number(mo)),
    [`${prefix}.year`]: y!,
  };
}

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function sessionFields(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...dateFields("date", daysFromToday(-1)),
    duration: "45",
    format: "video",
    attendees: String(world.people.participant.id),
    summary: "We chose to look at refunds",
    "actions[0].text": "Interview two caseworkers",
    "actions[0].owner": String(world.people.participant.id),
    ...dateFields("actions[0].due", daysFromToday(7)),
    "actions[1].text": "",
    "actions[2].text": "",
    ...extra,
  };
}

describe("team boundaries", () => {
  it("refuses a mentor of team 1 team 2's page, sessions, notes, actions and statement", async () => {
    const mentor = await as(world.people.mentor.id);
    for (const path of [
      "",
      `/sessions/${m.session2}`,
      `/sessions/${m.session2}/edit`,
      "/sessions/new",
      "/statement",
      "/statement/history",
      "/statement/edit",
    ]) {
      expect((await get(`${teamUrl(m.team2)}${path}`, mentor)).status, path).toBe(403);
    }
    const tick = await post(
      `${teamUrl(m.team2)}/sessions/${m.session2}`,
      { intent: "tick", actionId: String(m.action2), done: "yes" },
      mentor,
    );
    expect(tick.status).toBe(403);
    const note = await post(
      `${teamUrl(m.team2)}/sessions/${m.session2}`,
      { intent: "note", note: "x" },
      mentor,
    );
    expect(note.status).toBe(403);
    const log = await post(`${teamUrl(m.team2)}/sessions/new`, sessionFields(), mentor);
    expect(log.status).toBe(403);
  });

  it("refuses a participant of team 1 team 2's pages and changes", async () => {
    const participant = await as(world.people.participant.id);
    for (const path of [
      "",
      `/sessions/${m.session2}`,
      "/statement",
      "/statement/edit",
      "/statement/history",
    ]) {
      expect((await get(`${teamUrl(m.team2)}${path}`, participant)).status, path).toBe(403);
    }
    const edit = await post(
      `${teamUrl(m.team2)}/statement/edit`,
      { baseVersion: "1", title: "Hijack" },
      participant,
    );
    expect(edit.status).toBe(403);
    const tick = await post(
      `${teamUrl(m.team2)}/sessions/${m.session2}`,
      { intent: "tick", actionId: String(m.action2), done: "yes" },
      participant,
    );
    expect(tick.status).toBe(403);
    // Nor through their own team's session with the other team's action.
    const sideways = await post(
      `${teamUrl(m.team1)}/sessions/${m.session1}`,
      { intent: "tick", actionId: String(m.action2), done: "yes" },
      participant,
    );
    expect(sideways.status).toBe(404);
    const action2 = await server.db
      .selectFrom("session_actions")
      .where("id", "=", m.action2)
      .select("done_at")
      .executeTakeFirstOrThrow();
    expect(action2.done_at).toBeNull();
  });

  it("keeps a session of team 2 out of reach through team 1's address", async () => {
    const mentor = await as(world.people.mentor.id);
    expect((await get(`${teamUrl(m.team1)}/sessions/${m.session2}`, mentor)).status).toBe(404);
  });

  it("never sends private notes to participants, only to the team's mentors and the coordinators", async () => {
    const participant = await as(world.people.participant.id);
    for (const path of [`/sessions/${m.session1}`, ""]) {
      const response = await get(`${teamUrl(m.team1)}${path}`, participant);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Team 1 talked about refunds");
      expect(html).not.toContain(PRIVATE_NOTE_1);
      expect(html).not.toContain("Private notes");
    }
    const noteAttempt = await post(
      `${teamUrl(m.team1)}/sessions/${m.session1}`,
      { intent: "note", note: "from a participant" },
      participant,
    );
    expect(noteAttempt.status).toBe(403);
    for (const personId of [world.people.mentor.id, m.govMentor1.id, world.people.coordinator.id]) {
      const html = await (await get(`${teamUrl(m.team1)}/sessions/${m.session1}`, await as(personId))).text();
      expect(html).toContain(PRIVATE_NOTE_1);
      expect(html).not.toContain(PRIVATE_NOTE_2);
    }
  });

  it("lets a participant tick their own action but not a teammate's", async () => {
    const teammate = await as(m.teammate.id);
    const refused = await post(
      `${teamUrl(m.team1)}/sessions/${m.session1}`,
      { intent: "tick", actionId: String(m.action1), done: "yes" },
      teammate,
    );
    expect(refused.status).toBe(403);
    const participant = await as(world.people.participant.id);
    const ticked = await post(
      `${teamUrl(m.team1)}/sessions/${m.session1}`,
      {
        intent: "tick",
        actionId: String(m.action1),
        done: "yes",
        returnTo: `/cohorts/${world.cohortA.id}/teams/${m.team1}`,
      },
      participant,
    );
    expect(ticked.status).toBe(302);
    expect(ticked.headers.get("location")).toBe(`/cohorts/${world.cohortA.id}/teams/${m.team1}`);
    const row = await server.db
      .selectFrom("session_actions")
      .where("id", "=", m.action1)
      .select(["done_at", "done_by"])
      .executeTakeFirstOrThrow();
    expect(row.done_by).toBe(world.people.participant.id);
    await post(
      `${teamUrl(m.team1)}/sessions/${m.session1}`,
      { intent: "tick", actionId: String(m.action1), done: "no" },
      participant,
    );
  });

  it("refuses a mentor of another team who tries to approve team 1's statement", async () => {
    const response = await post(
      `${teamUrl(m.team1)}/statement`,
      { intent: "review", version: "1", decision: "approved" },
      await as(m.indMentor2.id),
    );
    expect(response.status).toBe(403);
  });
});

describe("logging a session: bad input", () => {
  // Each change is made when the test runs, once the teams exist.
  const cases: Array<[string, () => Record<string, string>, string]> = [
    [
      "a date in the future",
      () => dateFields("date", daysFromToday(1)),
      "The session date must be today or in the past",
    ],
    [
      "a date before the cohort",
      () => dateFields("date", daysFromToday(-60)),
      "The session date must be on or after the cohort started",
    ],
    ["no duration", () => ({ duration: "0" }), "Duration must be between 1 and 480 minutes (8 hours)"],
    ["over 8 hours", () => ({ duration: "481" }), "Duration must be between 1 and 480 minutes (8 hours)"],
    [
      "an attendee not in the team",
      () => ({ attendees: String(m.other1.id) }),
      "Choose attendees from this team&#x27;s members and mentors only",
    ],
    [
      "an action owner from another team",
      () => ({ "actions[0].owner": String(m.other2.id) }),
      "Choose an owner for action 1 from this team",
    ],
  ];

  for (const [what, change, message] of cases) {
    it(`refuses ${what}, keeps what was typed and saves nothing`, async () => {
      const before = await count("mentoring_sessions");
      const fields = sessionFields(change());
      const response = await post(
        `${teamUrl(m.team1)}/sessions/new`,
        fields,
        await as(world.people.mentor.id),
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("There is a problem");
      expect(html).toContain(message);
      expect(html).toContain("We chose to look at refunds");
      expect(html).toContain("Interview two caseworkers");
      expect(await count("mentoring_sessions")).toBe(before);
    });
  }

  it("adds an empty action row and keeps everything typed, saving nothing", async () => {
    const before = await count("mentoring_sessions");
    const response = await post(
      `${teamUrl(m.team1)}/sessions/new`,
      sessionFields({ __intent__: JSON.stringify({ type: "insert", payload: { name: "actions" } }) }),
      await as(world.people.mentor.id),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="actions[3].text"');
    expect(html).not.toContain('name="actions[4].text"');
    expect(html).toContain("Interview two caseworkers");
    expect(html).not.toContain("There is a problem");
    expect(await count("mentoring_sessions")).toBe(before);
  });

  it("creates one session when the same form is sent three times at once, answering each with it", async () => {
    const mentor = await as(world.people.mentor.id);
    const page = await (await get(`${teamUrl(m.team1)}/sessions/new`, mentor)).text();
    const once = /name="once" value="([0-9a-f]+)"/.exec(page)?.[1];
    expect(once).toBeDefined();
    const before = await count("mentoring_sessions");
    const sent = await Promise.all(
      [1, 2, 3].map(() => post(`${teamUrl(m.team1)}/sessions/new`, sessionFields({ once: once! }), mentor)),
    );
    expect(sent.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(new Set(sent.map((r) => r.headers.get("location"))).size).toBe(1);
    expect(await count("mentoring_sessions")).toBe(before + 1);
    // A new page carries a new key: the same session sent from it is a second session, as meant.
    const next = await (await get(`${teamUrl(m.team1)}/sessions/new`, mentor)).text();
    const nextOnce = /name="once" value="([0-9a-f]+)"/.exec(next)?.[1];
    expect(nextOnce).not.toBe(once);
    await post(`${teamUrl(m.team1)}/sessions/new`, sessionFields({ once: nextOnce! }), mentor);
    expect(await count("mentoring_sessions")).toBe(before + 2);
  });

  it("logs a good session with its actions, and the author can change it (audited)", async () => {
    const mentor = await as(world.people.mentor.id);
    const response = await post(
      `${teamUrl(m.team1)}/sessions/new`,
      sessionFields({
        "actions[1].text": "Draft the problem",
        "actions[1].owner": String(m.teammate.id),
        ...dateFields("actions[1].due", daysFromToday(3)),
        ...dateFields("followUp", daysFromToday(14)),
      }),
      mentor,
    );
    expect(response.status).toBe(302);
    const sessionId = Number(response.headers.get("location")!.split("/").at(-1));
    const actions = await server.db
      .selectFrom("session_actions")
      .where("session_id", "=", sessionId)
      .select(["id", "text"])
      .orderBy("position")
      .execute();
    expect(actions.map((a) => a.text)).toEqual(["Interview two caseworkers", "Draft the problem"]);
    // The author may change it, and a stale form is refused.
    const edit = `${teamUrl(m.team1)}/sessions/${sessionId}/edit`;
    const changed = await post(
      edit,
      sessionFields({
        version: "1",
        duration: "60",
        "actions[0].id": String(actions[0]!.id),
        ...dateFields("followUp", daysFromToday(14)),
      }),
      mentor,
    );
    expect(changed.status).toBe(302);
    const stale = await post(edit, sessionFields({ version: "1", duration: "30" }), mentor);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed this session");
    const saved = await server.db
      .selectFrom("mentoring_sessions")
      .where("id", "=", sessionId)
      .select(["duration_minutes", "version"])
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ duration_minutes: 60, version: 2 });
    const left = await server.db
      .selectFrom("session_actions")
      .where("session_id", "=", sessionId)
      .select("text")
      .execute();
    expect(left.map((a) => a.text)).toEqual(["Interview two caseworkers"]);
    const audit = await server.db
      .selectFrom("audit_events")
      .where("subject_type", "=", "mentoring_session")
      .where("subject_id", "=", sessionId)
      .select(["action", "actor_person_id"])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["mentoring.session_logged", "mentoring.session_changed"]);
  });

  it("lets the team's other mentor correct a session (audited, shown on the page), not a mentor of another team", async () => {
    const response = await post(
      `${teamUrl(m.team1)}/sessions/new`,
      sessionFields(),
      await as(world.people.mentor.id),
    );
    expect(response.status).toBe(302);
    const sessionId = Number(response.headers.get("location")!.split("/").at(-1));
    const page = `${teamUrl(m.team1)}/sessions/${sessionId}`;
    const edit = `${page}/edit`;
    const coMentor = await as(m.govMentor1.id);
    const before = await (await get(page, coMentor)).text();
    expect(before).toContain(
      `href="/cohorts/${world.cohortA.id}/teams/${m.team1}/sessions/${sessionId}/edit"`,
    );
    expect(before).not.toContain("Last changed by");
    expect((await get(edit, coMentor)).status).toBe(200);
    // A mentor of another team is still refused, reading or saving.
    const outsider = await as(m.govMentor2.id);
    expect((await get(edit, outsider)).status).toBe(403);
    expect((await post(edit, sessionFields({ version: "1", duration: "90" }), outsider)).status).toBe(403);
    const changed = await post(edit, sessionFields({ version: "1", duration: "75" }), coMentor);
    expect(changed.status).toBe(302);
    const saved = await server.db
      .selectFrom("mentoring_sessions")
      .where("id", "=", sessionId)
      .select(["duration_minutes", "author_id", "updated_by"])
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      duration_minutes: 75,
      author_id: world.people.mentor.id,
      updated_by: m.govMentor1.id,
    });
    const audit = await server.db
      .selectFrom("audit_events")
      .where("subject_type", "=", "mentoring_session")
      .where("subject_id", "=", sessionId)
      .where("action", "=", "mentoring.session_changed")
      .select("actor_person_id")
      .execute();
    expect(audit).toEqual([{ actor_person_id: m.govMentor1.id }]);
    // Everyone who can read the session sees who logged it and who changed it last.
    const after = await (await get(page, await as(world.people.participant.id))).text();
    expect(after).toContain("Logged by");
    expect(after).toMatch(/Last changed by[\s\S]*Gita Government, /);
  });

  it("puts the agreed follow-up and the statement deadline in the participant's calendar feed", async () => {
    const response = await get(`${server.url}/calendar/${feedToken}.ics`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const followUp = events.find((e) => e.uid.startsWith("session-follow-up-"));
    expect(followUp?.summary).toContain("Team 1 mentoring session");
    expect(followUp?.startDate.toString()).toBe(daysFromToday(14));
    expect(events.some((e) => e.summary.endsWith("Problem statement due"))).toBe(true);
  });
});

describe("the problem statement", () => {
  const full = (extra: Record<string, string> = {}) => ({
    title: "Refund delays",
    category: "operational",
    department: "HMRC",
    problem: "Refunds take weeks",
    affected: "Taxpayers",
    evidence: "Complaints",
    approach: "Automate checks",
    success_measures: "Days to refund",
    ...extra,
  });

  it("refuses a field over 20,000 characters, keeping the text and saving nothing", async () => {
    const before = await count("problem_statement_versions");
    const response = await post(
      `${teamUrl(m.team1)}/statement/edit`,
      full({ baseVersion: "1", problem: "x".repeat(20_001) }),
      await as(world.people.participant.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The problem must be 20,000 characters or fewer");
    expect(html).toContain("Refund delays");
    expect(await count("problem_statement_versions")).toBe(before);
  });

  it("refuses the second of two saves based on the same version, showing both texts", async () => {
    const participant = await as(world.people.participant.id);
    const teammate = await as(m.teammate.id);
    const first = await post(
      `${teamUrl(m.team1)}/statement/edit`,
      full({ baseVersion: "1", title: "First title" }),
      participant,
    );
    expect(first.status).toBe(302);
    const second = await post(
      `${teamUrl(m.team1)}/statement/edit`,
      full({ baseVersion: "1", title: "Second title" }),
      teammate,
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Someone else saved version 2 while you were editing");
    expect(html).toContain("First title");
    expect(html).toContain("Second title");
    expect(html).toContain('name="baseVersion" value="2"');
    const latest = await server.db
      .selectFrom("problem_statement_versions")
      .innerJoin("problem_statements", "problem_statements.id", "problem_statement_versions.statement_id")
      .where("problem_statements.team_id", "=", m.team1)
      .select(["number", "title"])
      .orderBy("number", "desc")
      .executeTakeFirstOrThrow();
    expect(latest).toEqual({ number: 2, title: "First title" });
  });

  it("refuses to submit a statement with empty fields", async () => {
    const participant = await as(world.people.participant.id);
    await post(
      `${teamUrl(m.team1)}/statement/edit`,
      full({ baseVersion: "2", evidence: "", approach: "" }),
      participant,
    );
    const response = await post(
      `${teamUrl(m.team1)}/statement`,
      { intent: "submit", version: "3" },
      participant,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Evidence is empty: fill it in before submitting");
    expect(html).toContain("Proposed approach is empty: fill it in before submitting");
    const statement = await server.db
      .selectFrom("problem_statements")
      .where("team_id", "=", m.team1)
      .select("status")
      .executeTakeFirstOrThrow();
    expect(statement.status).toBe("draft");
  });

  it("shows the mentor a task to review once submitted, and the participant their open action", async () => {
    const participant = await as(world.people.participant.id);
    await post(`${teamUrl(m.team1)}/statement/edit`, full({ baseVersion: "3" }), participant);
    const home = await (await get(`${server.url}/`, participant)).text();
    expect(home).toContain("Your action: Team 1 action");
    expect(home).toContain("Submit your team&#x27;s problem statement");
    expect(
      (await post(`${teamUrl(m.team1)}/statement`, { intent: "submit", version: "4" }, participant)).status,
    ).toBe(302);
    const mentorHome = await (await get(`${server.url}/`, await as(world.people.mentor.id))).text();
    expect(mentorHome).toContain("Review Team 1&#x27;s problem statement");
    // A participant cannot review it.
    const review = await post(
      `${teamUrl(m.team1)}/statement`,
      { intent: "review", version: "4", decision: "approved" },
      participant,
    );
    expect(review.status).toBe(403);
  });
});
