// The lock a running server holds on its database, on SQLite (a side file's lock) and on PostgreSQL (an advisory
// lock): servers share it, and `restore` and `copy-data` claim it whole. The commands' refusals are shown end to
// end in tests/http/sqlite-backup.test.ts and tests/postgres/commands.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimWholeDatabase, holdWhileServing } from "../../db/server-lock";
import { fileDb, type TestDatabase } from "../setup/db";

let database: TestDatabase;
beforeEach(async () => {
  database = await fileDb();
});
afterEach(async () => {
  await database.remove();
});

describe("the lock a running server holds", () => {
  it("is shared by servers, and refuses a claim on the whole database until every server has let go", async () => {
    const first = await holdWhileServing(database.url);
    const second = await holdWhileServing(database.url);
    const refused = await claimWholeDatabase(database.url);
    expect(refused).toEqual({ ok: false, holder: expect.stringMatching(/^a server holds /) });
    await first.release();
    expect((await claimWholeDatabase(database.url)).ok).toBe(false);
    await second.release();
    const claim = await claimWholeDatabase(database.url);
    expect(claim.ok).toBe(true);
    if (claim.ok) await claim.release();
  });

  it("keeps a server from starting, and a second command from claiming, while a command holds the database", async () => {
    const claim = await claimWholeDatabase(database.url);
    if (!claim.ok) throw new Error(`Not claimed: ${claim.holder}`);
    await expect(holdWhileServing(database.url)).rejects.toThrow(
      /is being restored or copied into \(a command holds .+\): start Tandem again when it has finished/,
    );
    expect((await claimWholeDatabase(database.url)).ok).toBe(false);
    await claim.release();
    const serving = await holdWhileServing(database.url);
    await serving.release();
  });
});
