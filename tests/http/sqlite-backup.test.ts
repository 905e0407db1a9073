// Online backup and checked restore of a SQLite database while the server takes writes. SQLite only: on
// PostgreSQL backups are pg_dump's job (tests/postgres/commands.test.ts checks the command says so).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { fileDb } from "../setup/db";
import { makeWorld } from "../setup/factories";
import { serveProcess } from "../setup/serve-process";
import { post, sessionCookieFor } from "../setup/server";

const scratch = mkdtempSync(join(tmpdir(), "tandem-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("backup and restore", () => {
  function tandem(url: string, ...args: string[]) {
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/tandem.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
  }

  it("backs up while the server takes writes, and restores only a sound backup", async () => {
    const database = await fileDb();
    const world = await makeWorld(database.db);
    const cookie = await sessionCookieFor(database.db, world.people.coordinator.id);
    const server = await serveProcess(database.url);
    const file = join(scratch, "backup.sqlite");
    try {
      const writing = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(
            `${server.base}/cohorts/${world.cohortA.id}/people/invite`,
            { name: `Backup ${i}`, email: `backup-${i}@example.test`, role: "participant" },
            cookie,
          ),
        ),
      );
      const backup = tandem(database.url, "backup", file);
      await writing;
      expect(backup.status, backup.stderr).toBe(0);
      const copy = new SQLite(file, { readonly: true });
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const backedUp = (copy.prepare("select count(*) as n from people").get() as { n: number }).n;
      copy.close();
      expect(backedUp).toBeGreaterThanOrEqual(7);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }

    const restoredUrl = `file:${join(scratch, "restored.sqlite")}`;
    const restored = tandem(restoredUrl, "restore", file);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* \(\d+ tables, \d+ people\)/);
    const junk = join(scratch, "junk.sqlite");
    new SQLite(junk).exec("create table t (x)");
    const refused = tandem(restoredUrl, "restore", junk);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("not a Tandem database");
    await database.remove();
  });
});
