// The account commands: a password set from a link is logged with it; a link already used changes nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newCalendarAddress, setPassword, signOut } from "~/commands/accounts.server";
import { appointAdministrator } from "~/commands/invitations.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { checkOneTimeLink, createOneTimeLink } from "~/models/account.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makePerson } from "../setup/factories";

let db: Db;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(async () => {
  await db.destroy();
});

const events = () => db.selectFrom("audit_events").selectAll().orderBy("id").execute();

describe("account commands", () => {
  it("sets the password from an invitation and logs the acceptance; the used link is refused and logs nothing", async () => {
    const person = await makePerson(db, { active: false });
    const { token } = await db
      .transaction()
      .execute((tx) => createOneTimeLink(tx, { personId: person.id, purpose: "invite", createdBy: null }));
    const link = await checkOneTimeLink(db, token);
    if (link.state !== "valid") throw new Error("the link should be valid");
    const input = { linkId: link.linkId, personId: person.id, purpose: link.purpose, passwordHash: "hash" };
    const actor = { personId: person.id, address: "192.0.2.1" };
    expect((await run(db, actor, setPassword, input)).ok).toBe(true);
    const again = await run(db, actor, setPassword, { ...input, passwordHash: "other hash" });
    expect(again).toEqual({
      ok: false,
      invalid: { password: ["This link has just been used. Ask for a new one."] },
    });
    const account = await db
      .selectFrom("accounts")
      .where("person_id", "=", person.id)
      .select("password_hash")
      .executeTakeFirstOrThrow();
    expect(account.password_hash).toBe("hash");
    expect((await events()).map((e) => e.action)).toEqual(["invitation.accepted"]);
  });

  it("appoints an administrator from the command line, with a link and an entry by Tandem itself", async () => {
    const outcome = await run(db, SYSTEM, appointAdministrator, {
      name: "Ada Lovelace",
      email: "ada@example.test",
    });
    if (!outcome.ok) throw new Error("appointing should succeed");
    expect((await checkOneTimeLink(db, outcome.link.token)).state).toBe("valid");
    expect(await events()).toMatchObject([{ action: "admin.appointed", actor_person_id: null }]);
  });

  it("makes a calendar address and logs sign-outs", async () => {
    const person = await makePerson(db);
    const actor = { personId: person.id, address: null };
    const made = await run(db, actor, newCalendarAddress, { personId: person.id });
    expect(made.ok && made.token.length).toBeGreaterThan(20);
    await run(db, actor, signOut, { personId: person.id });
    expect((await events()).map((e) => e.action)).toEqual(["calendar_feed.reset", "sign_out"]);
  });
});
