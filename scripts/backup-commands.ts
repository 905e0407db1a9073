// `backup` and `restore`: the SQLite database's online backup and checked restore (PostgreSQL: pg_dump);
// `copy-data`: a whole deployment from one database to another (SQLite to PostgreSQL and back).
import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase } from "../db/backup";
import { DEFAULT_DATABASE_URL, describeDatabaseUrl } from "../db/connection";
import { copyData } from "../db/copy";
import { isPostgresUrl } from "../db/dialect";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const databaseUrl = () => process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

/** On PostgreSQL, backups are the database's own tools' job. */
function refusedOnPostgres(command: "backup" | "restore"): boolean {
  if (!isPostgresUrl(databaseUrl())) return false;
  console.error(
    command === "backup"
      ? 'DATABASE_URL names PostgreSQL: back it up with pg_dump (pg_dump --format=custom --file=tandem.dump "$DATABASE_URL"); `backup` is for SQLite files.'
      : 'DATABASE_URL names PostgreSQL: restore a pg_dump file with pg_restore (pg_restore --clean --dbname="$DATABASE_URL" tandem.dump); `restore` is for SQLite files.',
  );
  return true;
}

export const backupCommands: Record<string, Command> = {
  backup: {
    summary: "Copy the database to a file while Tandem runs (SQLite's online backup)",
    usage: "backup <file>",
    async run(args) {
      if (refusedOnPostgres("backup")) return 2;
      const { positionals } = parseArgs({ args, allowPositionals: true });
      const [file] = positionals;
      if (!file) {
        console.error("Usage: npm run tandem -- backup <file>");
        return 2;
      }
      const { pages } = await backupDatabase(databaseUrl(), file);
      console.log(`Backed up ${databaseUrl()} to ${file} (${pages} pages)`);
      return 0;
    },
  },
  restore: {
    summary: "Check a backup and put it in place of the database (refused while Tandem runs on it)",
    usage: "restore <file>",
    async run(args) {
      if (refusedOnPostgres("restore")) return 2;
      const { positionals } = parseArgs({ args, allowPositionals: true });
      const [file] = positionals;
      if (!file) {
        console.error("Usage: npm run tandem -- restore <file>");
        return 2;
      }
      const result = await restoreDatabase(file, databaseUrl());
      if (!result.ok) {
        console.error(`Not restored: ${file}: ${result.problem}. The database is unchanged.`);
        return 2;
      }
      console.log(
        `Restored ${databaseUrl()} from ${file} (${result.tables} tables, ${result.people} people)`,
      );
      return 0;
    },
  },
  "copy-data": {
    summary: "Copy every table from one database to an empty one (SQLite ⇄ PostgreSQL), checking row counts",
    usage: "copy-data --from <url> --to <url>",
    async run(args) {
      const { values } = parseArgs({ args, options: { from: { type: "string" }, to: { type: "string" } } });
      if (!values.from || !values.to) {
        console.error(
          "Usage: npm run tandem -- copy-data --from file:data/tandem.sqlite --to postgres://user@host/tandem",
        );
        return 2;
      }
      const result = await copyData(values.from, values.to);
      if (!result.ok) {
        console.error(`Not copied: ${result.problem}. The target is unchanged.`);
        return 2;
      }
      const width = Math.max(...result.tables.map((t) => t.table.length));
      console.log(`${"table".padEnd(width)}  ${"source".padStart(8)}  ${"target".padStart(8)}`);
      for (const t of result.tables)
        console.log(
          `${t.table.padEnd(width)}  ${String(t.source).padStart(8)}  ${String(t.target).padStart(8)}`,
        );
      const rows = result.tables.reduce((sum, t) => sum + t.target, 0);
      console.log(
        `Copied ${rows} rows in ${result.tables.length} tables from ${describeDatabaseUrl(values.from)} to ${describeDatabaseUrl(values.to)}; every count matches.`,
      );
      return 0;
    },
  },
};
