// The lock that keeps `restore` and `copy-data` from replacing a database while Tandem runs on it. A running
// server holds it shared (several servers may share a database); a command that replaces or copies a whole
// database claims it exclusively, and is refused while any server holds it. Both kinds are released when their
// process ends, however it ends (kill -9 included), so a crash never leaves a database locked.
//
// SQLite: SQLite's own file lock on an empty side file, `<database>.lock`. A server keeps a read transaction open
// on it (a SHARED lock); a command takes an EXCLUSIVE one, which SQLite grants only when nobody holds SHARED.
// These are POSIX record locks, which the kernel drops with the process. The lock is not on the database itself,
// because a read transaction held there for the server's lifetime would stop SQLite checkpointing its WAL. The
// side file stays beside the database: removing it while something holds it would let a second lock be taken.
//
// PostgreSQL: a session-level advisory lock in the database, pg_advisory_lock_shared for servers and
// pg_try_advisory_lock for commands, on a connection of its own; PostgreSQL releases it when the session ends.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { describeDatabaseUrl, sqliteFilename } from "./connection";
import { isPostgresUrl } from "./dialect";

export type HeldLock = { release: () => Promise<void> };
/** A command's claim: granted, or refused with what holds the database. */
export type Claim = ({ ok: true } & HeldLock) | { ok: false; holder: string };

/** "TANDEM" in ASCII: the advisory lock key, one per database (advisory locks are scoped to a database). */
const ADVISORY_KEY = "92632226555213";
const RECONNECT_MS = 5_000;
const NOTHING_HELD: HeldLock = { release: async () => undefined };

/** The side file SQLite locks for a database file, or null for an in-memory database (nothing can replace it). */
export function sqliteLockFile(databaseUrl: string): string | null {
  const filename = sqliteFilename(databaseUrl);
  return filename === ":memory:" ? null : `${filename}.lock`;
}

function openLockFile(file: string): SQLite.Database {
  mkdirSync(dirname(file), { recursive: true });
  const lock = new SQLite(file);
  lock.pragma("busy_timeout = 0");
  return lock;
}

const isBusy = (error: unknown) => (error as { code?: string }).code === "SQLITE_BUSY";

function holdSqlite(databaseUrl: string): HeldLock {
  const file = sqliteLockFile(databaseUrl);
  if (!file) return NOTHING_HELD;
  const lock = openLockFile(file);
  try {
    lock.exec("begin");
    lock.prepare("select count(*) from sqlite_master").get();
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw replacingError(databaseUrl, file);
    throw error;
  }
  return { release: async () => void lock.close() };
}

function claimSqlite(databaseUrl: string): Claim {
  const file = sqliteLockFile(databaseUrl);
  if (!file) return { ok: true, ...NOTHING_HELD };
  const lock = openLockFile(file);
  try {
    lock.exec("begin exclusive");
  } catch (error) {
    lock.close();
    if (isBusy(error)) return { ok: false, holder: `a server holds ${file}` };
    throw error;
  }
  return { ok: true, release: async () => void lock.close() };
}

/** A connection holding the advisory lock, or null when it is taken the other way. */
async function advisoryLock(
  databaseUrl: string,
  take: "pg_try_advisory_lock_shared" | "pg_try_advisory_lock",
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  // An error event with no listener would end the process; the server's lock adds one that acts on it.
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ held: boolean }>(`select ${take}($1) as held`, [ADVISORY_KEY]);
    if (rows[0]?.held) return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  await client.end();
  return null;
}

/**
 * The server's shared advisory lock. If its connection drops (PostgreSQL restarted), the lock went with it: say so
 * and take it again on a new connection, so the server is not left unprotected for long.
 */
async function holdPostgres(databaseUrl: string): Promise<HeldLock> {
  let client = await advisoryLock(databaseUrl, "pg_try_advisory_lock_shared");
  if (!client) throw replacingError(databaseUrl, "an advisory lock");
  let released = false;
  let retry: NodeJS.Timeout | undefined;
  const watch = (held: pg.Client) => {
    let lost = false;
    // A dropped connection can report more than one error: take the lock again once.
    held.on("error", (error) => {
      if (released || lost) return;
      lost = true;
      held.end().catch(() => undefined);
      process.stderr.write(
        `${JSON.stringify({
          at: new Date().toISOString(),
          level: "error",
          message: `Lost the database connection holding the server's lock (${error.message}); taking it again`,
        })}\n`,
      );
      retry = setTimeout(reacquire, 0).unref();
    });
  };
  const reacquire = async () => {
    const again = await advisoryLock(databaseUrl, "pg_try_advisory_lock_shared").catch(() => null);
    if (released) {
      await again?.end().catch(() => undefined);
      return;
    }
    if (!again) {
      retry = setTimeout(reacquire, RECONNECT_MS).unref();
      return;
    }
    client = again;
    watch(again);
  };
  watch(client);
  return {
    release: async () => {
      released = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

async function claimPostgres(databaseUrl: string): Promise<Claim> {
  const client = await advisoryLock(databaseUrl, "pg_try_advisory_lock");
  if (!client) return { ok: false, holder: "a server holds its advisory lock" };
  // A claim lasts one command: should its connection drop, the command's own queries fail too.
  return { ok: true, release: () => client.end() };
}

function replacingError(databaseUrl: string, what: string): Error {
  return new Error(
    `${describeDatabaseUrl(databaseUrl)} is being restored or copied into (a command holds ${what}): start Tandem again when it has finished`,
  );
}

/**
 * Taken by a server before it opens its database and held until it stops, so `restore` and `copy-data` refuse
 * the database meanwhile. Throws when one of them is replacing the database right now.
 */
export async function holdWhileServing(databaseUrl: string): Promise<HeldLock> {
  return isPostgresUrl(databaseUrl) ? holdPostgres(databaseUrl) : holdSqlite(databaseUrl);
}

/** Claims a database for a command that replaces or copies all of it: refused while any server runs on it. */
export async function claimWholeDatabase(databaseUrl: string): Promise<Claim> {
  return isPostgresUrl(databaseUrl) ? claimPostgres(databaseUrl) : claimSqlite(databaseUrl);
}
