// Double submission over real HTTP (issue 13 finding 8): every form that creates a record carries a one-time key,
// and the same form sent three times at once with the key its page carries creates one record and answers every
// copy with the same redirect. A fresh page carries a fresh key, and a form shown again with its errors carries one.
// (Forms that change a record they were drawn at a version of need no key: a repeat is a conflict.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { addOrganisationToCohort } from "~/models/cohort-organisation.server";
import { addPanelMember, createPitchEvent, replaceSlots } from "~/models/pitch.server";
import { getStatement, submitStatement } from "~/models/problem-statement.server";
import { makePitchDayCohort, makeWorld, PITCH_DAY, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams, startCohortFiveWeeksAgo } from "../setup/mentoring";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let m: MentoringWorld;
/** A cohort with teams, senior leaders and no pitch day yet. */
let fresh: Awaited<ReturnType<typeof makePitchDayCohort>>;
/** A cohort with a pitch day: its teams in the running order, its first leader on the panel. */
let pitch: Awaited<ReturnType<typeof makePitchDayCohort>> & { eventId: number };

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await startCohortFiveWeeksAgo(db, world.cohortA.id);
    m = await makeMentoringTeams(db, world);
    // Both teams' statements wait for their mentors' reviews.
    await db.transaction().execute(async (tx) => {
      for (const team of [m.team1, m.team2]) {
        const statement = await getStatement(tx, team);
        await submitStatement(tx, statement!.id, statement!.version);
      }
      // Cohort B has a host without a visit, for the visit planner.
      await addOrganisationToCohort(tx, world.cohortB.id, world.industry, { hostsVisit: true });
    });
    fresh = await makePitchDayCohort(db, world.programme.id, "Fresh");
    const made = await makePitchDayCohort(db, world.programme.id, "Panel");
    const eventId = await db.transaction().execute(async (tx) => {
      const event = await createPitchEvent(tx, made.cohort.id, PITCH_DAY);
      await replaceSlots(
        tx,
        event.id,
        made.teams.map((t) => t.id),
        null,
      );
      await addPanelMember(tx, event.id, made.leaders[0]!.id);
      return event.id;
    });
    pitch = { ...made, eventId };
  });
});
afterAll(async () => {
  await server?.stop();
});

const cohortA = () => `/cohorts/${world.cohortA.id}`;
const teamPath = (teamId: number) => `${cohortA()}/teams/${teamId}`;

/** How many rows of `table` match `where` (column = value). */
async function rows(
  table:
    | "programmes"
    | "cohorts"
    | "cohort_organisations"
    | "memberships"
    | "mentoring_sessions"
    | "session_private_notes"
    | "visits"
    | "people"
    | "pitch_events"
    | "panel_members"
    | "declared_conflicts"
    | "team_constraints"
    | "statement_reviews"
    | "one_time_links",
  where?: [string, number],
) {
  let query = server.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
  // biome-ignore lint/suspicious/noExplicitAny: the column is one of the table's, named by the case.
  if (where) query = query.where(where[0] as any, "=", where[1]);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

const audited = async (action: string) =>
  Number(
    (
      await server.db
        .selectFrom("audit_events")
        .where("action", "=", action)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const version = async (table: "cohorts" | "pitch_events", id: number) => {
  if (table === "cohorts")
    return String(
      (
        await server.db
          .selectFrom("cohorts")
          .where("id", "=", id)
          .select("teams_version")
          .executeTakeFirstOrThrow()
      ).teams_version,
    );
  return String(
    (
      await server.db
        .selectFrom("pitch_events")
        .where("id", "=", id)
        .select("version")
        .executeTakeFirstOrThrow()
    ).version,
  );
};

function dateFields(prefix: string, date: string) {
  const [y, mo, d] = date.split("-");
  return {
    [`${prefix}.day`]: String(Number(d)),
    [`${prefix}.month`]: String(Number(mo)),
    [`${prefix}.year`]: y!,
  };
}

const yesterday = () =>
  new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The one-time key a page's form carries. */
const keyOn = (html: string) => /name="once" value="([0-9a-f]+)"/.exec(html)?.[1];

const IMPORT_CSV = [
  "name,email,organisation,sector,role",
  "Imogen Once,imogen.once@example.test,Once Imports Ltd,industry,participant",
  "Isaac Once,isaac.once@example.test,Once Imports Ltd,industry,participant",
].join("\n");

type Case = {
  /** The form, as the person using it would name it. */
  form: string;
  /** Who uses it: a person of the world, or nobody signed in. */
  who: () => number | null;
  /** The page that shows the form (and, unless `action` says otherwise, takes its post). */
  page: () => string;
  action?: () => string;
  /** How the page is drawn, when not by a GET: the nominations import shows its form after an upload. */
  draw?: (cookie: string | undefined) => Promise<Response>;
  fields: () => Promise<Record<string, string>> | Record<string, string>;
  /** The records the form creates: one submission adds `made` of them (one unless said). */
  records: () => Promise<number>;
  made?: number;
  /** The audit event one submission writes (once however often it is sent). */
  audit: string;
};

const CASES: Case[] = [
  {
    form: "new programme",
    who: () => world.people.admin.id,
    page: () => "/programmes/new",
    fields: () => ({ name: "Once Programme", description: "Made once" }),
    records: () => rows("programmes"),
    audit: "programme.created",
  },
  {
    form: "new cohort",
    who: () => world.people.admin.id,
    page: () => `/programmes/${world.programme.id}/cohorts/new`,
    fields: () => ({
      name: "Once Cohort",
      ...dateFields("startDate", "2027-01-04"),
      weeks: "12",
      teamCount: "6",
      status: "planning",
    }),
    records: () => rows("cohorts"),
    audit: "cohort.created",
  },
  {
    form: "new organisation",
    who: () => world.people.coordinator.id,
    page: () => `${cohortA()}/organisations/new`,
    fields: () => ({ name: "Once Organisation", sector: "industry", kind: "company", region: "scotland" }),
    records: () => rows("cohort_organisations", ["cohort_id", world.cohortA.id]),
    audit: "cohort.organisation_added",
  },
  {
    form: "invite a person",
    who: () => world.people.coordinator.id,
    page: () => `${cohortA()}/people/invite`,
    fields: () => ({ name: "Ivy Once", email: "ivy.once@example.test", role: "participant" }),
    records: () => rows("memberships", ["cohort_id", world.cohortA.id]),
    audit: "role.granted",
  },
  {
    form: "confirm a nominations import",
    who: () => world.people.coordinator.id,
    page: () => `${cohortA()}/nominations/import`,
    draw: (cookie) => {
      const form = new FormData();
      form.append("file", new Blob([IMPORT_CSV], { type: "text/csv" }), "once.csv");
      return fetch(`${server.url}${cohortA()}/nominations/import`, {
        method: "POST",
        body: form,
        headers: cookie ? { Cookie: cookie } : {},
        redirect: "manual",
      });
    },
    fields: () => ({
      csv: IMPORT_CSV,
      fileName: "once.csv",
      create: "Once Imports Ltd",
      "regions[0]": "scotland",
    }),
    records: () => rows("people"),
    made: 2,
    audit: "nominations.imported",
  },
  {
    form: "plan company visits",
    who: () => world.people.otherCohort.id,
    page: () => `/cohorts/${world.cohortB.id}/visits/plan`,
    fields: () => ({ intent: "save" }),
    records: () => rows("visits", ["cohort_id", world.cohortB.id]),
    audit: "visits.planned",
  },
  {
    form: "log a mentoring session",
    who: () => world.people.mentor.id,
    page: () => `${teamPath(m.team1)}/sessions/new`,
    fields: () => ({
      ...dateFields("date", yesterday()),
      duration: "45",
      format: "video",
      attendees: String(world.people.participant.id),
      summary: "We chose to look at refunds",
      "actions[0].text": "",
    }),
    records: () => rows("mentoring_sessions", ["team_id", m.team1]),
    audit: "mentoring.session_logged",
  },
  {
    form: "add a private note to a session",
    who: () => world.people.mentor.id,
    page: () => `${teamPath(m.team1)}/sessions/${m.session1}`,
    fields: () => ({ intent: "note", note: "Pat has found time for the interviews" }),
    records: () => rows("session_private_notes", ["session_id", m.session1]),
    audit: "mentoring.private_note_added",
  },
  {
    form: "review a problem statement",
    who: () => world.people.mentor.id,
    page: () => `${teamPath(m.team1)}/statement`,
    fields: () => ({
      intent: "review",
      version: "1",
      decision: "approved",
      comment: "Clear and well evidenced",
    }),
    records: () => rows("statement_reviews"),
    audit: "statement.reviewed",
  },
  {
    form: "approve a problem statement on the mentors' behalf",
    who: () => world.people.coordinator.id,
    page: () => `${teamPath(m.team2)}/statement`,
    fields: () => ({ intent: "approve-on-behalf", version: "1", reason: "Both mentors are away" }),
    // Both of team 2's mentors' approvals.
    records: () => rows("statement_reviews"),
    made: 2,
    audit: "statement.approved_on_behalf",
  },
  {
    form: "keep two people apart",
    who: () => world.people.coordinator.id,
    page: () => `${cohortA()}/teams/keep-apart`,
    fields: async () => ({
      intent: "add",
      version: await version("cohorts", world.cohortA.id),
      personA: String(world.people.participant.id),
      personB: String(m.other1.id),
    }),
    records: () => rows("team_constraints", ["cohort_id", world.cohortA.id]),
    audit: "team.keep_apart_added",
  },
  {
    form: "set up the pitch day",
    who: () => fresh.coordinator.id,
    page: () => `/cohorts/${fresh.cohort.id}/pitch-day/event`,
    fields: () => ({
      ...dateFields("date", "2099-03-25"),
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
    }),
    records: () => rows("pitch_events", ["cohort_id", fresh.cohort.id]),
    audit: "pitch_day.created",
  },
  {
    form: "add a senior leader to the panel",
    who: () => pitch.coordinator.id,
    page: () => `/cohorts/${pitch.cohort.id}/pitch-day/panel`,
    fields: async () => ({
      intent: "add",
      version: await version("pitch_events", pitch.eventId),
      personId: String(pitch.leaders[1]!.id),
    }),
    records: () => rows("panel_members", ["event_id", pitch.eventId]),
    audit: "pitch_day.panel_added",
  },
  {
    form: "declare a conflict with a team",
    who: () => pitch.leaders[0]!.id,
    page: () => `/cohorts/${pitch.cohort.id}/pitch-day/scoring`,
    fields: () => ({ teamId: String(pitch.teams[1]!.id), reason: "I line-manage one of its members" }),
    records: () => rows("declared_conflicts", ["event_id", pitch.eventId]),
    audit: "pitch_day.conflict_declared",
  },
  {
    form: "ask for a password reset link",
    who: () => null,
    page: () => "/forgotten-password",
    fields: () => ({ email: "participant@example.test" }),
    records: () => rows("one_time_links", ["person_id", world.people.participant.id]),
    audit: "password.reset_requested",
  },
];

const cookieOf = async (who: number | null) => (who === null ? undefined : sessionCookieFor(server.db, who));

describe("a form that creates a record, sent three times at once", () => {
  for (const c of CASES) {
    it(`${c.form}: creates it once and answers every copy with the same redirect`, async () => {
      const cookie = await cookieOf(c.who());
      const page = await (c.draw ?? ((k) => get(`${server.url}${c.page()}`, k)))(cookie);
      expect(page.status).toBe(200);
      const once = keyOn(await page.text());
      expect(once, "the form carries a one-time key").toBeDefined();
      const fields = { ...(await c.fields()), once: once! };
      const before = { records: await c.records(), audit: await audited(c.audit) };
      const url = `${server.url}${(c.action ?? c.page)()}`;
      const sent = await Promise.all([1, 2, 3].map(() => post(url, fields, cookie)));
      expect(sent.map((r) => r.status)).toEqual([302, 302, 302]);
      expect(new Set(sent.map((r) => r.headers.get("location"))).size).toBe(1);
      expect(await c.records()).toBe(before.records + (c.made ?? 1));
      expect(await audited(c.audit)).toBe(before.audit + 1);
    });
  }
});

describe("keys", () => {
  it("a fresh page carries a fresh key: the same note sent from it is a second note, as meant", async () => {
    const mentor = await cookieOf(world.people.mentor.id);
    const page = `${server.url}${teamPath(m.team1)}/sessions/${m.session1}`;
    const fields = { intent: "note", note: "Sent from two pages" };
    const before = await rows("session_private_notes", ["session_id", m.session1]);
    const first = keyOn(await (await get(page, mentor)).text())!;
    expect((await post(page, { ...fields, once: first }, mentor)).status).toBe(302);
    const second = keyOn(await (await get(page, mentor)).text())!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await post(page, { ...fields, once: second }, mentor)).status).toBe(302);
    // The first page's key again makes nothing.
    expect((await post(page, { ...fields, once: first }, mentor)).status).toBe(302);
    expect(await rows("session_private_notes", ["session_id", m.session1])).toBe(before + 2);
  });

  it("a form shown again with its errors carries a key, which then creates the record once", async () => {
    const admin = await cookieOf(world.people.admin.id);
    const url = `${server.url}/programmes/new`;
    const drawn = keyOn(await (await get(url, admin)).text())!;
    const refused = await post(url, { name: "", once: drawn }, admin);
    expect(refused.status).toBe(400);
    const once = keyOn(await refused.text());
    expect(once).toBeDefined();
    const before = await rows("programmes");
    const sent = await Promise.all(
      [1, 2, 3].map(() => post(url, { name: "Corrected Programme", once: once! }, admin)),
    );
    expect(sent.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await rows("programmes")).toBe(before + 1);
  });

  it("a key is the person's own: someone else sending it creates their own record", async () => {
    const url = `${server.url}${teamPath(m.team1)}/sessions/${m.session1}`;
    const mentor = await cookieOf(world.people.mentor.id);
    const once = keyOn(await (await get(url, mentor)).text())!;
    const before = await rows("session_private_notes", ["session_id", m.session1]);
    expect((await post(url, { intent: "note", note: "Mine", once }, mentor)).status).toBe(302);
    const other = await cookieOf(m.govMentor1.id);
    expect((await post(url, { intent: "note", note: "Theirs", once }, other)).status).toBe(302);
    expect(await rows("session_private_notes", ["session_id", m.session1])).toBe(before + 2);
  });
});
