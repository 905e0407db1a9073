// Scheduled reminders through the command the scheduler and the command line run: each reminder due on a day is
// enqueued once however often (or however concurrently) it runs, to the right people, never to people who turned
// the kind off, left the cohort or sent apologies; on SQLite and (npm run test:postgres) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readUnsubscribeToken } from "~/auth/unsubscribe.server";
import { enqueueReminders, sendDueReminders } from "~/commands/reminders.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { setOptOut } from "~/models/email-preferences.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { FRIDAY_BEFORE_A_MONDAY_VISIT, makeReminderWorld } from "../setup/reminders";

let db: Db;
let seeded: Awaited<ReturnType<typeof makeReminderWorld>>;

beforeEach(async () => {
  db = await memoryDb();
  seeded = await makeReminderWorld(db);
});
afterEach(async () => {
  await db.destroy();
});

const remind = async (today: string) => {
  const outcome = await run(db, SYSTEM, enqueueReminders, { today });
  if (!outcome.ok) throw new Error("Enqueueing reminders refuses nothing");
  return outcome;
};

const outbox = () =>
  db
    .selectFrom("outbox")
    .select(["kind", "person_id", "to_address", "subject", "dedupe_key", "cohort_id"])
    .orderBy("kind")
    .orderBy("person_id")
    .execute();

describe("enqueueing the reminders due on a day", () => {
  it("enqueues each reminder once, however often it runs", async () => {
    const { world, teammate, visitId, teamId } = seeded;
    const { participant, mentor } = world.people;
    const first = await remind(FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect(first.enqueued).toHaveLength(5);
    const second = await remind(FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect(second).toEqual({ ok: true, enqueued: [], alreadyEnqueued: 5 });
    const [actionId] = (await db.selectFrom("session_actions").select("id").execute()).map((a) => a.id);
    const cohortId = world.cohortA.id;
    expect(await outbox()).toEqual([
      {
        kind: "action_due",
        person_id: participant.id,
        to_address: participant.email,
        subject: "Your action is due on Monday 8 February 2027",
        dedupe_key: `action_due:${participant.id}:action-${actionId}:2027-02-08`,
        cohort_id: cohortId,
      },
      {
        kind: "session_overdue",
        person_id: mentor.id,
        to_address: mentor.email,
        subject: "No session logged with Team 1 for 16 days",
        dedupe_key: `session_overdue:${mentor.id}:team-${teamId}:2027-02-04`,
        cohort_id: cohortId,
      },
      ...[participant, mentor, teammate]
        .sort((a, b) => a.id - b.id)
        .map((person) => ({
          kind: "visit_reminder",
          person_id: person.id,
          to_address: person.email,
          subject: `Company visit on Monday 8 February 2027: ${world.industry.name}`,
          dedupe_key: `visit_reminder:${person.id}:visit-${visitId}:2027-02-08`,
          cohort_id: cohortId,
        })),
    ]);
    // Saturday: the same reminders are still due, and still enqueued once.
    expect((await remind("2027-02-06")).enqueued).toEqual([]);
    expect(await outbox()).toHaveLength(5);
  });

  it("enqueues each reminder once when two runs race", async () => {
    const outcomes = await Promise.all([
      remind(FRIDAY_BEFORE_A_MONDAY_VISIT),
      remind(FRIDAY_BEFORE_A_MONDAY_VISIT),
      remind(FRIDAY_BEFORE_A_MONDAY_VISIT),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const rows = await outbox();
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(5);
  });

  it("writes the visit reminder with its calendar file, the host's name but not their email, and how to stop it", async () => {
    await remind(FRIDAY_BEFORE_A_MONDAY_VISIT);
    const message = await db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "visit_reminder")
      .where("person_id", "=", seeded.world.people.participant.id)
      .executeTakeFirstOrThrow();
    expect(message.text_body).toContain("Host contact: Kim Host");
    expect(message.text_body).toContain("1 Quay Street\nBristol");
    expect(`${message.text_body}${message.html_body}`).not.toContain("kim.host@example.test");
    expect(message.text_body).toMatch(
      new RegExp(`/cohorts/${seeded.world.cohortA.id}/visits/${seeded.visitId}\\n`),
    );
    const headers = JSON.parse(message.headers) as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const [, link, token] = /^<(http\S+\/unsubscribe\/(\S+))>$/.exec(headers["List-Unsubscribe"]!) ?? [];
    expect(readUnsubscribeToken(token!)).toEqual({
      personId: seeded.world.people.participant.id,
      kind: "visit_reminder",
    });
    expect(message.text_body).toContain(`Stop these emails: ${link}`);
    const [ics] = JSON.parse(message.attachments) as Array<{ filename: string; content: string }>;
    expect(ics!.filename).toBe("visit.ics");
    expect(ics!.content).toContain(`UID:visit-${seeded.visitId}@tandem`);
  });

  it("sends coordinators their digest on Monday, with each team's health flags", async () => {
    await remind("2027-02-08");
    const digest = await db.selectFrom("outbox").selectAll().where("kind", "=", "health_digest").execute();
    expect(digest.map((d) => d.person_id)).toEqual([seeded.world.people.coordinator.id]);
    expect(digest[0]!.subject).toBe("Team health this week: 1 team needs attention");
    expect(digest[0]!.text_body).toContain(
      `${seeded.world.cohortA.name}: 1 of 1 team needs attention:\nTeam 1: No session for 19 days; Problem statement overdue`,
    );
    expect(digest[0]!.text_body).toContain(`/cohorts/${seeded.world.cohortA.id}/health`);
    expect(digest[0]!.dedupe_key).toBe(`health_digest:${seeded.world.people.coordinator.id}:week:2027-02-08`);
  });

  it("leaves out people who turned the kind off, left the cohort or sent apologies", async () => {
    const { world, teammate, visitId } = seeded;
    await db
      .transaction()
      .execute((tx) => setOptOut(tx, world.people.participant.id, "visit_reminder", true));
    await db
      .updateTable("memberships")
      .set({ withdrawn_at: new Date().toISOString() })
      .where("person_id", "=", teammate.id)
      .execute();
    await db
      .insertInto("attendance")
      .values({
        visit_id: visitId,
        person_id: world.people.mentor.id,
        status: "apologies",
        recorded_by: null,
        recorded_at: new Date().toISOString(),
      })
      .execute();
    await remind(FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect((await outbox()).map((r) => [r.kind, r.person_id])).toEqual([
      ["action_due", world.people.participant.id],
      ["session_overdue", world.people.mentor.id],
    ]);
  });

  it("reminds nobody of a cohort that is not running, or of a cancelled visit", async () => {
    await db.updateTable("visits").set({ status: "cancelled" }).execute();
    await remind(FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect((await outbox()).map((r) => r.kind)).toEqual(["action_due", "session_overdue"]);
    await db.updateTable("cohorts").set({ status: "finished" }).execute();
    expect((await remind("2027-02-19")).enqueued).toEqual([]);
  });

  it("runs as the scheduler's job from 8am London time", async () => {
    expect(await sendDueReminders(db, new Date("2027-02-05T07:59:00Z"))).toBeNull();
    expect(await outbox()).toEqual([]);
    const outcome = await sendDueReminders(db, new Date("2027-02-05T08:00:00Z"));
    expect(outcome?.ok && outcome.enqueued).toHaveLength(5);
  });
});
