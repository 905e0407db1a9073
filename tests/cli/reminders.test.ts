// `npm run tandem -- reminders`: --dry-run lists what would be sent on a day and writes nothing; without it the
// same reminders are enqueued, once however often it runs.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { cliWorkspace } from "../setup/cli";
import { FRIDAY_BEFORE_A_MONDAY_VISIT, makeReminderWorld } from "../setup/reminders";

const { dir, tandem } = cliWorkspace("reminders", () => ({ APP_URL: "https://tandem.example" }));
let db: Db;
let seeded: Awaited<ReturnType<typeof makeReminderWorld>>;

beforeAll(async () => {
  db = openDatabase(`file:${join(dir, "cli.sqlite")}`);
  await migrateToLatest(db);
  seeded = await makeReminderWorld(db);
});
afterAll(async () => {
  await db.destroy();
});

const outboxCount = async () =>
  Number(
    (
      await db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("npm run tandem -- reminders", () => {
  it("prints what would be sent on a day with --dry-run, writing nothing", async () => {
    const { status, out, err } = tandem("reminders", "--dry-run", "--date", FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect(err).toBe("");
    expect(status).toBe(0);
    const { participant, mentor } = seeded.world.people;
    expect(out).toContain("Would send 5 reminders on 2027-02-05 (dry run, nothing written):");
    expect(out).toContain(
      `visit_reminder  ${participant.name} <${participant.email}>  Company visit on Monday 8 February 2027: ${seeded.world.industry.name}`,
    );
    expect(out).toContain(`visit_reminder  Tia Teammate <tia@example.test>`);
    expect(out).toContain(
      `action_due  ${participant.name} <${participant.email}>  Your action is due on Monday 8 February 2027`,
    );
    expect(out).toContain(
      `session_overdue  ${mentor.name} <${mentor.email}>  No session logged with Team 1 for 16 days`,
    );
    expect(await outboxCount()).toBe(0);
  });

  it("enqueues them without --dry-run, and nothing the second time", async () => {
    const first = tandem("reminders", "--date", FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect(first.status).toBe(0);
    expect(first.out).toContain("Enqueued 5 reminders for 2027-02-05:");
    expect(await outboxCount()).toBe(5);
    const links = await db.selectFrom("outbox").select("text_body").execute();
    expect(links.every((m) => m.text_body.includes("https://tandem.example/"))).toBe(true);
    const again = tandem("reminders", "--date", FRIDAY_BEFORE_A_MONDAY_VISIT);
    expect(again.out).toContain("Enqueued 0 reminders for 2027-02-05 (5 already in the outbox).");
    expect(tandem("reminders", "--dry-run", "--date", FRIDAY_BEFORE_A_MONDAY_VISIT).out).toContain(
      "No reminders would be sent on 2027-02-05 (5 already in the outbox).",
    );
    expect(await outboxCount()).toBe(5);
  }, 60_000);

  it("refuses a date that is not one", () => {
    const { status, err } = tandem("reminders", "--dry-run", "--date", "2027-02-30");
    expect(status).toBe(2);
    expect(err).toContain("--date must be a date like");
  });
});
