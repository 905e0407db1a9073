import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { fileDb } from "../setup/db";
import { makeCohort, makeMember, makeProgramme } from "../setup/factories";

let database: Awaited<ReturnType<typeof fileDb>>;
let db: Db;
let oldId: number;
let currentId: number;

beforeAll(async () => {
  database = await fileDb();
  db = database.db;
  const programme = await makeProgramme(db, "CLI programme");
  const old = await makeCohort(db, programme.id, { name: "2023", startDate: "2023-01-02" });
  const current = await makeCohort(db, programme.id, { name: "2027", startDate: "2027-01-04" });
  oldId = (await makeMember(db, old.id, "participant", { name: "Olive Old" })).id;
  currentId = (await makeMember(db, current.id, "participant", { name: "Cara Current" })).id;
});
afterAll(async () => {
  await database.remove();
});

function tandem(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/tandem.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const nameOf = async (id: number) =>
  (await db.selectFrom("people").where("id", "=", id).select("name").executeTakeFirstOrThrow()).name;

describe("npm run tandem -- retention", () => {
  it("lists who it would anonymise with --dry-run, changing nothing", async () => {
    const { status, out } = tandem("retention", "--dry-run", "--today", "2026-11-23");
    expect(status).toBe(0);
    expect(out).toContain("Would anonymise 1 person");
    expect(out).toContain("Olive Old");
    expect(out).not.toContain("Cara Current");
    expect(await nameOf(oldId)).toBe("Olive Old");
  });

  it("anonymises them, and is safe to run again", async () => {
    expect(tandem("retention", "--today", "2026-11-23").out).toContain("Anonymised 1 person");
    expect(await nameOf(oldId)).toBe(`Anonymised person ${oldId}`);
    expect(await nameOf(currentId)).toBe("Cara Current");
    expect(tandem("retention", "--today", "2026-11-23").out).toContain("Nobody is due for anonymisation.");
    const audit = await db
      .selectFrom("audit_events")
      .where("action", "=", "person.anonymised")
      .selectAll()
      .execute();
    expect(audit.map((a) => a.subject_id)).toEqual([oldId]);
  });

  it("refuses a malformed date", () => {
    const { status, err } = tandem("retention", "--today", "tomorrow");
    expect(status).toBe(2);
    expect(err).toContain("--today must be a date");
  });
});
