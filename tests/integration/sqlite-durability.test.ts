// SQLite's durability setting (issue 13, finding 10): FULL unless SQLITE_SYNCHRONOUS says otherwise, so a write
// Tandem has acknowledged survives a power cut. SQLite files only: PostgreSQL's durability is its own settings'.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";

const dir = mkdtempSync(join(tmpdir(), "tandem-durability-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = process.env.SQLITE_SYNCHRONOUS;
afterEach(() => {
  if (saved === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = saved;
});

/** SQLite's synchronous setting on a new connection: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
async function synchronousOf(setting: string | undefined): Promise<number> {
  if (setting === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = setting;
  const db = openDatabase(`file:${join(dir, "tandem.sqlite")}`);
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    return Number(rows[0]?.synchronous);
  } finally {
    await db.destroy();
  }
}

describe("SQLite's synchronous setting", () => {
  it("is FULL unless configured otherwise", async () => {
    expect(await synchronousOf(undefined)).toBe(2);
    expect(await synchronousOf("")).toBe(2);
  });

  it("follows SQLITE_SYNCHRONOUS (normal, full or extra, in any case)", async () => {
    expect(await synchronousOf("normal")).toBe(1);
    expect(await synchronousOf("FULL")).toBe(2);
    expect(await synchronousOf("extra")).toBe(3);
  });

  it("refuses a value it does not know, rather than guessing", async () => {
    await expect(synchronousOf("off")).rejects.toThrow(
      'SQLITE_SYNCHRONOUS must be "full" (the default), "normal" or "extra"',
    );
  });
});
