// Problem statements and team health against a real SQLite database: version history, concurrent saves, the
// sign-off rules, lateness, and the health view's figures.
import { beforeEach, describe, expect, it } from "vitest";
import { deadlineState, statementDeadline } from "~/domain/problem-statement";
import { createSession, participantAttendance, teamHealthRows } from "~/models/mentoring.server";
import {
  getStatement,
  listVersions,
  recordReviews,
  saveStatementVersion,
  statementDeadlines,
  submitStatement,
} from "~/models/problem-statement.server";
import { moveMember, replaceMentors } from "~/models/team.server";
import { moveMilestone } from "~/models/visit.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams } from "../setup/mentoring";

let db: Db;
let world: World;
let m: MentoringWorld;

beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  m = await makeMentoringTeams(db, world);
});

const text = (title: string, extra = {}) => ({
  title,
  category: "policy" as const,
  department: "Ministry of Justice",
  problem: "Prison leavers lose their ID",
  affected: "Prison leavers need ID to rent",
  evidence: "Probation reports",
  approach: "Issue ID before release",
  success_measures: "Share of leavers with ID",
  ...extra,
});

const save = (base: number, title: string, authorId: number) =>
  db.transaction().execute((tx) => saveStatementVersion(tx, m.team1, base, text(title), authorId));

describe("statement versions", () => {
  it("keeps every saved version with who saved it", async () => {
    expect(await save(1, "Second", m.teammate.id)).toEqual({ ok: true, number: 2 });
    expect(await save(2, "Third", world.people.participant.id)).toEqual({ ok: true, number: 3 });
    const statement = (await getStatement(db, m.team1))!;
    expect(statement.current?.title).toBe("Third");
    const versions = await listVersions(db, statement.id);
    expect(versions.map((v) => [v.number, v.author_name])).toEqual([
      [3, "Pat Participant"],
      [2, "Tia Teammate"],
      [1, "Pat Participant"],
    ]);
  });

  it("refuses a save based on an old version and writes nothing", async () => {
    expect(await save(1, "Mine", world.people.participant.id)).toEqual({ ok: true, number: 2 });
    expect(await save(1, "Theirs", m.teammate.id)).toEqual({ ok: false, currentNumber: 2 });
    const statement = (await getStatement(db, m.team1))!;
    expect(statement.version).toBe(2);
    expect(statement.current?.title).toBe("Mine");
    expect(await listVersions(db, statement.id)).toHaveLength(2);
  });

  it("refuses saves while the mentors review it", async () => {
    const statement = (await getStatement(db, m.team1))!;
    await db.transaction().execute((tx) => submitStatement(tx, statement.id, 1));
    expect(await save(1, "Sneaky", m.teammate.id)).toEqual({ ok: false, currentNumber: 1 });
  });
});

describe("the sign-off", () => {
  const mentors = () => [world.people.mentor.id, m.govMentor1.id];
  const decide = (
    statementId: number,
    version: number,
    mentorId: number,
    decision: "approved" | "changes_requested",
  ) =>
    db.transaction().execute((tx) =>
      recordReviews(tx, statementId, version, mentors(), [
        {
          mentorId,
          reviewerId: mentorId,
          decision,
          comment: decision === "approved" ? null : "Narrow it",
          onBehalfReason: null,
        },
      ]),
    );

  it("goes back to the team when one mentor asks for changes and is approved when both approve", async () => {
    const id = (await getStatement(db, m.team1))!.id;
    expect(await db.transaction().execute((tx) => submitStatement(tx, id, 1))).toBe(true);
    expect(await decide(id, 1, world.people.mentor.id, "approved")).toBe("submitted");
    expect(await decide(id, 1, m.govMentor1.id, "changes_requested")).toBe("changes_requested");
    expect((await getStatement(db, m.team1))!.status).toBe("changes_requested");
    // A decision on a version no longer under review is refused.
    expect(await decide(id, 1, m.govMentor1.id, "approved")).toBe(false);

    expect(await save(1, "Narrower", m.teammate.id)).toEqual({ ok: true, number: 2 });
    expect(await db.transaction().execute((tx) => submitStatement(tx, id, 2))).toBe(true);
    // The first mentor's approval of version 1 does not carry over.
    expect(await decide(id, 2, m.govMentor1.id, "approved")).toBe("submitted");
    expect(await decide(id, 2, world.people.mentor.id, "approved")).toBe("approved");
    const approved = (await getStatement(db, m.team1))!;
    expect(approved.status).toBe("approved");
    expect(approved.approved_at).not.toBeNull();
    expect(await db.transaction().execute((tx) => submitStatement(tx, id, 2))).toBe(false);
  });

  it("is approved when a coordinator approves on the mentors' behalf with a reason", async () => {
    const id = (await getStatement(db, m.team1))!.id;
    await db.transaction().execute((tx) => submitStatement(tx, id, 1));
    const outcome = await db.transaction().execute((tx) =>
      recordReviews(
        tx,
        id,
        1,
        mentors(),
        mentors().map((mentorId) => ({
          mentorId,
          reviewerId: world.people.coordinator.id,
          decision: "approved" as const,
          comment: null,
          onBehalfReason: "Both mentors are on leave",
        })),
      ),
    );
    expect(outcome).toBe("approved");
    const reviews = (await getStatement(db, m.team1))!.reviews;
    expect(reviews.map((r) => [r.mentor_id, r.reviewer_id, r.on_behalf_reason])).toEqual(
      mentors().map((id) => [id, world.people.coordinator.id, "Both mentors are on leave"]),
    );
  });

  it("refuses to submit a version that is no longer the latest", async () => {
    const id = (await getStatement(db, m.team1))!.id;
    await save(1, "Newer", m.teammate.id);
    expect(await db.transaction().execute((tx) => submitStatement(tx, id, 1))).toBe(false);
  });
});

describe("lateness", () => {
  it("marks a statement first submitted after the cohort's deadline as late, even once resubmitted", async () => {
    const cohort = { id: world.cohortA.id, start_date: "2027-01-04", weeks: 12, version: 1 };
    await db.transaction().execute((tx) => moveMilestone(tx, cohort, "problem-statement", "2026-11-01", 0));
    const deadline = (await statementDeadlines(db, [cohort])).get(cohort.id)!;
    expect(deadline).toBe("2026-11-01");
    const id = (await getStatement(db, m.team1))!.id;
    await db.transaction().execute((tx) => submitStatement(tx, id, 1));
    const first = (await getStatement(db, m.team1))!.first_submitted_at;
    expect(deadlineState(first, deadline, "2026-12-01")).toBe("late");
    await db.transaction().execute((tx) =>
      recordReviews(
        tx,
        id,
        1,
        [world.people.mentor.id],
        [
          {
            mentorId: world.people.mentor.id,
            reviewerId: world.people.mentor.id,
            decision: "changes_requested",
            comment: "More",
            onBehalfReason: null,
          },
        ],
      ),
    );
    await save(1, "Again", m.teammate.id);
    await db.transaction().execute((tx) => submitStatement(tx, id, 2));
    expect((await getStatement(db, m.team1))!.first_submitted_at).toBe(first);
    // With the default milestone (week 4 of a cohort starting in 2027) the same submission is on time.
    expect(deadlineState(first, statementDeadline("2027-01-04", 12), "2027-03-01")).toBe("on-time");
  });
});

describe("team health figures", () => {
  it("counts sessions, mentor attendance, open and overdue actions and participants' attendance", async () => {
    await db.transaction().execute((tx) =>
      createSession(
        tx,
        m.team1,
        m.govMentor1.id,
        {
          date: "2026-11-02",
          durationMinutes: 30,
          format: "phone",
          summary: "Earlier",
          followUpDate: null,
          attendees: [
            { personId: m.teammate.id, role: "member" },
            { personId: world.people.participant.id, role: "member" },
            { personId: m.govMentor1.id, role: "mentor" },
          ],
          actions: [
            { id: null, ownerId: m.teammate.id, text: "Overdue one", dueDate: "2026-11-05" },
            { id: null, ownerId: m.teammate.id, text: "Later one", dueDate: "2099-01-01" },
          ],
        },
        null,
      ),
    );
    const rows = await teamHealthRows(db, world.cohortA.id, "2026-11-23");
    const team1 = rows.find((r) => r.id === m.team1)!;
    expect(team1.sessions).toBe(2);
    expect(team1.open_actions).toBe(3);
    expect(team1.overdue_actions).toBe(1);
    expect(team1.mentors.map((x) => [x.name, x.attended])).toEqual([
      ["Max Mentor", 1],
      ["Gita Government", 1],
    ]);
    expect(team1.statement_status).toBe("draft");
    const people = await participantAttendance(db, world.cohortA.id);
    expect(people.find((p) => p.id === m.teammate.id)).toMatchObject({ sessions: 2, attended: 1 });
    expect(people.find((p) => p.id === world.people.participant.id)).toMatchObject({
      sessions: 2,
      attended: 2,
    });
    expect(people.find((p) => p.id === m.other2.id)).toMatchObject({ sessions: 1, attended: 0 });
  });
});

describe("team health after a change of team (issue 16 point 1)", () => {
  it("counts each person's sessions with the team they were in on the session's date", async () => {
    const before = await participantAttendance(db, world.cohortA.id);
    const mine = before.find((p) => p.id === world.people.participant.id)!;
    expect(mine.sessions).toBeGreaterThan(0);
    const team1Sessions = (await teamHealthRows(db, world.cohortA.id, "2026-11-23")).find(
      (r) => r.id === m.team1,
    )!.sessions;
    // The participant moves to team 2, and team 1 gets another industry mentor, on a day after every session.
    const changeDay = "2099-01-01";
    await db.transaction().execute(async (tx) => {
      await moveMember(tx, world.cohortA.id, world.people.participant.id, m.team2, changeDay);
      await replaceMentors(
        tx,
        world.cohortA.id,
        [
          { teamId: m.team1, personId: m.indMentor2.id, sector: "industry", overrideReason: null },
          { teamId: m.team1, personId: m.govMentor1.id, sector: "government", overrideReason: null },
          { teamId: m.team2, personId: world.people.mentor.id, sector: "industry", overrideReason: null },
          { teamId: m.team2, personId: m.govMentor2.id, sector: "government", overrideReason: null },
        ],
        changeDay,
      );
    });
    const after = await participantAttendance(db, world.cohortA.id);
    expect(after.find((p) => p.id === world.people.participant.id)).toMatchObject({
      team_number: 2,
      sessions: mine.sessions,
      attended: mine.attended,
    });
    const team1 = (await teamHealthRows(db, world.cohortA.id, "2026-11-23")).find((r) => r.id === m.team1)!;
    // The new mentor has had no session with team 1 yet; the one who left keeps theirs, until the change.
    expect(team1.mentors.find((x) => x.id === m.indMentor2.id)).toMatchObject({ attended: 0, sessions: 0 });
    expect(team1.mentors.find((x) => x.id === m.govMentor1.id)).toMatchObject({ sessions: team1Sessions });
    expect(team1.former_mentors).toEqual([
      expect.objectContaining({ name: "Max Mentor", until_date: changeDay, sessions: team1Sessions }),
    ]);
    expect(team1.former_mentors[0]!.attended).toBeGreaterThan(0);
  });

  it("keeps no earlier spell for changes made before the teams are published", async () => {
    await db
      .transaction()
      .execute((tx) => moveMember(tx, world.cohortA.id, world.people.participant.id, m.team2, null));
    expect(await db.selectFrom("team_periods").selectAll().execute()).toEqual([]);
  });
});
