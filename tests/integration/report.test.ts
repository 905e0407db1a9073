// The report's figures against figures counted straight from the rows with SQL; personal data export and
// retention against a real SQLite database.
import { parse } from "csv-parse/sync";
import { differenceInCalendarDays, parseISO } from "date-fns";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { weightedTotal } from "~/domain/pitch-scoring";
import { cohortReport, cohortReportTables, programmeFigures } from "~/domain/report";
import { dueForAnonymisation } from "~/domain/retention";
import {
  anonymisePerson,
  exportPersonalData,
  PEOPLE_REFERENCES,
  retentionCandidates,
} from "~/models/personal-data.server";
import { resultsOf } from "~/models/pitch.server";
import { cohortReportRows, programmeCohortRows } from "~/models/report.server";
import { csvResponse } from "~/utils/csv-response.server";
import type { Db } from "../../db/connection";
import { tablesReferencing } from "../../db/introspect";
import { memoryDb } from "../setup/db";
import { makeCohort, makeMember, makeProgramme } from "../setup/factories";
import { fillReportCohort } from "../setup/report";

let db: Db;
let cohortId: number;
let programmeId: number;
let filled: Awaited<ReturnType<typeof fillReportCohort>>;

beforeAll(async () => {
  db = await memoryDb();
  const programme = await makeProgramme(db, "Report programme");
  programmeId = programme.id;
  cohortId = (await makeCohort(db, programme.id, { name: "Report cohort", startDate: "2027-01-04" })).id;
  filled = await fillReportCohort(db, cohortId);
});

type Row = Record<string, number | string | null>;
const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows as Row[];

describe("the cohort report's figures", () => {
  it("counts participants by sector and organisation as the rows do", async () => {
    const report = cohortReport(await cohortReportRows(db, cohortId));
    const bySector = await rows(sql`
      select o.sector, count(*) as n from memberships m join people p on p.id = m.person_id
      join organisations o on o.id = p.organisation_id
      where m.cohort_id = ${cohortId} and m.role = 'participant' group by o.sector order by o.sector`);
    expect(report.composition.total).toBe(30);
    expect(report.composition.sector.map((r) => [r.label.toLowerCase(), r.count]).sort()).toEqual(
      bySector.map((r) => [r.sector, Number(r.n)]),
    );
    const byOrganisation = await rows(sql`
      select o.name, count(*) as n from memberships m join people p on p.id = m.person_id
      join organisations o on o.id = p.organisation_id
      where m.cohort_id = ${cohortId} and m.role = 'participant' group by o.name`);
    for (const r of byOrganisation) {
      const found = report.composition.organisation.find((c) => c.label === r.name);
      expect(found?.count).toBe(Number(r.n));
      expect(found?.percent).toBeCloseTo((100 * Number(r.n)) / 30);
    }
  });

  it("counts attendance per visit over active participants, leaving out the cancelled visit", async () => {
    const report = cohortReport(await cohortReportRows(db, cohortId));
    const perVisit = await rows(sql`
      select v.id, sum(case when a.status = 'attended' then 1 else 0 end) as attended, count(*) as recorded
      from attendance a join visits v on v.id = a.visit_id
      join memberships m on m.person_id = a.person_id and m.cohort_id = v.cohort_id and m.role = 'participant'
      where v.cohort_id = ${cohortId} and v.status != 'cancelled' and m.withdrawn_at is null
      group by v.id order by v.date`);
    expect(report.attendance.visits.map((v) => [v.visitId, v.attended, v.recorded])).toEqual(
      perVisit.map((r) => [r.id, Number(r.attended), Number(r.recorded)]),
    );
    expect(report.attendance.visits).toHaveLength(3);
    const total = perVisit.reduce((s, r) => s + Number(r.recorded), 0);
    const attended = perVisit.reduce((s, r) => s + Number(r.attended), 0);
    expect(report.attendance.rate).toBeCloseTo((100 * attended) / total);
    expect(report.attendance.people).toHaveLength(28);
  });

  it("pairs skills answers per person as a SQL self-join does", async () => {
    const report = cohortReport(await cohortReportRows(db, cohortId));
    const paired = await rows(sql`
      select s.question_id as q, count(*) as n, avg(s.confidence) as start, avg(e.confidence) as "end",
        avg(e.confidence - s.confidence) as change
      from skills_answers s join skills_answers e
        on e.person_id = s.person_id and e.question_id = s.question_id and e.phase = 'end'
      join memberships m on m.person_id = s.person_id and m.cohort_id = s.cohort_id and m.role = 'participant'
      where s.cohort_id = ${cohortId} and s.phase = 'start' and m.withdrawn_at is null
      group by s.question_id order by s.question_id`);
    expect(report.skills.areas).toHaveLength(paired.length);
    for (const [i, r] of paired.entries()) {
      const area = report.skills.areas[i]!;
      expect(area.questionId).toBe(r.q);
      expect(area.pairedN).toBe(Number(r.n));
      expect(area.pairedStartMean).toBeCloseTo(Number(r.start));
      expect(area.pairedEndMean).toBeCloseTo(Number(r.end));
      expect(area.change).toBeCloseTo(Number(r.change));
    }
    const [respondents] = await rows(sql`
      select count(distinct s.person_id) as n from skills_answers s
      join memberships m on m.person_id = s.person_id and m.cohort_id = s.cohort_id and m.role = 'participant'
      where s.cohort_id = ${cohortId} and s.phase = 'start' and m.withdrawn_at is null`);
    expect(report.skills.startRespondents).toBe(Number(respondents!.n));
    expect(report.skills.startRate).toBeCloseTo((100 * Number(respondents!.n)) / 28);
  });

  it("leaves out attendance recorded at a visit that has not started, in the report and the programme view", async () => {
    const before = {
      cohort: cohortReport(await cohortReportRows(db, cohortId)).attendance,
      programme: programmeFigures(await programmeCohortRows(db, programmeId))[0]?.attendanceRate,
    };
    // A record made before the rule, for a visit still to come (a year after today): it must not count.
    const host = await db
      .selectFrom("visits")
      .where("cohort_id", "=", cohortId)
      .select("organisation_id")
      .executeTakeFirstOrThrow();
    const next = `${new Date().getUTCFullYear() + 1}-06-09`;
    const at = new Date().toISOString();
    const visit = await db
      .insertInto("visits")
      .values({
        cohort_id: cohortId,
        organisation_id: host.organisation_id,
        date: next,
        start_time: "10:00",
        end_time: "16:00",
        address: null,
        agenda: null,
        contact_name: null,
        contact_email: null,
        cancel_reason: null,
        status: "confirmed",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const participants = await db
      .selectFrom("memberships")
      .where("cohort_id", "=", cohortId)
      .where("role", "=", "participant")
      .where("withdrawn_at", "is", null)
      .select("person_id")
      .execute();
    await db
      .insertInto("attendance")
      .values(
        participants.map((p) => ({
          visit_id: visit.id,
          person_id: p.person_id,
          status: "absent" as const,
          recorded_by: null,
          recorded_at: at,
        })),
      )
      .execute();
    try {
      expect(cohortReport(await cohortReportRows(db, cohortId)).attendance).toEqual(before.cohort);
      expect(programmeFigures(await programmeCohortRows(db, programmeId))[0]?.attendanceRate).toBe(
        before.programme,
      );
    } finally {
      await db.deleteFrom("attendance").where("visit_id", "=", visit.id).execute();
      await db.deleteFrom("visits").where("id", "=", visit.id).execute();
    }
  });

  it("counts outcomes and programme completion as the rows do", async () => {
    const report = cohortReport(await cohortReportRows(db, cohortId));
    expect(report.outcomes.counts["3-months"]).toMatchObject({
      "under-consideration": 1,
      "not-taken-forward": 1,
      notRecorded: 1,
    });
    const [figures] = programmeFigures(await programmeCohortRows(db, programmeId));
    expect(figures).toMatchObject({ participants: 30, completed: 28, teams: 3, adopted: 1 });
    expect(figures!.attendanceRate).toBeCloseTo(report.attendance.rate!);
  });
});

describe("mentoring, problem statements and pitch results", () => {
  /** Today mid-programme, so weeks 1 to 6 have begun. */
  const report = async () => cohortReport(await cohortReportRows(db, cohortId, "2027-02-10"));

  it("counts sessions and minutes per team per week as the rows do", async () => {
    const { mentoring } = await report();
    const perDay = await db
      .selectFrom("mentoring_sessions as s")
      .innerJoin("teams as t", "t.id", "s.team_id")
      .where("t.cohort_id", "=", cohortId)
      .groupBy(["s.team_id", "s.date"])
      .select((eb) => [
        "s.team_id",
        "s.date",
        eb.fn.countAll<number>().as("sessions"),
        eb.fn.sum<number>("s.duration_minutes").as("minutes"),
      ])
      .execute();
    const expected = new Map<string, { sessions: number; minutes: number }>();
    for (const row of perDay) {
      const offset = differenceInCalendarDays(parseISO(row.date), parseISO("2027-01-04"));
      if (offset < 0 || offset >= 12 * 7) continue;
      const key = `${row.team_id}/${Math.floor(offset / 7) + 1}`;
      const seen = expected.get(key) ?? { sessions: 0, minutes: 0 };
      expected.set(key, {
        sessions: seen.sessions + Number(row.sessions),
        minutes: seen.minutes + Number(row.minutes),
      });
    }
    expect(mentoring.weeks.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mentoring.cells).toHaveLength(6 * 3);
    for (const cell of mentoring.cells) {
      expect([cell.sessions, cell.minutes], `team ${cell.teamId}, week ${cell.week}`).toEqual(
        Object.values(expected.get(`${cell.teamId}/${cell.week}`) ?? { sessions: 0, minutes: 0 }),
      );
    }
    const perTeam = await db
      .selectFrom("mentoring_sessions as s")
      .innerJoin("teams as t", "t.id", "s.team_id")
      .where("t.cohort_id", "=", cohortId)
      .groupBy("s.team_id")
      .select((eb) => [
        "s.team_id",
        eb.fn.countAll<number>().as("sessions"),
        eb.fn.sum<number>("s.duration_minutes").as("minutes"),
        eb.fn.max("s.date").as("last"),
      ])
      .execute();
    for (const team of mentoring.teams) {
      const row = perTeam.find((r) => r.team_id === team.teamId);
      expect([team.sessions, team.minutes, team.lastSession]).toEqual(
        row ? [Number(row.sessions), Number(row.minutes), row.last] : [0, 0, null],
      );
    }
    expect(mentoring.outsideWeeks).toBe(1);
    expect(mentoring.sessions).toBe(perTeam.reduce((sum, r) => sum + Number(r.sessions), 0));
  });

  it("counts problem statements by category and status as the rows do", async () => {
    const { statements } = await report();
    const counted = await db
      .selectFrom("problem_statements as ps")
      .innerJoin("teams as t", "t.id", "ps.team_id")
      .innerJoin("problem_statement_versions as v", (join) =>
        join.onRef("v.statement_id", "=", "ps.id").onRef("v.number", "=", "ps.version"),
      )
      .where("t.cohort_id", "=", cohortId)
      .groupBy(["v.category", "ps.status"])
      .select((eb) => ["v.category", "ps.status", eb.fn.countAll<number>().as("n")])
      .execute();
    expect(counted).toHaveLength(2);
    for (const row of counted)
      expect(statements.counts[row.category ?? "uncategorised"][row.status]).toBe(Number(row.n));
    expect(statements).toMatchObject({ teams: 3, started: 2, notStarted: 1 });
  });

  it("ranks the released pitch results exactly as the pitch-day results page does", async () => {
    const { pitch } = await report();
    const page = await resultsOf(db, cohortId, filled.eventId);
    expect(pitch.state).toBe("released");
    if (pitch.state !== "released") return;
    expect(pitch.teams.map((t) => [String(t.teamId), t.rank, t.adjusted, t.raw, t.sheets])).toEqual(
      page.results.results.map((r) => [r.team, r.rank, r.adjusted, r.raw, r.judges]),
    );
    // The raw score, straight from the submitted sheets: leader 3's sheet for team 3 is ignored (conflict) and
    // leader 2's for team 3 is a draft.
    const criteria = await db
      .selectFrom("rubric_criteria")
      .where("event_id", "=", filled.eventId)
      .select(["id", "weight", "max"])
      .execute();
    const scores = await db
      .selectFrom("sheet_scores as x")
      .innerJoin("scoring_sheets as s", "s.id", "x.sheet_id")
      .where("s.event_id", "=", filled.eventId)
      .where("s.status", "=", "submitted")
      .select(["s.id", "s.person_id", "s.team_id", "x.criterion_id", "x.score"])
      .execute();
    const conflicted = (r: { person_id: number; team_id: number }) =>
      r.person_id === filled.leaders[2]!.id && r.team_id === filled.teams[2]!.id;
    for (const team of filled.teams) {
      const sheets = [
        ...new Set(scores.filter((r) => r.team_id === team.id && !conflicted(r)).map((r) => r.id)),
      ];
      const totals = sheets.map((sheet) =>
        weightedTotal(
          criteria.map((c) => ({ id: String(c.id), weight: c.weight, max: c.max })),
          (id) => scores.find((r) => r.id === sheet && String(r.criterion_id) === id)!.score,
        ),
      );
      const result = pitch.teams.find((t) => t.teamId === team.id)!;
      expect(result.sheets).toBe(sheets.length);
      expect(result.raw).toBeCloseTo(totals.reduce((sum, v) => sum + v, 0) / totals.length);
    }
    expect(pitch.teams.find((t) => t.teamId === filled.teams[2]!.id)!.sheets).toBe(1);

    const [figures] = programmeFigures(await programmeCohortRows(db, programmeId));
    const ranked = pitch.teams.filter((t) => t.adjusted !== null);
    expect(figures!.pitch).toMatchObject({ state: "released", teamsScored: ranked.length });
    expect(figures!.pitch.top?.adjusted).toBeCloseTo(ranked[0]!.adjusted!);
    expect(figures!.pitch.meanAdjusted).toBeCloseTo(
      ranked.reduce((sum, t) => sum + t.adjusted!, 0) / ranked.length,
    );
  });

  it("reads no scores for a pitch day whose results are not released", async () => {
    await db
      .updateTable("pitch_events")
      .set({ results_released_at: null })
      .where("id", "=", filled.eventId)
      .execute();
    try {
      const rows = await cohortReportRows(db, cohortId);
      expect(rows.pitch).toMatchObject({ releasedAt: null, sheets: [], criteria: [], panel: [] });
      expect(cohortReport(rows).pitch.state).toBe("not-released");
    } finally {
      await db
        .updateTable("pitch_events")
        .set({ results_released_at: "2027-03-26T10:00:00.000Z" })
        .where("id", "=", filled.eventId)
        .execute();
    }
  });

  it("downloads the new tables as CSVs with the right columns", async () => {
    const tables = cohortReportTables(await report());
    const csv = async (key: string) => {
      const table = tables.find((t) => t.key === key)!;
      const text = await csvResponse(table, `${key}.csv`).text();
      return parse(text.replace(/^\uFEFF/, "")) as string[][];
    };
    const weeks = await csv("mentoring-by-week");
    expect(weeks[0]).toEqual(["Week", "Week starting", "Team", "Sessions", "Minutes"]);
    expect(weeks).toHaveLength(1 + 6 * 3);
    expect(weeks[1]).toEqual(["1", "2027-01-04", "Team 1: Report team 1", "2", "90"]);
    expect((await csv("mentoring-by-team"))[0]).toEqual([
      "Team",
      "Sessions",
      "Minutes",
      "Weeks with a session",
      "Last session",
    ]);
    const statements = await csv("statements");
    expect(statements[0]).toEqual([
      "Category",
      "Draft",
      "Submitted for review",
      "Changes requested",
      "Approved",
      "Total",
    ]);
    expect(statements.slice(1).map((r) => r[0])).toEqual([
      "Technology",
      "Operational",
      "Policy",
      "Uncategorised",
    ]);
    const pitch = await csv("pitch-results");
    expect(pitch[0]).toEqual(["Rank", "Team", "Adjusted score", "Raw score", "Sheets counted"]);
    expect(pitch).toHaveLength(4);
    expect(pitch.slice(1).every((r) => /^\d+(\.\d{1,2})?$/.test(r[2]!))).toBe(true);
  });
});

describe("personal data", () => {
  it("has a rule for every table that refers to people (add one when you add such a table)", async () => {
    const tables = await tablesReferencing(db, "people");
    expect(Object.keys(PEOPLE_REFERENCES).sort()).toEqual([...tables.keys()].sort());
  });

  it("exports every table that refers to the person, without secrets", async () => {
    const [person] = await db
      .selectFrom("skills_answers")
      .select("person_id")
      .where("cohort_id", "=", cohortId)
      .limit(1)
      .execute();
    const exported = await exportPersonalData(db, person!.person_id);
    const tables = await tablesReferencing(db, "people");
    expect(Object.keys(exported!.tables).sort()).toEqual([...tables.keys()].sort());
    expect(exported!.person.id).toBe(person!.person_id);
    for (const table of ["accounts", "memberships", "attendance", "skills_answers", "team_members"]) {
      expect(exported!.tables[table]!.length, table).toBeGreaterThan(0);
    }
    expect(exported!.tables.accounts![0]!.password_hash).toBe("(secret: not exported)");
  });

  it("anonymises exactly the people whose every cohort ended over the retention period ago, once", async () => {
    const programme = await makeProgramme(db, "Retention programme");
    const old = await makeCohort(db, programme.id, { name: "Old", startDate: "2023-01-02" });
    const recent = await makeCohort(db, programme.id, { name: "Recent", startDate: "2026-01-05" });
    const gone = await makeMember(db, old.id, "participant", { name: "Gwen Gone" });
    const stays = await makeMember(db, old.id, "participant", { name: "Stella Stays" });
    await db
      .insertInto("memberships")
      .values({
        cohort_id: recent.id,
        person_id: stays.id,
        role: "mentor",
        created_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    await fillReportCohort(db, old.id, "Old");
    const before = cohortReport(await cohortReportRows(db, old.id));
    const due = dueForAnonymisation(await retentionCandidates(db), "2026-11-23");
    const oldIds = (
      await db.selectFrom("memberships").where("cohort_id", "=", old.id).select("person_id").execute()
    ).map((m) => m.person_id);
    expect(due).toContain(gone.id);
    expect(due).not.toContain(stays.id);
    expect(due.every((id) => oldIds.includes(id))).toBe(true);
    expect(due).toHaveLength(oldIds.length - 1);

    await db
      .insertInto("sessions")
      .values({
        id: "s1",
        person_id: gone.id,
        created_at: "x",
        last_seen_at: "x",
        expires_at: "x",
        flash: null,
        reveal: null,
      })
      .execute();
    for (const id of due) await db.transaction().execute((tx) => anonymisePerson(tx, id));
    const after = cohortReport(await cohortReportRows(db, old.id));
    const person = await db
      .selectFrom("people")
      .where("id", "=", gone.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(person.name).toBe(`Anonymised person ${gone.id}`);
    expect(person.email).toBe(`anonymised-${gone.id}@anonymised.invalid`);
    expect(person.anonymised_at).not.toBeNull();
    expect(await db.selectFrom("sessions").where("person_id", "=", gone.id).selectAll().execute()).toEqual(
      [],
    );
    // Aggregates unchanged; only names differ.
    const strip = (r: typeof before) => ({
      ...r,
      attendance: { ...r.attendance, people: r.attendance.people.map(({ name: _n, ...p }) => p) },
    });
    expect(strip(after)).toEqual(strip(before));
    expect((await db.selectFrom("team_outcomes").select("note").execute()).map((o) => o.note)).toContain(
      "Pilot in Leeds",
    );
    const membership = await db
      .selectFrom("memberships")
      .where("cohort_id", "=", old.id)
      .where("withdrawal_reason", "is not", null)
      .selectAll()
      .execute();
    expect(membership).toEqual([]);

    // Idempotent: nobody is due any more, and anonymising again changes nothing.
    expect(dueForAnonymisation(await retentionCandidates(db), "2026-11-23")).toEqual([]);
    expect(await db.transaction().execute((tx) => anonymisePerson(tx, gone.id))).toBe(false);
    const stillThere = await db
      .selectFrom("people")
      .where("id", "=", stays.id)
      .select("name")
      .executeTakeFirstOrThrow();
    expect(stillThere.name).toBe("Stella Stays");
  });
});
