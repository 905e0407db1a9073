// Cohort set-up over real HTTP: uploads that are refused leave the database as it was, contact details stay
// within the cohort, and every calendar file parses with an independent iCalendar parser.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/domain/calendar";
import { cohortSetupWorld } from "../setup/cohort-setup";
import { makeWorld, type World } from "../setup/factories";
import { get, post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World & Awaited<ReturnType<typeof cohortSetupWorld>>;

beforeAll(async () => {
  server = await startServer(async (db) => {
    const made = await makeWorld(db);
    world = { ...made, ...(await cohortSetupWorld(db, made)) };
  });
});
afterAll(async () => {
  await server?.stop();
});

const cookieOf = (who: keyof World["people"]) => sessionCookieFor(server.db, world.people[who].id);

/** The date cohortSetupWorld gives the visit: after the tests run. */
const VISIT_DATE = "2027-01-20";
const moveVisit = (date: string) =>
  server.db.updateTable("visits").set({ date }).where("id", "=", world.visitId).execute();
const base = () => `${server.url}/cohorts/${world.cohortA.id}`;

function upload(cookie: string, body: Uint8Array | string, name = "nominations.csv") {
  const form = new FormData();
  form.append(
    "file",
    new Blob([typeof body === "string" ? body : Uint8Array.from(body)], { type: "text/csv" }),
    name,
  );
  return fetch(`${base()}/nominations/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
    redirect: "manual",
  });
}

async function rowCounts() {
  const count = async (table: "people" | "memberships" | "organisations" | "audit_events") =>
    Number(
      (
        await server.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    people: await count("people"),
    memberships: await count("memberships"),
    organisations: await count("organisations"),
  };
}

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
    };
  });
}

describe("uploading nominations", () => {
  it("refuses files that are empty, not CSV, too big or too long, with a message that says what to fix", async () => {
    const cookie = await cookieOf("coordinator");
    const before = await rowCounts();
    const cases: Array<[Uint8Array | string, string]> = [
      ["", "The file is empty"],
      [
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe]),
        "The file is not a CSV file",
      ],
      ["x".repeat(5 * 1024 * 1024 + 10), "The file must be smaller than 5 MB"],
      [
        [
          "name,email,organisation,sector",
          ...Array.from({ length: 10_000 }, (_, i) => `P ${i},p${i}@x.example,X,industry`),
        ].join("\n"),
        "The file must have fewer than 10,000 rows",
      ],
    ];
    for (const [body, message] of cases) {
      const response = await upload(cookie, body);
      expect(response.status, message).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("previews the demo file's problems with row numbers and writes nothing", async () => {
    const cookie = await cookieOf("coordinator");
    const before = await rowCounts();
    const response = await upload(cookie, readFileSync("tests/fixtures/demo-nominations.csv"));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The file has 2 problems");
    expect(html).toContain("is not an email address");
    expect(html).toContain("Sector “Public sector” is not known");
    // Row 11 repeats row 2 exactly (the email in capitals): Aoife is imported once.
    expect(html).toContain("Row 11 (AOIFE.BRENNAN@hmrc.example) is the same as row 2");
    expect(await rowCounts()).toEqual(before);
  });

  it("imports a corrected file once the coordinator agrees to create the missing organisation", async () => {
    const cookie = await cookieOf("coordinator");
    const csv = readFileSync("tests/fixtures/demo-nominations-corrected.csv", "utf8")
      .replaceAll(
        /HM Revenue & Customs|Department for Work and Pensions|Home Office|Ministry of Justice|Scottish Government|Kestrel Systems|Thistle Networks|Lagan Digital|Brightwater Consulting/g,
        "Northwind Labs",
      )
      .replaceAll(",government,", ",industry,");
    const before = await rowCounts();
    const refused = await post(`${base()}/nominations/import`, { csv, fileName: "n.csv" }, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Select “Create Northwind Labs”");
    expect(await rowCounts()).toEqual(before);
    const done = await post(
      `${base()}/nominations/import`,
      {
        csv,
        fileName: "n.csv",
        create: "Northwind Labs",
        "regions[0]": "scotland",
        overQuota: "Northwind Labs",
      },
      cookie,
    );
    expect(done.status).toBe(302);
    const after = await rowCounts();
    expect(after.people).toBe(before.people + 12);
    expect(after.organisations).toBe(before.organisations + 1);
    const again = await post(`${base()}/nominations/import`, { csv, fileName: "n.csv" }, cookie);
    expect(again.status).toBe(302);
    expect(await rowCounts()).toEqual(after);
  });
});

/** The page's text as a person reads it: without React's text separators, tags and the entities used here. */
function visible(html: string) {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

const HEADER = "name,email,organisation,sector,role,job_title,profession,line_manager_email";

describe("importing over people already in the cohort", () => {
  const confirm = (csv: string, cookie: string, extra: Record<string, string> = {}) =>
    post(`${base()}/nominations/import`, { csv, fileName: "again.csv", ...extra }, cookie);
  const person = (email: string) =>
    server.db
      .selectFrom("people")
      .where("email_key", "=", email)
      .select(["name", "job_title", "profession"])
      .executeTakeFirst();

  it("keeps a job title and profession left blank, and previews each change as old → new", async () => {
    const cookie = await cookieOf("coordinator");
    const department = world.government.name;
    const first = [
      HEADER,
      `Rhea Keep,rhea.keep@example.test,${department},government,participant,Policy adviser,Policy,lm.one@example.test`,
    ].join("\n");
    expect((await confirm(first, cookie)).status).toBe(302);
    const second = [
      HEADER,
      `Rhea Keeping,rhea.keep@example.test,${department},government,,,,lm.two@example.test`,
    ].join("\n");
    const checked = await upload(cookie, second, "again.csv");
    expect(checked.status).toBe(200);
    const page = visible(await checked.text());
    expect(page).toContain("Name: Rhea Keep → Rhea Keeping");
    expect(page).toContain("Line manager email: lm.one@example.test → lm.two@example.test");
    expect(page).not.toContain("Job title:");
    expect(page).not.toContain("Profession:");
    expect((await confirm(second, cookie)).status).toBe(302);
    expect(await person("rhea.keep@example.test")).toEqual({
      name: "Rhea Keeping",
      job_title: "Policy adviser",
      profession: "Policy",
    });
    // The blank role kept her a participant: she did not become anything else.
    const roles = await server.db
      .selectFrom("memberships")
      .innerJoin("people", "people.id", "memberships.person_id")
      .where("people.email_key", "=", "rhea.keep@example.test")
      .select(["memberships.role", "memberships.line_manager_email"])
      .execute();
    expect(roles).toEqual([{ role: "participant", line_manager_email: "lm.two@example.test" }]);
  });

  it("merges a row that repeats another, leaves out rows that disagree, and imports the rest", async () => {
    const cookie = await cookieOf("coordinator");
    const department = world.government.name;
    const csv = [
      HEADER,
      `Dee Double,dee.double@example.test,${department},government,participant,Analyst,Data,`,
      `Cal Clash,cal.clash@example.test,${department},government,participant,Analyst,Data,`,
      `Dee Double,DEE.DOUBLE@example.test,${department},government,participant,Analyst,Data,`,
      `Cal Clash,cal.clash@example.test,${department},government,participant,Senior analyst,Data,`,
      `Una Single,una.single@example.test,${department},government,participant,,,`,
    ].join("\n");
    const checked = await upload(cookie, csv);
    expect(checked.status).toBe(200);
    const page = visible(await checked.text());
    expect(page).toContain("2 rows to import");
    expect(page).toContain("Row 4 (DEE.DOUBLE@example.test) is the same as row 2");
    expect(page).toContain(
      "Rows 3 and 5 are both for cal.clash@example.test but give a different job title: keep one row for this person and upload the file again to import them",
    );
    expect(page).toContain("Confirm and import 2 rows");
    expect((await confirm(csv, cookie)).status).toBe(302);
    expect(await person("dee.double@example.test")).toMatchObject({ name: "Dee Double" });
    expect(await person("una.single@example.test")).toMatchObject({ name: "Una Single" });
    expect(await person("cal.clash@example.test")).toBeUndefined();
  });

  it("warns when an organisation would go over its quota, and imports only once the coordinator confirms", async () => {
    const cookie = await cookieOf("coordinator");
    const company = world.industry.name;
    const csv = [
      HEADER,
      ...["Ann", "Ben", "Cat"].map(
        (n) => `${n} Quota,${n.toLowerCase()}.quota@example.test,${company},industry,,,,`,
      ),
    ].join("\n");
    const warning = `${company} will have 3 nominations, over its quota of 2`;
    const checked = await upload(cookie, csv);
    expect(checked.status).toBe(200);
    const page = visible(await checked.text());
    expect(page).toContain(`Warning ${warning}.`);
    expect(page).toContain(`I understand ${warning}`);
    const before = await rowCounts();
    const refused = await confirm(csv, cookie);
    expect(refused.status).toBe(400);
    const raw = await refused.text();
    expect(raw).toMatch(/<title>Error: /);
    const html = visible(raw);
    expect(html).toContain(
      `Confirm that ${warning}, or take rows out of your spreadsheet and upload it again`,
    );
    expect(await rowCounts()).toEqual(before);
    expect((await confirm(csv, cookie, { overQuota: company })).status).toBe(302);
    expect((await rowCounts()).people).toBe(before.people + 3);
    // The same file again adds nobody: there is nothing more to confirm.
    expect(visible(await (await upload(cookie, csv)).text())).not.toContain("over its quota");
  });
});

describe("contact details", () => {
  it("shows the host contact's email to the coordinator but not to participants; other cohorts see nothing", async () => {
    const url = `${base()}/visits/${world.visitId}`;
    const coordinator = await (await get(url, await cookieOf("coordinator"))).text();
    expect(coordinator).toContain("hana.host@example.test");
    const participant = await get(url, await cookieOf("participant"));
    expect(participant.status).toBe(200);
    const html = await participant.text();
    expect(html).toContain("Hana Host");
    expect(html).not.toContain("hana.host@example.test");
    expect(html).not.toContain("Record attendance");
    const outsider = await get(url, await sessionCookieFor(server.db, world.otherParticipant.id));
    expect(outsider.status).toBe(403);
    expect(await outsider.text()).not.toContain("Hana Host");
  });

  it("lets the host's contact record attendance when they use Tandem", async () => {
    const host = await server.db
      .insertInto("people")
      .values({
        name: "Hana Host",
        email: "hana.host@example.test",
        email_key: "hana.host@example.test",
        organisation_id: world.industry.id,
        job_title: null,
        profession: null,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto("accounts")
      .values({ person_id: host.id, created_at: "2026-01-01T00:00:00Z" })
      .execute();
    await server.db
      .insertInto("memberships")
      .values({
        cohort_id: world.cohortA.id,
        person_id: host.id,
        role: "mentor",
        created_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    const cookie = await sessionCookieFor(server.db, host.id);
    // Attendance is recorded once the visit has started: the visit is moved into the past for this test.
    await moveVisit("2026-11-18");
    expect((await get(`${base()}/visits/${world.visitId}/attendance`, cookie)).status).toBe(200);
    const saved = await post(
      `${base()}/visits/${world.visitId}/attendance`,
      { "attendance[0].personId": String(world.people.participant.id), "attendance[0].status": "apologies" },
      cookie,
    );
    expect(saved.status).toBe(302);
    const row = await server.db
      .selectFrom("attendance")
      .where("visit_id", "=", world.visitId)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_id: world.people.participant.id,
      status: "apologies",
      recorded_by: host.id,
    });
    // A mentor who is not the host's contact may not.
    expect((await get(`${base()}/visits/${world.visitId}/attendance`, await cookieOf("mentor"))).status).toBe(
      403,
    );
    await server.db.deleteFrom("attendance").where("visit_id", "=", world.visitId).execute();
    await moveVisit(VISIT_DATE);
  });
});

describe("recording attendance", () => {
  const attendance = () => `${base()}/visits/${world.visitId}/attendance`;
  const recorded = () =>
    server.db.selectFrom("attendance").where("visit_id", "=", world.visitId).select("person_id").execute();
  const pat = () => String(world.people.participant.id);

  it("says when attendance at a visit to come can be recorded, refuses it, and counts none recorded early", async () => {
    const cookie = await cookieOf("coordinator");
    const page = visible(await (await get(attendance(), cookie)).text());
    expect(page).toContain(
      "You can record attendance from 10am on Wednesday 20 January 2027, when the visit starts.",
    );
    expect(page).not.toContain("Save attendance");
    const refused = await post(
      attendance(),
      { "attendance[0].personId": pat(), "attendance[0].status": "attended" },
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(visible(await refused.text())).toContain(
      "This visit has not started yet. You can record attendance from 10am on Wednesday 20 January 2027",
    );
    expect(await recorded()).toEqual([]);
    // A record made for the visit before this rule: the attendance page and the report leave it out.
    await server.db
      .insertInto("attendance")
      .values({
        visit_id: world.visitId,
        person_id: world.people.participant.id,
        status: "attended",
        recorded_by: null,
        recorded_at: "2026-11-02T10:00:00.000Z",
      })
      .execute();
    try {
      const register = visible(await (await get(`${base()}/attendance`, cookie)).text());
      expect(register).toContain("No attendance has been recorded yet.");
      const report = visible(await (await get(`${base()}/report`, cookie)).text());
      expect(report).toContain("No attendance has been recorded for this cohort's visits yet.");
    } finally {
      await server.db.deleteFrom("attendance").where("visit_id", "=", world.visitId).execute();
    }
  });

  it("leaves a participant whose line manager declined their release off the register, and refuses them", async () => {
    const cookie = await cookieOf("coordinator");
    const membership = () =>
      server.db
        .updateTable("memberships")
        .where("cohort_id", "=", world.cohortA.id)
        .where("person_id", "=", world.people.participant.id)
        .where("role", "=", "participant");
    await moveVisit("2026-11-18");
    await membership().set({ release_status: "declined" }).execute();
    try {
      const page = visible(await (await get(attendance(), cookie)).text());
      expect(page).toContain("Save attendance");
      expect(page).toContain(
        "Not on the register Their line manager declined their release, so their attendance is not recorded: Pat Participant",
      );
      const refused = await post(
        attendance(),
        { "attendance[0].personId": pat(), "attendance[0].status": "attended" },
        cookie,
      );
      expect(refused.status).toBe(400);
      expect(visible(await refused.text())).toContain(
        "Pat Participant’s line manager declined their release, so their attendance cannot be recorded",
      );
      expect(await recorded()).toEqual([]);
    } finally {
      await membership().set({ release_status: "requested" }).execute();
      await moveVisit(VISIT_DATE);
    }
  });
});

describe("the schedule", () => {
  it("shows a participant their cohort's weeks with this week highlighted", async () => {
    const monday = new Date(`${todayInLondon()}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
    const start = monday.toISOString().slice(0, 10);
    await server.db
      .updateTable("cohorts")
      .set({ start_date: start })
      .where("id", "=", world.cohortB.id)
      .execute();
    const response = await get(
      `${server.url}/cohorts/${world.cohortB.id}/schedule`,
      await sessionCookieFor(server.db, world.otherParticipant.id),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(
      /<li class="tandem-week tandem-week--current" aria-current="date"><h2[^>]*>Week (<!-- -->)?2/,
    );
    expect(html.match(/This week/g)).toHaveLength(1);
    expect(html).toContain("Kick-off");
  });
});

describe("calendar files", () => {
  it("gives the coordinator the whole cohort as .ics: four milestones and the visit, in UTC", async () => {
    const response = await get(`${base()}/calendar.ics`, await cookieOf("coordinator"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const list = events(await response.text());
    expect(list).toHaveLength(5);
    expect(list.filter((e) => e.allDay)).toHaveLength(4);
    expect(list.find((e) => e.uid === `visit-${world.visitId}@tandem`)).toMatchObject({
      start: "2027-01-20T10:00:00.000Z",
      sequence: 0,
    });
  });

  it("raises SEQUENCE when a visit moves and marks a cancelled visit as cancelled", async () => {
    const cookie = await cookieOf("coordinator");
    const version = (
      await server.db
        .selectFrom("visits")
        .where("id", "=", world.visitId)
        .select("version")
        .executeTakeFirstOrThrow()
    ).version;
    // 29 March 2027 is Easter Monday in England: refused.
    const holiday = await post(
      `${base()}/visits/${world.visitId}/edit`,
      {
        "date.day": "29",
        "date.month": "3",
        "date.year": "2027",
        startTime: "10:00",
        endTime: "16:00",
        version: String(version),
      },
      cookie,
    );
    expect(holiday.status).toBe(400);
    expect(await holiday.text()).toContain("is a bank holiday where");
    const moved = await post(
      `${base()}/visits/${world.visitId}/edit`,
      {
        "date.day": "3",
        "date.month": "2",
        "date.year": "2027",
        startTime: "09:30",
        endTime: "15:30",
        version: String(version),
      },
      cookie,
    );
    expect(moved.status).toBe(302);
    const one = events(await (await get(`${base()}/visits/${world.visitId}/calendar.ics`, cookie)).text());
    expect(one).toEqual([
      {
        uid: `visit-${world.visitId}@tandem`,
        start: "2027-02-03T09:30:00.000Z",
        allDay: false,
        sequence: 1,
        status: "CONFIRMED",
      },
    ]);
  });

  it("serves a personal feed by token, refusing unknown tokens", async () => {
    const feed = await get(`${server.url}/calendar/${world.feedToken}.ics`);
    expect(feed.status).toBe(200);
    expect(events(await feed.text()).length).toBeGreaterThanOrEqual(5);
    expect((await get(`${server.url}/calendar/not-a-real-token-at-all-0123456789.ics`)).status).toBe(404);
    expect(
      (await get(`${server.url}/calendar/${world.feedToken}/cohorts/${world.cohortB.id}.ics`)).status,
    ).toBe(404);
  });

  it("resets a person's feed from their profile: the old address stops working", async () => {
    const cookie = await cookieOf("participant");
    const made = await post(`${server.url}/profile`, {}, cookie);
    expect(made.status).toBe(302);
    const page = await (await get(`${server.url}/profile`, cookie)).text();
    const url = /(http:\/\/[^<"]+\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(page)?.[1];
    expect(url).toBeDefined();
    expect((await get(url!.replace(/^http:\/\/[^/]+/, server.url))).status).toBe(200);
    // Shown once only.
    expect(await (await get(`${server.url}/profile`, cookie)).text()).not.toContain("/calendar/");
    await post(`${server.url}/profile`, {}, cookie);
    expect((await get(url!.replace(/^http:\/\/[^/]+/, server.url))).status).toBe(404);
  });
});
