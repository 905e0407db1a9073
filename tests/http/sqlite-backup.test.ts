// Online backup and checked restore of a SQLite database while the server takes writes, and the lock a running
// server holds so that restore and copy-data cannot swap the file under it. SQLite only: on PostgreSQL backups
// are pg_dump's job (tests/postgres/commands.test.ts checks the command says so, and the lock there).
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

/** Each test starts servers and several command-line processes (a second or more each): more than the default. */
const SLOW = 90_000;

function tandem(url: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/tandem.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

/** How many people have an email starting `prefix`, read afresh from the file (not through a connection kept open). */
function peopleNamed(url: string, prefix: string): number {
  const file = new SQLite(url.slice("file:".length), { readonly: true });
  try {
    return (
      file.prepare("select count(*) as n from people where email like ?").get(`${prefix}%`) as { n: number }
    ).n;
  } finally {
    file.close();
  }
}

describe("backup and restore", { timeout: SLOW }, () => {
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

describe("the lock a running server holds", { timeout: SLOW }, () => {
  it("refuses to restore while the server runs, and keeps every write the server acknowledged", async () => {
    const database = await fileDb();
    const world = await makeWorld(database.db);
    const cookie = await sessionCookieFor(database.db, world.people.coordinator.id);
    const file = join(scratch, "earlier.sqlite");
    expect(tandem(database.url, "backup", file).status).toBe(0);
    let server = await serveProcess(database.url);
    const invite = (n: number) =>
      post(
        `${server.base}/cohorts/${world.cohortA.id}/people/invite`,
        { name: `Kept ${n}`, email: `kept-${n}@example.test`, role: "participant" },
        cookie,
      );
    try {
      expect((await invite(1)).status).toBe(302);
      const refused = tandem(database.url, "restore", file);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("Not restored: ");
      expect(refused.stderr).toContain("Tandem is running on this database");
      expect(refused.stderr).toContain("Stop it, then run this again. The database is unchanged.");
      expect((await invite(2)).status).toBe(302);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    server = await serveProcess(database.url);
    try {
      expect(peopleNamed(database.url, "kept-")).toBe(2);
      const people = await (
        await fetch(`${server.base}/cohorts/${world.cohortA.id}/people`, { headers: { cookie } })
      ).text();
      expect(people).toContain("Kept 1");
      expect(people).toContain("Kept 2");
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    await database.remove();
  });

  it("lets restore go ahead once the server has stopped, even when it was killed with kill -9", async () => {
    const database = await fileDb();
    await makeWorld(database.db);
    const file = join(scratch, "before-kill.sqlite");
    expect(tandem(database.url, "backup", file).status).toBe(0);
    const server = await serveProcess(database.url);
    server.child.kill("SIGKILL");
    await server.exited;
    const restored = tandem(database.url, "restore", file);
    expect(restored.status, restored.stderr).toBe(0);
    const again = await serveProcess(database.url);
    expect((await fetch(`${again.base}/healthz`)).status).toBe(200);
    again.child.kill("SIGTERM");
    await again.exited;
    await database.remove();
  });

  it("refuses to copy into, or out of, a database a server is running on", async () => {
    const source = await fileDb();
    await makeWorld(source.db);
    const target = await fileDb();
    const server = await serveProcess(target.url);
    try {
      const into = tandem(target.url, "copy-data", "--from", source.url, "--to", target.url);
      expect(into.status).toBe(2);
      expect(into.stderr).toContain("Not copied: Tandem is running on the target");
      expect(into.stderr).toContain("The target is unchanged.");
      expect(peopleNamed(target.url, "")).toBe(0);
      const elsewhere = `file:${join(scratch, "copy-of-running.sqlite")}`;
      const from = tandem(target.url, "copy-data", "--from", target.url, "--to", elsewhere);
      expect(from.status).toBe(2);
      expect(from.stderr).toContain("Not copied: Tandem is running on the source");
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    const copied = tandem(target.url, "copy-data", "--from", source.url, "--to", target.url);
    expect(copied.status, copied.stderr).toBe(0);
    expect(peopleNamed(target.url, "")).toBeGreaterThan(0);
    await source.remove();
    await target.remove();
  });
});
