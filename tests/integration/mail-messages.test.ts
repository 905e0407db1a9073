// The emails changes cause, read from the outbox after each command: who gets them, what they say, the link, the
// link that stops them; nobody who turned the kind off gets one, and a refused command writes none.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readUnsubscribeToken } from "~/auth/unsubscribe.server";
import { saveEmailPreferences, unsubscribe } from "~/commands/email-preferences.server";
import {
  addPanelLeader,
  closeScoring,
  drawOrder,
  openScoring,
  releaseTeamResults,
  savePitchDayDetails,
  withdrawTeamResults,
} from "~/commands/pitch-day.server";
import { type Actor, run } from "~/commands/runner.server";
import {
  approveStatementOnBehalf,
  reviewStatement,
  saveStatementDraft,
  submitStatementForReview,
} from "~/commands/statements.server";
import { publishCohortTeams } from "~/commands/teams.server";
import type { MessageKind } from "~/domain/vocabulary";
import { optOutsOf, setOptOut } from "~/models/email-preferences.server";
import { getPitchEvent } from "~/models/pitch.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeWorld, PITCH_DAY, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams } from "../setup/mentoring";

const APP = "https://tandem.example.test";
let db: Db;
let world: World;
let m: MentoringWorld;

beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  m = await makeMentoringTeams(db, world);
});
afterEach(async () => {
  await db.destroy();
});

const as = (personId: number): Actor => ({ personId, address: "192.0.2.1", appUrl: APP });
const coordinator = () => as(world.people.coordinator.id);
const cohortId = () => world.cohortA.id;

async function outbox(kind?: MessageKind) {
  let query = db.selectFrom("outbox").selectAll().orderBy("id");
  if (kind) query = query.where("kind", "=", kind);
  return (await query.execute()).map((row) => ({ ...row, headers: JSON.parse(row.headers) }));
}
const addressesOf = async (kind: MessageKind) => (await outbox(kind)).map((r) => r.to_address).sort();
const turnOff = (personId: number, kind: MessageKind) =>
  db.transaction().execute((tx) => setOptOut(tx, personId, kind, true));

/** The message's link that stops its kind, which names its recipient and its kind. */
function expectUnsubscribeLink(row: Awaited<ReturnType<typeof outbox>>[number]) {
  const link = /<(.+)>/.exec(row.headers["List-Unsubscribe"])?.[1] ?? "";
  expect(link.startsWith(`${APP}/unsubscribe/`)).toBe(true);
  expect(readUnsubscribeToken(link.slice(`${APP}/unsubscribe/`.length))).toEqual({
    personId: row.person_id,
    kind: row.kind,
  });
  expect(row.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(row.text_body).toContain(`Stop these emails: ${link}`);
  expect(row.html_body).toContain(`href="${link}"`);
}

describe("your team is published", () => {
  const teamsVersion = async () =>
    (
      await db
        .selectFrom("cohorts")
        .where("id", "=", cohortId())
        .select("teams_version")
        .executeTakeFirstOrThrow()
    ).teams_version;
  const publish = async (version?: number) =>
    run(db, coordinator(), publishCohortTeams, {
      cohortId: cohortId(),
      version: version ?? (await teamsVersion()),
      teamCount: 2,
    });
  beforeEach(async () => {
    // The mentoring world publishes its teams; here the coordinator does, through the command.
    await db.updateTable("cohorts").set({ teams_published_at: null }).where("id", "=", cohortId()).execute();
  });

  it("writes to every member and mentor, naming their own team's people and nobody else's", async () => {
    expect(await publish()).toEqual({ ok: true });
    const rows = await outbox("team_published");
    expect(rows.map((r) => r.to_address).sort()).toEqual(
      [
        world.people.participant,
        m.teammate,
        world.people.mentor,
        m.govMentor1,
        m.other1,
        m.other2,
        m.indMentor2,
        m.govMentor2,
      ]
        .map((p) => p.email)
        .sort(),
    );
    const pat = rows.find((r) => r.person_id === world.people.participant.id)!;
    expect(pat).toMatchObject({
      to_name: "Pat Participant",
      cohort_id: cohortId(),
      subject: "Your team in Cohort A",
      status: "pending",
    });
    expect(pat.text_body).toContain("Cora Coordinator published the teams of Cohort A. You are in Team 1.");
    expect(pat.text_body).toContain("Members: Pat Participant, Tia Teammate");
    expect(pat.text_body).toMatch(/Mentors: (Max Mentor, Gita Government|Gita Government, Max Mentor)/);
    expect(pat.text_body).toContain(`See your team:\n${APP}/cohorts/${cohortId()}/team`);
    expect(pat.text_body).not.toContain("Otto Otherteam");
    expectUnsubscribeLink(pat);
    const mentor = rows.find((r) => r.person_id === m.indMentor2.id)!;
    expect(mentor.text_body).toContain("You are mentoring Team 2.");
    expect(mentor.text_body).not.toContain("Pat Participant");
  });

  it("writes nothing to people who turned it off, and nothing twice when published again", async () => {
    await turnOff(world.people.participant.id, "team_published");
    expect((await publish()).ok).toBe(true);
    expect(await addressesOf("team_published")).not.toContain(world.people.participant.email);
    expect(await outbox()).toHaveLength(7);
    expect((await publish()).ok).toBe(true);
    expect(await outbox()).toHaveLength(7);
  });

  it("writes nothing when publishing is refused", async () => {
    const stale = (await teamsVersion()) - 1;
    expect(await publish(stale)).toMatchObject({ ok: false, conflict: expect.any(String) });
    expect(await outbox()).toEqual([]);
  });
});

describe("the problem statement", () => {
  const team = () => ({ id: m.team1, number: 1, cohortId: cohortId() });
  const mentorIds = () => [world.people.mentor.id, m.govMentor1.id];
  const submit = (version: number) =>
    run(db, as(world.people.participant.id), submitStatementForReview, { team: team(), version });
  const review = (
    mentorId: number,
    version: number,
    decision: "approved" | "changes_requested",
    comment = "",
  ) =>
    run(db, as(mentorId), reviewStatement, {
      team: team(),
      mentorIds: mentorIds(),
      version,
      decision,
      comment: comment || null,
    });
  const statementLink = () => `${APP}/cohorts/${cohortId()}/teams/${m.team1}/statement`;

  it("submitted: to both mentors, with the link; submitting again is refused and writes nothing", async () => {
    expect(await submit(1)).toEqual({ ok: true });
    const rows = await outbox("statement_submitted");
    expect(rows.map((r) => r.to_address).sort()).toEqual(
      [m.govMentor1.email, world.people.mentor.email].sort(),
    );
    for (const row of rows) {
      expect(row.subject).toBe("Team 1 submitted its problem statement");
      expect(row.text_body).toContain("Pat Participant submitted version 1 of Team 1's problem statement");
      expect(row.text_body).toContain(`Review the problem statement:\n${statementLink()}`);
      expectUnsubscribeLink(row);
    }
    expect((await submit(1)).ok).toBe(false);
    expect(await outbox()).toHaveLength(2);
  });

  it("changes requested: to the team's members, with the mentor's comment", async () => {
    await submit(1);
    expect(
      await review(world.people.mentor.id, 1, "changes_requested", "Say how many people are affected."),
    ).toEqual({
      ok: true,
      outcome: "changes_requested",
    });
    const rows = await outbox("statement_reviewed");
    expect(rows.map((r) => r.to_address).sort()).toEqual(
      [world.people.participant.email, m.teammate.email].sort(),
    );
    for (const row of rows) {
      expect(row.subject).toBe("Your mentors asked for changes to your problem statement");
      expect(row.text_body).toContain(
        "Max Mentor asked for changes to version 1 of Team 1's problem statement.",
      );
      expect(row.text_body).toContain("Their comment:\nSay how many people are affected.");
      expect(row.text_body).toContain(`Open the problem statement:\n${statementLink()}`);
      expectUnsubscribeLink(row);
    }
    // The statement is back with the team: the other mentor's review is refused, and writes nothing.
    expect((await review(m.govMentor1.id, 1, "approved")).ok).toBe(false);
    expect(await outbox("statement_reviewed")).toHaveLength(2);
  });

  it("approved: to the team once both mentors approve, not while one still has to", async () => {
    await submit(1);
    expect(await review(world.people.mentor.id, 1, "approved")).toEqual({ ok: true, outcome: "submitted" });
    expect(await outbox("statement_reviewed")).toEqual([]);
    expect(await review(m.govMentor1.id, 1, "approved")).toEqual({ ok: true, outcome: "approved" });
    const rows = await outbox("statement_reviewed");
    expect(rows.map((r) => r.to_address).sort()).toEqual(
      [world.people.participant.email, m.teammate.email].sort(),
    );
    expect(rows[0]!.subject).toBe("Your problem statement is approved");
    expect(rows[0]!.text_body).toContain("Your mentors approved version 1 of Team 1's problem statement.");
  });

  it("approved by the coordinator on the mentors' behalf: to the team, less whoever turned it off", async () => {
    await turnOff(m.teammate.id, "statement_reviewed");
    await run(db, as(world.people.participant.id), saveStatementDraft, {
      team: team(),
      baseVersion: 1,
      text: {
        title: "Second",
        category: "policy",
        department: "Ministry of Justice",
        problem: "p",
        affected: "a",
        evidence: "e",
        approach: "x",
        success_measures: "s",
      },
    });
    await submit(2);
    const outcome = await run(db, coordinator(), approveStatementOnBehalf, {
      team: team(),
      mentorIds: mentorIds(),
      version: 2,
      reason: "Both mentors approved by email",
    });
    expect(outcome).toEqual({ ok: true, outcome: "approved" });
    expect(await addressesOf("statement_reviewed")).toEqual([world.people.participant.email]);
  });
});

describe("pitch day", () => {
  let eventId: number;
  const version = async () => (await getPitchEvent(db, cohortId()))!.version;
  const change = async () => ({ cohortId: cohortId(), eventId, version: await version() });
  beforeEach(async () => {
    const created = await run(db, coordinator(), savePitchDayDetails, {
      ...PITCH_DAY,
      cohortId: cohortId(),
      version: 0,
    });
    if (!created.ok) throw new Error("expected a pitch day");
    eventId = created.eventId;
  });
  const addLeader = async (personId = world.people.leader.id) =>
    run(db, coordinator(), addPanelLeader, { ...(await change()), personId });
  const openTheScoring = async () => {
    await addLeader();
    expect((await run(db, coordinator(), drawOrder, await change())).ok).toBe(true);
    // The pitch day is months away: opening scoring this early is confirmed.
    return run(db, coordinator(), openScoring, { ...(await change()), confirmEarly: true });
  };

  it("added to the panel: to the leader, with the day, time and venue, once", async () => {
    expect((await addLeader()).ok).toBe(true);
    const [row, ...more] = await outbox("panel_added");
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      to_address: world.people.leader.email,
      subject: "You are on the pitch-day panel for Cohort A",
    });
    expect(row!.text_body).toContain("Cora Coordinator added you to the panel of senior leaders");
    expect(row!.text_body).toContain(
      "When: Thursday 25 March 2027, starting at 10am\nWhere: HMRC, 100 Parliament Street",
    );
    expect(row!.text_body).toContain(`${APP}/cohorts/${cohortId()}/pitch-day/timetable`);
    expectUnsubscribeLink(row!);
    // Already on the panel: saved again, but not written to again.
    expect((await addLeader()).ok).toBe(true);
    expect(await outbox("panel_added")).toHaveLength(1);
  });

  it("writes nothing when adding someone who is not a leader is refused", async () => {
    expect(await addLeader(world.people.participant.id)).toMatchObject({ ok: false });
    expect(await outbox()).toEqual([]);
  });

  it("scoring is open: to the panel, with the link to the sheets; a refused opening writes nothing", async () => {
    expect(await openTheScoring()).toEqual({ ok: true });
    const [row, ...more] = await outbox("scoring_open");
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      to_address: world.people.leader.email,
      subject: "Scoring is open for Cohort A's pitch day",
    });
    expect(row!.text_body).toContain(
      `Open your scoring sheets:\n${APP}/cohorts/${cohortId()}/pitch-day/scoring`,
    );
    expectUnsubscribeLink(row!);
    expect((await run(db, coordinator(), openScoring, { ...(await change()), confirmEarly: true })).ok).toBe(
      false,
    );
    expect(await outbox("scoring_open")).toHaveLength(1);
  });

  it("leaves out a panel leader who turned scoring emails off", async () => {
    await turnOff(world.people.leader.id, "scoring_open");
    expect(await openTheScoring()).toEqual({ ok: true });
    expect(await outbox("scoring_open")).toEqual([]);
  });

  it("results released: to every team's members, with the link and no scores; once", async () => {
    await openTheScoring();
    expect((await run(db, coordinator(), closeScoring, await change())).ok).toBe(true);
    // Every team, named in the running order (drawn at random).
    const released = await run(db, coordinator(), releaseTeamResults, { ...(await change()), teamId: null });
    expect(released.ok && [...released.teams].sort()).toEqual(["Team 1", "Team 2"]);
    const rows = await outbox("results_released");
    expect(rows.map((r) => r.to_address).sort()).toEqual(
      [world.people.participant, m.teammate, m.other1, m.other2].map((p) => p.email).sort(),
    );
    const pat = rows.find((r) => r.person_id === world.people.participant.id)!;
    expect(pat.subject).toBe("Your team's pitch feedback is ready");
    expect(pat.text_body).toContain(
      "The panel's feedback on Team 1's pitch on Cohort A's pitch day is released.",
    );
    expect(pat.text_body).toContain(
      `Read your team's feedback:\n${APP}/cohorts/${cohortId()}/pitch-day/feedback`,
    );
    expect(pat.text_body).not.toMatch(/score|rank/i);
    expectUnsubscribeLink(pat);
    expect((await run(db, coordinator(), releaseTeamResults, { ...(await change()), teamId: null })).ok).toBe(
      false,
    );
    expect(await outbox("results_released")).toHaveLength(4);
  });

  it("results released to one team: to its members only; withdrawing them writes to no one", async () => {
    await openTheScoring();
    expect((await run(db, coordinator(), closeScoring, await change())).ok).toBe(true);
    expect(
      await run(db, coordinator(), releaseTeamResults, { ...(await change()), teamId: m.team2 }),
    ).toEqual({
      ok: true,
      teams: ["Team 2"],
    });
    expect((await outbox("results_released")).map((r) => r.to_address).sort()).toEqual(
      [m.other1, m.other2].map((p) => p.email).sort(),
    );
    const before = (await outbox()).length;
    expect(
      await run(db, coordinator(), withdrawTeamResults, {
        ...(await change()),
        teamId: m.team2,
        reason: "A leader's draft was left out",
      }),
    ).toEqual({ ok: true, team: "Team 2" });
    expect(await outbox()).toHaveLength(before);
    // Released again later: its members are written to again, and team 1's members still not.
    expect(
      (await run(db, coordinator(), releaseTeamResults, { ...(await change()), teamId: m.team2 })).ok,
    ).toBe(true);
    expect((await outbox("results_released")).map((r) => r.to_address).sort()).toEqual(
      [m.other1, m.other1, m.other2, m.other2].map((p) => p.email).sort(),
    );
  });
});

describe("email preferences", () => {
  const pat = () => world.people.participant.id;

  it("saves the kinds left on, turning the others off, with one audit event of what changed", async () => {
    const wanted: MessageKind[] = ["team_published", "statement_reviewed", "results_released"];
    expect(await run(db, as(pat()), saveEmailPreferences, { personId: pat(), wanted })).toEqual({
      ok: true,
      changed: 7,
    });
    expect((await optOutsOf(db, pat())).sort()).toEqual(
      [
        "action_due",
        "health_digest",
        "panel_added",
        "scoring_open",
        "session_overdue",
        "statement_submitted",
        "visit_reminder",
      ].sort(),
    );
    await run(db, as(pat()), saveEmailPreferences, {
      personId: pat(),
      wanted: [...wanted, "visit_reminder"],
    });
    expect(await optOutsOf(db, pat())).not.toContain("visit_reminder");
    const events = await db
      .selectFrom("audit_events")
      .where("action", "=", "email.preferences_saved")
      .select(["details", "subject_id", "actor_person_id"])
      .orderBy("id")
      .execute();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ subject_id: pat(), actor_person_id: pat() });
    expect(JSON.parse(events[1]!.details)).toEqual({ off: [], on: ["visit_reminder"] });
    // Saving the same choices again changes nothing and records nothing.
    await run(db, as(pat()), saveEmailPreferences, {
      personId: pat(),
      wanted: [...wanted, "visit_reminder"],
    });
    expect(
      await db
        .selectFrom("audit_events")
        .where("action", "=", "email.preferences_saved")
        .selectAll()
        .execute(),
    ).toHaveLength(2);
  });

  it("unsubscribes from one kind once, audited; a person who no longer exists is refused", async () => {
    expect(await run(db, as(pat()), unsubscribe, { personId: pat(), kind: "scoring_open" })).toEqual({
      ok: true,
      already: false,
    });
    expect(await run(db, as(pat()), unsubscribe, { personId: pat(), kind: "scoring_open" })).toEqual({
      ok: true,
      already: true,
    });
    expect(await optOutsOf(db, pat())).toEqual(["scoring_open"]);
    expect(
      await db.selectFrom("audit_events").where("action", "=", "email.unsubscribed").selectAll().execute(),
    ).toHaveLength(1);
    expect((await run(db, as(999_999), unsubscribe, { personId: 999_999, kind: "scoring_open" })).ok).toBe(
      false,
    );
  });
});
