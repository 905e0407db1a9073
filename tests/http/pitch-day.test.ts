// Pitch day over real HTTP: setting up, bad input refused with nothing saved, conflicts, the scoring window,
// concurrent edits of a sheet, who sees which sheets and feedback, results, CSV and release.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawRunningOrder } from "~/domain/pitch-day";
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { makePitchDayCohort, makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let pc: Awaited<ReturnType<typeof makePitchDayCohort>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    pc = await makePitchDayCohort(db, world.programme.id, "Http");
  });
  // A second factor at sign-in: releasing results asks for one within the last 10 minutes (step-up).
  cookies.coordinator = await sessionCookieFor(server.db, pc.coordinator.id, "password-and-code");
  for (const [i, leader] of pc.leaders.entries())
    cookies[`leader${i + 1}`] = await sessionCookieFor(server.db, leader.id);
  for (const team of pc.teams)
    cookies[`team${team.number}`] = await sessionCookieFor(server.db, team.members[0]!.id);
});
afterAll(async () => {
  await server?.stop();
});

const base = () => `${server.url}/cohorts/${pc.cohort.id}/pitch-day`;
const team = (n: number) => pc.teams[n - 1]!.id;
const event = () =>
  server.db.selectFrom("pitch_events").where("cohort_id", "=", pc.cohort.id).selectAll().executeTakeFirst();
const version = async () => String((await event())!.version);
const rubric = async () =>
  server.db
    .selectFrom("rubric_criteria")
    .where("event_id", "=", (await event())!.id)
    .selectAll()
    .orderBy("position")
    .execute();
const sheets = () => server.db.selectFrom("scoring_sheets").selectAll().orderBy("id").execute();
const sheetVersion = async (leader: number, teamNumber: number) =>
  String(
    (
      await server.db
        .selectFrom("scoring_sheets")
        .where("person_id", "=", pc.leaders[leader - 1]!.id)
        .where("team_id", "=", team(teamNumber))
        .select("version")
        .executeTakeFirst()
    )?.version ?? 0,
  );
const eventFields = (extra: Record<string, string> = {}) => ({
  "date.day": "25",
  "date.month": "3",
  "date.year": "2099",
  startTime: "10:00",
  venue: "HMRC, 100 Parliament Street",
  onlineLink: "",
  pitchMinutes: "10",
  questionsMinutes: "5",
  changeoverMinutes: "5",
  breakAfter: "2",
  breakMinutes: "15",
  feedbackAttribution: "attributed",
  version: "0",
  ...extra,
});
/** Every criterion of the rubric scored `score`, as form fields. */
const allScores = async (score: number) =>
  Object.fromEntries((await rubric()).map((c) => [`scores.${c.id}`, String(score)]));
const rubricFields = async (change: (i: number) => Record<string, string | undefined> = () => ({})) => {
  const fields: Record<string, string> = { version: await version() };
  for (const [index, c] of (await rubric()).entries()) {
    const row = {
      id: String(c.id),
      name: c.name,
      description: c.description,
      weight: String(c.weight),
      max: String(c.max),
      levels: (JSON.parse(c.levels) as string[]).join("\n"),
      ...change(index + 1),
    };
    for (const [key, value] of Object.entries(row))
      if (value !== undefined) fields[`criteria[${index}].${key}`] = value;
  }
  return fields;
};
const sheetUrl = (n: number) => `${base()}/scoring/${team(n)}`;
const releases = async () =>
  server.db
    .selectFrom("pitch_team_releases")
    .where("event_id", "=", (await event())!.id)
    .selectAll()
    .orderBy("id")
    .execute();
/** Who was written to that their team's feedback is released, sorted. */
const releaseEmails = async () =>
  (await server.db.selectFrom("outbox").where("kind", "=", "results_released").select("to_address").execute())
    .map((row) => row.to_address)
    .sort();
const auditOf = (action: string) =>
  server.db.selectFrom("audit_events").where("action", "=", action).selectAll().orderBy("id").execute();

describe("setting up the pitch day", () => {
  it("refuses bad details with the error summary, keeps the input and saves nothing", async () => {
    const response = await post(
      `${base()}/event`,
      eventFields({ "date.day": "31", "date.month": "2", startTime: "25:00", venue: "", pitchMinutes: "0" }),
      cookies.coordinator,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Date must be a real date");
    expect(html).toContain("Start time must be a 24-hour time");
    expect(html).toContain("Enter a venue or an online link");
    expect(html).toContain("Pitch length must be 1 minute or more");
    expect(html).toContain('value="25:00"');
    expect(await event()).toBeUndefined();
  });

  it("reports every error on the first submit: an impossible date, a negative break, a break after slot 99 of 3", async () => {
    const response = await post(
      `${base()}/event`,
      eventFields({ "date.day": "31", "date.month": "2", breakAfter: "99", breakMinutes: "-5", venue: "" }),
      cookies.coordinator,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Date must be a real date, like 25 3 2027");
    expect(html).toContain("Break after must be a slot from 1 to 2: there are 3 teams");
    expect(html).toContain("Break length must be 0 minutes or more");
    expect(html).toContain("Enter a venue or an online link");
    expect(html).not.toContain("Invalid input");
    expect(html).toContain('value="-5"');
    expect(await event()).toBeUndefined();
  });

  it("refuses a pitch day in the past, with the other errors", async () => {
    const response = await post(
      `${base()}/event`,
      eventFields({ "date.day": "1", "date.month": "1", "date.year": "2020", breakAfter: "3" }),
      cookies.coordinator,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Date must be today or in the future");
    expect(html).toContain("Break after must be a slot from 1 to 2: there are 3 teams");
    expect(await event()).toBeUndefined();
  });

  it("saves the details with the default rubric", async () => {
    const response = await post(`${base()}/event`, eventFields(), cookies.coordinator);
    expect(response.status).toBe(302);
    expect((await event())!.date).toBe("2099-03-25");
    expect((await rubric()).map((c) => c.name)).toEqual([
      "Understanding of the problem",
      "Quality of the solution",
      "Feasibility and value to the public sector",
      "Collaboration across sectors",
      "The pitch itself",
    ]);
  });

  it("refuses to open scoring before there is a running order", async () => {
    const response = await post(base(), { intent: "open", version: await version() }, cookies.coordinator);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Set the running order before opening scoring");
    expect((await event())!.scoring_state).toBe("not_open");
  });

  it("draws the running order from a recorded seed that reproduces it", async () => {
    const response = await post(
      `${base()}/order`,
      { intent: "draw", version: await version() },
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    const seed = (await event())!.order_seed;
    expect(seed).toMatch(/^\d+$/);
    const slots = await server.db
      .selectFrom("pitch_slots")
      .select(["team_id", "position"])
      .orderBy("position")
      .execute();
    expect(slots.map((s) => s.team_id)).toEqual(drawRunningOrder([team(1), team(2), team(3)], Number(seed)));
    const audit = await server.db
      .selectFrom("audit_events")
      .where("action", "=", "pitch_day.order_drawn")
      .select("details")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details).seed).toBe(seed);
  });

  it("sets the running order by hand, refusing a team twice", async () => {
    const twice = await post(
      `${base()}/order`,
      {
        intent: "set",
        version: await version(),
        "positions[0]": String(team(1)),
        "positions[1]": String(team(1)),
        "positions[2]": String(team(3)),
      },
      cookies.coordinator,
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Slot 2: each team pitches once");
    const response = await post(
      `${base()}/order`,
      {
        intent: "set",
        version: await version(),
        "positions[0]": String(team(1)),
        "positions[1]": String(team(2)),
        "positions[2]": String(team(3)),
      },
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    const html = await (await get(`${base()}/timetable`, cookies.team2)).text();
    // 10:00 team 1, 10:20 team 2, the changeover, a break after slot 2 from 10:40 to 10:55, then team 3.
    expect(html).toContain("10:00 to 10:15");
    expect(html).toContain("10:20 to 10:35");
    expect(html).toContain("10:40 to 10:55");
    expect(html).toContain("10:55 to 11:10");
    expect(html).toContain("Team 2 (your team)");
  });

  it("puts the pitch day and the team's own slot in a participant's calendar feed, in UTC", async () => {
    const token = await server.db
      .transaction()
      .execute((tx) => resetCalendarFeed(tx, pc.teams[1]!.members[0]!.id));
    const response = await get(`${server.url}/calendar/${token}.ics`);
    expect(response.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await response.text()))
      .getAllSubcomponents("vevent")
      .map((vevent) => new ICAL.Event(vevent))
      .filter((e) => e.uid.startsWith("pitch-"))
      .map((e) => ({
        summary: e.summary,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
      }));
    expect(events).toEqual([
      {
        summary: "Http pitch cohort: pitch day",
        start: "2099-03-25T10:00:00.000Z",
        end: "2099-03-25T11:10:00.000Z",
      },
      {
        summary: "Http pitch cohort: Team 2 pitches (slot 2)",
        start: "2099-03-25T10:20:00.000Z",
        end: "2099-03-25T10:35:00.000Z",
      },
    ]);
  });

  it("adds the cohort's senior leaders to the panel, refusing anyone else, and shows the conflicts", async () => {
    const participant = await post(
      `${base()}/panel`,
      { intent: "add", personId: String(pc.teams[0]!.members[0]!.id), version: await version() },
      cookies.coordinator,
    );
    expect(participant.status).toBe(400);
    expect(await participant.text()).toContain("Choose a senior leader of this cohort");
    for (const leader of pc.leaders) {
      const response = await post(
        `${base()}/panel`,
        { intent: "add", personId: String(leader.id), version: await version() },
        cookies.coordinator,
      );
      expect(response.status).toBe(302);
    }
    const html = await (await get(`${base()}/panel`, cookies.coordinator)).text();
    expect(html).toContain("Http Leader 3");
    expect(html).toContain("Http Org 1: team member Http Team 1 Person 1");
  });

  it("refuses weights of zero or below, naming the criterion, and saves nothing", async () => {
    const before = await rubric();
    for (const weight of ["0", "-5"]) {
      const response = await post(
        `${base()}/rubric`,
        await rubricFields((k) => (k === 2 ? { weight } : {})),
        cookies.coordinator,
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("Criterion 2: weight must be a number greater than 0");
      expect(html).toContain(`value="${weight}"`);
    }
    expect(await rubric()).toEqual(before);
  });

  it("adds and removes criteria without JavaScript, saving nothing until the rubric is saved", async () => {
    const before = await rubric();
    const added = await post(
      `${base()}/rubric`,
      {
        ...(await rubricFields()),
        __intent__: JSON.stringify({
          type: "insert",
          payload: { name: "criteria", defaultValue: { max: 5 } },
        }),
      },
      cookies.coordinator,
    );
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain("Criterion 6");
    expect(html).not.toContain("There is a problem");
    const removed = await post(
      `${base()}/rubric`,
      {
        ...(await rubricFields()),
        __intent__: JSON.stringify({ type: "remove", payload: { name: "criteria", index: 0 } }),
      },
      cookies.coordinator,
    );
    expect(removed.status).toBe(200);
    const left = await removed.text();
    expect(left).not.toContain("Criterion 5");
    expect(left).not.toContain('value="Understanding of the problem"');
    expect(await rubric()).toEqual(before);
  });

  it("saves a change to the rubric, with a level per point of the scale", async () => {
    const wrongLevels = await post(
      `${base()}/rubric`,
      await rubricFields((k) => (k === 5 ? { max: "4" } : {})),
      cookies.coordinator,
    );
    expect(wrongLevels.status).toBe(400);
    expect(await wrongLevels.text()).toContain(
      "Criterion 5: describe each of the 4 levels, one per line (5 given)",
    );
    const response = await post(
      `${base()}/rubric`,
      await rubricFields((k) => (k === 2 ? { weight: "30" } : {})),
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    expect((await rubric())[1]!.weight).toBe(30);
  });
});

describe("scoring", () => {
  it("refuses a sheet before scoring opens, saving nothing", async () => {
    const response = await post(
      sheetUrl(1),
      { intent: "save", version: "0", workedWell: "Early words", ...(await allScores(3)) },
      cookies.leader1,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Scoring has not opened yet");
    expect(await sheets()).toEqual([]);
  });

  it("asks for confirmation before opening scoring more than a day before the pitch day", async () => {
    const unconfirmed = await post(base(), { intent: "open", version: await version() }, cookies.coordinator);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toMatch(
      /The pitch day is on 25 March 2099, in \d+ years: confirm that you want to open scoring this early/,
    );
    expect((await event())!.scoring_state).toBe("not_open");
    const home = await (await get(base(), cookies.coordinator)).text();
    expect(home).toContain(`href="/cohorts/${pc.cohort.id}/pitch-day/open-scoring"`);
    const page = await get(`${base()}/open-scoring`, cookies.coordinator);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Open scoring now?");
    expect(html).toMatch(/The pitch day is on 25 March 2099, in \d+ years\./);
    expect(html).toContain("Yes, open scoring now");
  });

  it("opens scoring once confirmed, and then refuses any change to the rubric", async () => {
    const response = await post(`${base()}/open-scoring`, { version: await version() }, cookies.coordinator);
    expect(response.status).toBe(302);
    expect((await event())!.scoring_state).toBe("open");
    const before = await rubric();
    const change = await post(
      `${base()}/rubric`,
      await rubricFields((k) => (k === 1 ? { weight: "50" } : {})),
      cookies.coordinator,
    );
    expect(change.status).toBe(400);
    expect(await change.text()).toContain("The rubric cannot change after scoring has opened");
    expect(await rubric()).toEqual(before);
  });

  it("does not offer a conflicted leader the team's sheet, and refuses it", async () => {
    const list = await (await get(`${base()}/scoring`, cookies.leader3)).text();
    expect(list).not.toContain(`/scoring/${team(1)}"`);
    expect(list).toContain(`/scoring/${team(2)}"`);
    expect(list).toContain("0 of 2 teams scored");
    const page = await get(sheetUrl(1), cookies.leader3);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("You cannot score Team 1 because you are in conflict with it");
    const attempt = await post(
      sheetUrl(1),
      { intent: "submit", version: "0", ...(await allScores(5)) },
      cookies.leader3,
    );
    expect(attempt.status).toBe(403);
    expect(await sheets()).toEqual([]);
  });

  it("refuses a score outside the scale or for a criterion that does not exist, saving nothing", async () => {
    const scores = await allScores(3);
    const [first] = Object.keys(scores);
    const outside = await post(
      sheetUrl(1),
      { intent: "save", version: "0", ...scores, [first!]: "6" },
      cookies.leader1,
    );
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain(
      "Understanding of the problem: score must be a whole number from 1 to 5",
    );
    const unknown = await post(
      sheetUrl(1),
      { intent: "save", version: "0", ...scores, "scores.99999": "3" },
      cookies.leader1,
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("There is no criterion &quot;99999&quot; in this rubric");
    const missing = await post(
      sheetUrl(1),
      { intent: "submit", version: "0", [first!]: "3" },
      cookies.leader1,
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Choose a score for Quality of the solution");
    expect(await sheets()).toEqual([]);
  });

  it("keeps a draft as typed, and refuses a stale second tab without overwriting", async () => {
    const scores = await allScores(4);
    const [first] = Object.keys(scores);
    const draft = await post(
      sheetUrl(1),
      {
        intent: "save",
        version: "0",
        [first!]: "4",
        workedWell: "Leader one's private draft",
        couldBeBetter: "",
      },
      cookies.leader1,
    );
    expect(draft.status).toBe(302);
    const html = await (await get(sheetUrl(1), cookies.leader1)).text();
    expect(html).toContain("Leader one&#x27;s private draft");
    expect(html).toContain("This is a draft");
    // The first tab saves again (version 1 -> 2); a second tab still holding version 1 is refused.
    expect(
      (
        await post(
          sheetUrl(1),
          { intent: "save", version: "1", [first!]: "5", workedWell: "Tab one" },
          cookies.leader1,
        )
      ).status,
    ).toBe(302);
    const stale = await post(
      sheetUrl(1),
      { intent: "save", version: "1", [first!]: "2", workedWell: "Tab two" },
      cookies.leader1,
    );
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain(
      "Someone else changed your sheet for this team while you were working on it. Your changes are kept below",
    );
    expect(staleHtml).toContain("Tab two");
    const saved = await sheets();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.worked_well).toBe("Tab one");
  });

  it("never shows a leader another leader's sheet", async () => {
    const html = await (await get(sheetUrl(1), cookies.leader2)).text();
    expect(html).not.toContain("Tab one");
    expect(html).not.toContain("This is a draft");
    const list = await (await get(`${base()}/scoring`, cookies.leader2)).text();
    expect(list).toContain("0 of 3 teams scored");
    expect((await get(`${base()}/results`, cookies.leader1)).status).toBe(403);
    expect((await get(`${base()}/sheets.csv`, cookies.leader1)).status).toBe(403);
  });

  it("counts submitted sheets in the leader's progress and on the home page", async () => {
    const marks: Array<[string, number, number]> = [
      ["leader1", 1, 4],
      ["leader1", 2, 3],
      ["leader1", 3, 2],
      ["leader2", 2, 5],
      ["leader3", 2, 4],
      ["leader3", 3, 3],
    ];
    for (const [leader, n, score] of marks) {
      const response = await post(
        sheetUrl(n),
        {
          intent: "submit",
          version: await sheetVersion(Number(leader.slice(-1)), n),
          ...(await allScores(score)),
          workedWell: `${leader} liked team ${n}`,
          couldBeBetter: `${leader} wants more from team ${n}`,
        },
        cookies[leader],
      );
      expect(response.status, `${leader} team ${n}`).toBe(302);
    }
    // Leader 2 leaves a draft for team 3.
    expect(
      (await post(sheetUrl(3), { intent: "save", version: "0", workedWell: "unfinished" }, cookies.leader2))
        .status,
    ).toBe(302);
    expect(await (await get(`${base()}/scoring`, cookies.leader1)).text()).toContain("3 of 3 teams scored");
    expect(await (await get(`${server.url}/`, cookies.leader2)).text()).toContain(
      "Score the pitches (1 of 3 done)",
    );
    expect(await (await get(`${server.url}/`, cookies.team2)).text()).toContain(
      "Your team pitches at 10:20 on 25 March 2099 (slot 2)",
    );
    expect(await (await get(`${server.url}/`, cookies.coordinator)).text()).toContain("Run the pitch day");
  });

  it("closes scoring and then refuses sheets with a clear message", async () => {
    expect(
      (await post(base(), { intent: "close", version: await version() }, cookies.coordinator)).status,
    ).toBe(302);
    const response = await post(
      sheetUrl(3),
      { intent: "submit", version: await sheetVersion(2, 3), ...(await allScores(5)) },
      cookies.leader2,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Scoring has closed");
    const draft = (await sheets()).find((s) => s.worked_well === "unfinished")!;
    expect(draft.status).toBe("draft");
  });
});

describe("results and release", () => {
  it("shows the coordinator the ranking, offsets and flags", async () => {
    const html = await (await get(`${base()}/results`, cookies.coordinator)).text();
    expect(html).toContain("Ranking");
    expect(html).toContain("Fewer than two counted sheets");
    expect(html).toContain("Has incomplete or unsubmitted sheets");
    expect(html).toContain("1 conflicted leader");
    expect(html).toContain("Draft, not submitted");
    expect(html).toContain("Offset b");
    expect(html).toContain('href="/pitch-scoring"');
  });

  it("exports every sheet as CSV with a BOM and ISO dates", async () => {
    const response = await get(`${base()}/sheets.csv`, cookies.coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\n");
    expect(lines[0]).toMatch(
      /^leader_name,leader_organisation,team_number,team_name,status,"Understanding of the problem \(1-5, weight 20\)"/,
    );
    expect(lines).toHaveLength(1 + 7);
    expect(text).toMatch(
      /Http Leader 1,,1,,submitted,4,4,4,4,4,80\.00,leader1 liked team 1,leader1 wants more from team 1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/,
    );
  });

  it("releases nothing without the confirmation page", async () => {
    const response = await post(base(), { intent: "release", version: await version() }, cookies.coordinator);
    expect(response.status).toBe(400);
    expect(await releases()).toEqual([]);
    const home = await (await get(base(), cookies.coordinator)).text();
    expect(home).toContain(`href="/cohorts/${pc.cohort.id}/pitch-day/release"`);
    expect(home).toContain(`href="/cohorts/${pc.cohort.id}/pitch-day/release?team=${team(2)}"`);
  });

  it("lists, before release, what each team will see and every sheet that will not count, by name", async () => {
    const html = await (await get(`${base()}/release`, cookies.coordinator)).text();
    expect(html).toContain("Release the results of 3 teams?");
    expect(html).toContain(
      "Http Leader 2&#x27;s sheet is a draft that was never submitted: it will not count",
    );
    expect(html).toContain("Http Leader 2 has no sheet for Team 1");
    expect(html).toContain("2 sheets will not count");
    expect(html).toContain("leader1 liked team 2");
    expect(html).toContain("Your scores: the mean of 3 leaders&#x27; scores on each criterion");
    expect(html).toContain("Your scores: the mean of 1 leader&#x27;s scores on each criterion");
    expect(html).not.toContain("unfinished");
    const one = await (await get(`${base()}/release?team=${team(2)}`, cookies.coordinator)).text();
    expect(one).toContain("Release Team 2&#x27;s results?");
    expect(one).toContain("leader3 wants more from team 2");
    expect(one).not.toContain("team 1");
    expect(one).not.toContain("team 3");
    expect((await get(`${base()}/release?team=999999`, cookies.coordinator)).status).toBe(404);
  });

  it("releases one team's results to its members only, writing to them alone", async () => {
    const before = await (await get(`${base()}/feedback`, cookies.team2)).text();
    expect(before).toContain("has not been released yet");
    expect(before).not.toContain("liked team");
    const response = await post(
      `${base()}/release`,
      { version: await version(), team: String(team(2)) },
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    expect((await releases()).map((r) => r.team_id)).toEqual([team(2)]);
    expect((await event())!.results_released_at).toBeNull();
    const html = await (await get(`${base()}/feedback`, cookies.team2)).text();
    expect(html).toContain("leader1 liked team 2");
    expect(await (await get(`${base()}/feedback`, cookies.team1)).text()).toContain(
      "has not been released yet",
    );
    expect(await (await get(`${server.url}/`, cookies.team2)).text()).toContain(
      "Read the panel&#x27;s feedback on your pitch",
    );
    expect(await (await get(`${server.url}/`, cookies.team1)).text()).not.toContain(
      "Read the panel&#x27;s feedback on your pitch",
    );
    expect(await releaseEmails()).toEqual(pc.teams[1]!.members.map((m) => m.email).sort());
    const audit = await auditOf("pitch_day.results_released");
    expect(JSON.parse(audit.at(-1)!.details).teams).toEqual(["Team 2"]);
    const again = await post(
      `${base()}/release`,
      { version: await version(), team: String(team(2)) },
      cookies.coordinator,
    );
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Team 2&#x27;s results are already released");
  });

  it("keeps scoring shut while any team's results are released", async () => {
    const response = await post(base(), { intent: "open", version: await version() }, cookies.coordinator);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      "Scoring cannot reopen while any team&#x27;s results are released",
    );
    expect((await event())!.scoring_state).toBe("closed");
  });

  it("withdraws a released team's results, with a reason in the audit log and no email", async () => {
    const page = await (await get(`${base()}/withdraw/${team(2)}`, cookies.coordinator)).text();
    expect(page).toContain("Withdraw Team 2&#x27;s results?");
    const emails = (await releaseEmails()).length;
    const noReason = await post(
      `${base()}/withdraw/${team(2)}`,
      { version: await version() },
      cookies.coordinator,
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Enter why you are withdrawing the results");
    expect(await releases()).toHaveLength(1);
    const response = await post(
      `${base()}/withdraw/${team(2)}`,
      { version: await version(), reason: "Leader 2's sheet was left as a draft" },
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    expect(await releases()).toEqual([]);
    expect(await (await get(`${base()}/feedback`, cookies.team2)).text()).toContain(
      "has not been released yet",
    );
    const [withdrawn] = await auditOf("pitch_day.results_withdrawn");
    expect(JSON.parse(withdrawn!.details)).toEqual({
      team: "Team 2",
      reason: "Leader 2's sheet was left as a draft",
    });
    expect(await releaseEmails()).toHaveLength(emails);
    const notReleased = await post(
      `${base()}/withdraw/${team(2)}`,
      { version: await version(), reason: "Again" },
      cookies.coordinator,
    );
    expect(notReleased.status).toBe(400);
    expect(await notReleased.text()).toContain("Team 2&#x27;s results are not released");
  });

  it("releases every team's results at once, then shows each team only its own", async () => {
    const response = await post(
      `${base()}/release`,
      { version: await version(), team: "all" },
      cookies.coordinator,
    );
    expect(response.status).toBe(302);
    expect((await releases()).map((r) => r.team_id).sort()).toEqual([team(1), team(2), team(3)].sort());
    expect((await event())!.results_released_at).not.toBeNull();
    const everyone = pc.teams.flatMap((t) => t.members.map((m) => m.email));
    // Team 2's members were written to at the first release, and again now.
    expect(await releaseEmails()).toEqual([...everyone, ...pc.teams[1]!.members.map((m) => m.email)].sort());
    const html = await (await get(`${base()}/feedback`, cookies.team2)).text();
    expect(html).toContain("leader1 liked team 2");
    expect(html).toContain("leader3 wants more from team 2");
    expect(html).toContain("Http Leader 2");
    expect(html).not.toContain("team 1");
    expect(html).not.toContain("team 3");
    expect(html).not.toContain("unfinished");
    const timetable = await (await get(`${base()}/timetable`, cookies.team2)).text();
    expect(timetable).not.toContain("Results");
  });

  it("shows the ranking to the cohort only once the coordinator publishes it, after which results are final", async () => {
    expect(
      (await post(base(), { intent: "publish-ranking", version: await version() }, cookies.coordinator))
        .status,
    ).toBe(302);
    const timetable = await (await get(`${base()}/timetable`, cookies.leader1)).text();
    expect(timetable).toContain("Results");
    const withdraw = await post(
      `${base()}/withdraw/${team(2)}`,
      { version: await version(), reason: "Too late" },
      cookies.coordinator,
    );
    expect(withdraw.status).toBe(400);
    expect(await withdraw.text()).toContain("released results can no longer be withdrawn");
    expect(await releases()).toHaveLength(3);
    expect(await (await get(`${base()}/withdraw/${team(2)}`, cookies.coordinator)).text()).toContain(
      "released results are final",
    );
  });
});
