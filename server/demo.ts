// What Tandem says when it starts, and the demo for `npm start`: an empty database gets the demo cohort, never in
// production, where the first administrator is made on the command line instead.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { hasPeople } from "../app/models/person.server";
import { isProduction } from "../app/utils/env.server";
import { type Db, describeDatabaseUrl, sqliteFilename } from "../db/connection";
import { isPostgresUrl } from "../db/dialect";
import { formatDemoAccounts, seedDemo } from "../scripts/seed-demo";

const CREATE_ADMIN = [
  "",
  "Nobody can sign in yet. Create the first administrator (it prints a link to set their password):",
  '  npm run tandem -- create-admin --email you@example.gov.uk --name "Your Name"',
  "",
].join("\n");

/** Where the demo's accounts are kept: next to the SQLite file (data/demo-accounts.txt by default). */
export function demoAccountsPath(databaseUrl: string): string {
  const file = isPostgresUrl(databaseUrl) ? ":memory:" : sqliteFilename(databaseUrl);
  return join(file === ":memory:" ? resolve("data") : dirname(file), "demo-accounts.txt");
}

/** The request log scrolls the printed passwords away, so they are also kept in a file only its owner reads. */
function keepDemoAccounts(path: string, databaseUrl: string, accounts: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const heading = `Tandem's demo accounts in ${describeDatabaseUrl(databaseUrl)}, made ${new Date().toISOString()}:`;
  writeFileSync(path, `${heading}\n${accounts}\n`, { mode: 0o600 });
  // The mode above applies only to a new file.
  chmodSync(path, 0o600);
}

/**
 * Readies the database for the person starting Tandem and returns what to tell them: with `demo` (npm start,
 * outside production) an empty database gets the demo cohort; otherwise an empty one gets the create-admin hint.
 */
export async function welcome(
  db: Db,
  { demo, databaseUrl }: { demo: boolean; databaseUrl: string },
): Promise<string | null> {
  const seedable = demo && !isProduction();
  if (await hasPeople(db)) {
    if (!seedable) return null;
    const path = demoAccountsPath(databaseUrl);
    return [
      "",
      existsSync(path)
        ? `The database already has data. The demo accounts made when it was seeded are in ${path}.`
        : "The database already has data.",
      "For a link to set someone's password, run:  npm run tandem -- reset-link --email <email>",
      "",
    ].join("\n");
  }
  if (!seedable) return CREATE_ADMIN;
  const { accounts } = await seedDemo(db);
  const path = demoAccountsPath(databaseUrl);
  keepDemoAccounts(path, databaseUrl, formatDemoAccounts(accounts));
  return [
    "",
    "Demo cohort created. Sign in with any of these accounts:",
    formatDemoAccounts(accounts),
    "",
    `These accounts and their passwords are also in ${path} (readable by you only).`,
    "",
  ].join("\n");
}
