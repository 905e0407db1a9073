// The report, its CSVs, the questionnaire, retention settings, personal data and the audit log over real HTTP.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership } from "~/models/programme.server";
import { makeCohort, makeWorld, makeWorldPitchDay, type World } from "../setup/factories";
import { fillReportCohort, reportWorld } from "../setup/report";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let filledId: number;
let teamId: number;
let emptyId: number;

/** The body exactly as sent, byte order mark included (Response.text() drops it). */
async function rawText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    // Cohort A has a pitch day whose results are not released yet.
    await makeWorldPitchDay(db, world);
    teamId = (await reportWorld(db, world)).teamId;
    const filled = await makeCohort(db, world.programme.id, {
      name: "Filled cohort",
      startDate: "2027-01-04",
    });
    filledId = filled.id;
    emptyId = (await makeCohort(db, world.programme.id, { name: "Empty cohort" })).id;
    await addMembership(db, filled.id, world.people.coordinator.id, "coordinator");
    await addMembership(db, filled.id, world.people.sponsor.id, "sponsor");
    await fillReportCohort(db, filled.id, "Filled");
  });
});
afterAll(async () => {
  await server?.stop();
});

// Sessions begun with a second factor: anonymising asks for one within the last 10 minutes (step-up).
const as = (who: keyof World["people"]) =>
  sessionCookieFor(server.db, world.people[who].id, "password-and-code");

describe("the cohort report", () => {
  it("shows a coordinator the charts, their tables and each participant's attendance", async () => {
    const response = await get(`${server.url}/cohorts/${filledId}/report`, await as("coordinator"));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect((html.match(/<svg[^>]*role="img"/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain("Participants by sector");
    expect(html).toContain("Attendance by participant");
    expect(html).toContain("Filled Participant 01");
    expect((html.match(/<svg[^>]*role="img"/g) ?? []).length).toBeGreaterThanOrEqual(10);
    for (const caption of [
      "Mentoring sessions per team per week",
      "Mentoring sessions per team",
      "Problem statements by category and status",
      "Pitch results: ranking, adjusted and raw scores",
    ])
      expect(html).toContain(`${caption}</caption>`);
    expect(html).not.toContain("NaN");
  });

  it("says a pitch day's results are not released yet, and downloads none of them", async () => {
    const cookie = await as("coordinator");
    const html = await (await get(`${server.url}/cohorts/${world.cohortA.id}/report`, cookie)).text();
    expect(html).toContain(
      "The pitch day is on 25 March 2027. Its results will appear here once the coordinator",
    );
    expect(html).not.toContain("Pitch results: ranking, adjusted and raw scores</caption>");
    const csv = await rawText(
      await get(`${server.url}/cohorts/${world.cohortA.id}/report/pitch-results.csv`, cookie),
    );
    expect(csv).toBe("\uFEFFRank,Team,Adjusted score,Raw score,Sheets counted\n");
    const summary = await (
      await get(`${server.url}/cohorts/${world.cohortA.id}/report/summary`, cookie)
    ).text();
    expect(summary).toContain("Pitch day on 25 March 2027: results not released yet");
  });

  it("shows a sponsor the figures but no individual's answers or attendance", async () => {
    const cookie = await as("sponsor");
    const response = await get(`${server.url}/cohorts/${filledId}/report`, cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Confidence by area, start and end");
    expect(html).not.toContain("Filled Participant");
    expect(html).not.toContain("Attendance by participant</caption>");
    expect(
      (await get(`${server.url}/cohorts/${filledId}/report/attendance-by-person.csv`, cookie)).status,
    ).toBe(403);
    expect((await get(`${server.url}/cohorts/${filledId}/skills`, cookie)).status).toBe(403);
    const summary = await (await get(`${server.url}/cohorts/${filledId}/report/summary`, cookie)).text();
    expect(summary).toContain("Evaluation summary: Filled cohort");
    expect(summary).not.toContain("Filled Participant");
    expect(summary).toContain("Problem statements by category and status</caption>");
    expect(summary).toContain("Pitch results: ranking, adjusted and raw scores</caption>");
  });

  it("shows a sponsor mentoring, statements and pitch results by team, but no leader, mentor or feedback", async () => {
    const cookie = await as("sponsor");
    const html = await (await get(`${server.url}/cohorts/${filledId}/report`, cookie)).text();
    expect(html).toContain("Mentoring sessions per team per week</caption>");
    expect(html).toContain("Problem statements by category and status</caption>");
    expect(html).toContain("Pitch results: ranking, adjusted and raw scores</caption>");
    expect(html).toContain("Team 1: Filled team 1");
    for (const personal of ["Filled Leader", "Filled Government Mentor", "liked it", "Filled session"])
      expect(html).not.toContain(personal);
    const expected: Record<string, string> = {
      "mentoring-by-week": "Week,Week starting,Team,Sessions,Minutes",
      "mentoring-by-team": "Team,Sessions,Minutes,Weeks with a session,Last session",
      statements: "Category,Draft,Submitted for review,Changes requested,Approved,Total",
      "pitch-results": "Rank,Team,Adjusted score,Raw score,Sheets counted",
    };
    for (const [key, head] of Object.entries(expected)) {
      const response = await get(`${server.url}/cohorts/${filledId}/report/${key}.csv`, cookie);
      expect(response.status, key).toBe(200);
      const text = await rawText(response);
      expect(text.split("\n")[0]).toBe(`\uFEFF${head}`);
      expect(text).not.toContain("Filled Leader");
    }
  });

  it("shows empty states for a cohort with no data, never NaN", async () => {
    const response = await get(`${server.url}/cohorts/${emptyId}/report`, await as("admin"));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("No participants have been added to this cohort yet.");
    expect(html).toContain("No attendance has been recorded for this cohort");
    expect(html).toContain("The skills questionnaire has not opened yet.");
    expect(html).toContain("This cohort has no teams yet, so no mentoring sessions have been logged.");
    expect(html).toContain("This cohort has no teams yet, so there are no problem statements.");
    expect(html).toContain("This cohort has no pitch day yet.");
    expect(html).not.toContain("NaN");
    const summary = await (
      await get(`${server.url}/cohorts/${emptyId}/report/summary`, await as("admin"))
    ).text();
    expect(summary).toContain("No sessions logged yet");
    expect(summary).toContain("No pitch day yet");
    expect(summary).not.toContain("NaN");
    expect(
      await rawText(
        await get(`${server.url}/cohorts/${emptyId}/report/mentoring-by-week.csv`, await as("admin")),
      ),
    ).toBe("\uFEFFWeek,Week starting,Team,Sessions,Minutes\n");
    const csv = await rawText(
      await get(`${server.url}/cohorts/${emptyId}/report/sector.csv`, await as("admin")),
    );
    expect(csv).toBe("\uFEFFSector,People,Share\n");
  });

  it("downloads CSVs that open with the right columns, UTF-8 with a BOM and ISO dates", async () => {
    const cookie = await as("coordinator");
    const response = await get(`${server.url}/cohorts/${filledId}/report/attendance-by-visit.csv`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("filled-cohort-attendance-by-visit.csv");
    const text = await rawText(response);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [head, ...rows] = parse(text.slice(1)) as string[][];
    expect(head).toEqual(["Date", "Host", "Attended", "Apologies", "Absent", "Attendance"]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0]!))).toBe(true);
    const skills = parse(
      (await rawText(await get(`${server.url}/cohorts/${filledId}/report/skills-change.csv`, cookie))).slice(
        1,
      ),
    ) as string[][];
    expect(skills[0]).toEqual([
      "Area",
      "Answered both",
      "Start (paired)",
      "End (paired)",
      "Change",
      "Answered at start",
      "Answered at end",
    ]);
    expect(skills).toHaveLength(10);
    expect((await get(`${server.url}/cohorts/${filledId}/report/nonsense.csv`, cookie)).status).toBe(404);
  });

  it("shows the programme view cohort by cohort", async () => {
    const html = await (
      await get(`${server.url}/programmes/${world.programme.id}/report`, await as("coordinator"))
    ).text();
    expect(html).toContain("Filled cohort");
    expect(html).toContain("Cohort A");
    expect(html).toContain("Pitch results by cohort</caption>");
    expect(html).toContain("Released");
    expect(html).toContain("Not released yet");
    expect(html).toContain("No pitch day yet");
    expect(html).not.toContain("NaN");
  });

  it("shows a sponsor the ranking only once it is published to the cohort, as the pitch-day page says", async () => {
    const event = await server.db
      .selectFrom("pitch_events")
      .where("cohort_id", "=", filledId)
      .select(["id", "ranking_published_at"])
      .executeTakeFirstOrThrow();
    const caption = "Pitch results: ranking, adjusted and raw scores</caption>";
    await server.db
      .updateTable("pitch_events")
      .set({ ranking_published_at: null })
      .where("id", "=", event.id)
      .execute();
    try {
      const sponsor = await as("sponsor");
      const html = await (await get(`${server.url}/cohorts/${filledId}/report`, sponsor)).text();
      expect(html).not.toContain(caption);
      expect(html).toContain("Its ranking will appear here once the coordinator publishes it to the cohort");
      const csv = await rawText(
        await get(`${server.url}/cohorts/${filledId}/report/pitch-results.csv`, sponsor),
      );
      expect(csv).toBe("\uFEFFRank,Team,Adjusted score,Raw score,Sheets counted\n");
      const summary = await (await get(`${server.url}/cohorts/${filledId}/report/summary`, sponsor)).text();
      expect(summary).not.toContain(caption);
      expect(summary).toContain("ranking not published yet");
      // The coordinators still see it, and are told who else does not yet.
      const coordinator = await (
        await get(`${server.url}/cohorts/${filledId}/report`, await as("coordinator"))
      ).text();
      expect(coordinator).toContain(caption);
      expect(coordinator).toContain("Sponsors see the ranking once you publish it to the cohort");
    } finally {
      await server.db
        .updateTable("pitch_events")
        .set({ ranking_published_at: event.ranking_published_at })
        .where("id", "=", event.id)
        .execute();
    }
  });
});

describe("the skills questionnaire", () => {
  const path = () => `/cohorts/${world.cohortA.id}/skills/start`;
  async function questions() {
    return server.db
      .selectFrom("skills_questions")
      .where("cohort_id", "=", world.cohortA.id)
      .select("id")
      .orderBy("position")
      .execute();
  }
  async function answers() {
    return server.db
      .selectFrom("skills_answers")
      .where("person_id", "=", world.people.participant.id)
      .select(["question_id", "confidence"])
      .orderBy("question_id")
      .execute();
  }

  it("refuses an incomplete form, replaces a first answer with a second, and refuses after the deadline", async () => {
    const cookie = await as("participant");
    const qs = await questions();
    expect(qs).toHaveLength(9);
    const partial = await post(`${server.url}${path()}`, { [`q${qs[0]!.id}`]: "3" }, cookie);
    expect(partial.status).toBe(400);
    expect(await partial.text()).toContain("Select how confident you are");
    expect(await answers()).toEqual([]);

    const all = (value: string) => Object.fromEntries(qs.map((q) => [`q${q.id}`, value]));
    expect((await post(`${server.url}${path()}`, all("2"), cookie)).status).toBe(302);
    expect((await post(`${server.url}${path()}`, all("4"), cookie)).status).toBe(302);
    expect((await answers()).map((a) => a.confidence)).toEqual(qs.map(() => 4));

    await server.db
      .updateTable("skills_phases")
      .set({ deadline: "2020-01-01" })
      .where("cohort_id", "=", world.cohortA.id)
      .execute();
    const late = await post(`${server.url}${path()}`, all("5"), cookie);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("has passed: answers are no longer taken");
    expect((await answers()).map((a) => a.confidence)).toEqual(qs.map(() => 4));
  });

  it("refuses to change the questions once the questionnaire has opened", async () => {
    const response = await post(
      `${server.url}/cohorts/${world.cohortA.id}/skills`,
      { intent: "questions", questions: "Only one" },
      await as("coordinator"),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("can no longer change");
  });

  it("shows a deadline problem on that phase's form, keeping what was typed", async () => {
    const response = await post(
      `${server.url}/cohorts/${world.cohortA.id}/skills`,
      {
        intent: "open",
        phase: "end",
        version: "0",
        "deadline.day": "31",
        "deadline.month": "2",
        "deadline.year": "2099",
      },
      await as("coordinator"),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#end-deadline-day"');
    expect(html).toContain("The deadline must be a real date, like 27 3 2027");
    expect(html).toMatch(/id="end-deadline-day"[^>]*value="31"|value="31"[^>]*id="end-deadline-day"/);
  });
});

describe("outcomes and retention settings", () => {
  it("refuses a note without its outcome, and a quiet-team threshold out of range", async () => {
    const cookie = await as("coordinator");
    const outcome = await post(
      `${server.url}/cohorts/${world.cohortA.id}/outcomes/${teamId}`,
      { "6-months.note": "Went quiet" },
      cookie,
    );
    expect(outcome.status).toBe(400);
    expect(await outcome.text()).toContain("Select the outcome 6 months after the programme for this note");
    const health = await post(
      `${server.url}/cohorts/${world.cohortA.id}/health`,
      { quietDays: "0", expected: "14" },
      cookie,
    );
    expect(health.status).toBe(400);
    expect(await health.text()).toContain("Number of days must be between 1 and 365");
  });

  it("records a follow-up and refuses a stale form", async () => {
    const cookie = await as("coordinator");
    const url = `${server.url}/cohorts/${world.cohortA.id}/outcomes/${teamId}`;
    const fields = {
      "3-months.status": "piloted",
      "3-months.note": "Piloted in Leeds",
      "3-months.recordedAt": "",
    };
    expect((await post(url, fields, cookie)).status).toBe(302);
    const stale = await post(url, { ...fields, "3-months.status": "taken-forward" }, cookie);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed this team&#x27;s outcomes");
    const saved = await server.db
      .selectFrom("team_outcomes")
      .where("team_id", "=", teamId)
      .selectAll()
      .execute();
    expect(saved.map((o) => o.status)).toEqual(["piloted"]);
  });

  it("refuses a retention period of zero or less, and keeps the old one", async () => {
    const admin = await as("admin");
    const url = `${server.url}/programmes/${world.programme.id}/retention`;
    const { updated_at } = await server.db
      .selectFrom("programmes")
      .where("id", "=", world.programme.id)
      .select("updated_at")
      .executeTakeFirstOrThrow();
    for (const months of ["0", "-6"]) {
      const response = await post(url, { months, updatedAt: updated_at }, admin);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("must be at least 1 month");
    }
    const row = await server.db
      .selectFrom("programmes")
      .where("id", "=", world.programme.id)
      .select("retention_months")
      .executeTakeFirstOrThrow();
    expect(row.retention_months).toBe(24);
  });
});

describe("personal data", () => {
  it("lets a person download everything held about them, and refuses someone unrelated", async () => {
    const response = await get(
      `${server.url}/people/${world.people.participant.id}/data.json`,
      await as("participant"),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { person: { email: string }; tables: Record<string, unknown[]> };
    expect(body.person.email).toBe("participant@example.test");
    expect(body.tables.memberships).toHaveLength(1);
    expect(
      (await get(`${server.url}/people/${world.people.participant.id}/data.json`, await as("otherCohort")))
        .status,
    ).toBe(403);
  });

  it("anonymises on request, ends the person's sessions, and says so when asked twice", async () => {
    const target = world.otherParticipant.id;
    const theirCookie = await sessionCookieFor(server.db, target);
    expect((await get(`${server.url}/profile`, theirCookie)).status).toBe(200);
    const admin = await as("admin");
    const first = await post(`${server.url}/people/${target}/anonymise`, { confirm: "yes" }, admin);
    expect(first.status).toBe(302);
    expect((await get(`${server.url}/profile`, theirCookie)).status).toBe(302);
    const second = await post(`${server.url}/people/${target}/anonymise`, { confirm: "yes" }, admin);
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("already been anonymised");
  });
});

describe("the audit log", () => {
  it("shows a coordinator their cohorts' entries, filtered and paged", async () => {
    const at = new Date().toISOString();
    await server.db
      .insertInto("audit_events")
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          at,
          actor_person_id: world.people.coordinator.id,
          action: "test.entry",
          subject_type: i % 2 ? "visit" : "cohort",
          subject_id: i,
          cohort_id: world.cohortA.id,
          address: null,
          details: "{}",
        })),
      )
      .execute();
    const cookie = await as("coordinator");
    const page1 = await (await get(`${server.url}/audit`, cookie)).text();
    expect(page1).toContain("govuk-pagination");
    // An action this version does not know reads as a sentence, without its stored name.
    expect(page1).toContain(`${world.people.coordinator.name} made a change`);
    expect(page1).not.toContain("test entry");
    const visits = await (await get(`${server.url}/audit?type=visit`, cookie)).text();
    expect(visits).toContain("15 entries");
    // The filter form as a browser sends it, with the dates left empty.
    const empty = await (
      await get(
        `${server.url}/audit?person=&type=visit&from.day=&from.month=&from.year=&to.day=&to.month=&to.year=`,
        cookie,
      )
    ).text();
    expect(empty).toContain("15 entries");
    expect(empty).not.toContain("govuk-error-summary");
    const otherCohort = await (await get(`${server.url}/audit`, await as("otherCohort"))).text();
    expect(otherCohort).not.toContain(`${world.people.coordinator.name} made a change`);
    const bad = await (
      await get(`${server.url}/audit?from.day=31&from.month=2&from.year=2027`, cookie)
    ).text();
    expect(bad).toContain("must be a real date");
  });
});
