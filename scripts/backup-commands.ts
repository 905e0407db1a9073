// `backup` and `restore`: the SQLite database's online backup and checked restore.
import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase } from "../db/backup";
import { DEFAULT_DATABASE_URL } from "../db/connection";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const databaseUrl = () => process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

export const backupCommands: Record<string, Command> = {
  backup: {
    summary: "Copy the database to a file while Tandem runs (SQLite's online backup)",
    usage: "backup <file>",
    async run(args) {
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
    summary: "Check a backup and put it in place of the database (stop Tandem first)",
    usage: "restore <file>",
    async run(args) {
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
};
