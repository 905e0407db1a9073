// Online backup and checked restore of a SQLite database, through SQLite's own backup API.
import { existsSync, renameSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { sqliteFilename } from "./connection";
import { migrations } from "./migrations/index";
import { claimWholeDatabase } from "./server-lock";

/** Copies the live database (other processes may keep writing) to `target`, consistently. */
export async function backupDatabase(databaseUrl: string, target: string): Promise<{ pages: number }> {
  const source = new SQLite(sqliteFilename(databaseUrl), { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(target);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

export type BackupCheck = { ok: true; tables: number; people: number } | { ok: false; problem: string };

/** Whether a file is a sound Tandem backup that this version can run on. */
export function checkBackup(file: string): BackupCheck {
  if (!existsSync(file)) return { ok: false, problem: `${file} does not exist` };
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { ok: false, problem: `integrity check failed: ${String(integrity)}` };
    const applied = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!applied) return { ok: false, problem: "it is not a Tandem database (no migrations table)" };
    const names = (db.prepare("select name from kysely_migration").all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
    const unknown = names.filter((name) => !(name in migrations));
    if (unknown.length)
      return { ok: false, problem: `it was made by a newer Tandem (migrations ${unknown.join(", ")})` };
    const tables = (
      db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }
    ).n;
    const people = (db.prepare("select count(*) as n from people").get() as { n: number }).n;
    return { ok: true, tables, people };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database with a checked backup. Refused while Tandem runs on the database: the server would go on
 * writing to the file this replaces, and those writes would be lost.
 */
export async function restoreDatabase(backupFile: string, databaseUrl: string): Promise<BackupCheck> {
  const claim = await claimWholeDatabase(databaseUrl);
  if (!claim.ok)
    return {
      ok: false,
      problem: `Tandem is running on this database (${claim.holder}). Stop it, then run this again`,
    };
  try {
    const check = checkBackup(backupFile);
    if (!check.ok) return check;
    const target = sqliteFilename(databaseUrl);
    const staging = `${target}.restoring`;
    rmSync(staging, { force: true });
    const source = new SQLite(backupFile, { readonly: true });
    try {
      await source.backup(staging);
    } finally {
      source.close();
    }
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    return check;
  } finally {
    await claim.release();
  }
}
