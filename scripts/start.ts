// `npm start`: builds if needed, migrates, seeds the demo cohort into an empty database, serves, prints how to sign in.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { getDb } from "../app/db.server";
import { DEFAULT_DATABASE_URL, describeDatabaseUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { formatDemoAccounts, seedDemo } from "./seed-demo";
import { serve } from "./serve";

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  if (!existsSync("build/index.js") || !existsSync("public/css/tandem.css")) return true;
  const built = statSync("build/index.js").mtimeMs;
  return ["app", "db"].some((dir) => newestChange(dir) > built);
}

if (buildIsStale()) {
  console.log("Building Tandem…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const db = getDb();
await migrateToLatest(db);
const people = await db
  .selectFrom("people")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .executeTakeFirstOrThrow();
let accountsText = "";
if (Number(people.n) === 0) {
  const { accounts } = await seedDemo(db);
  accountsText = [
    "",
    "Demo cohort created. Sign in with any of these accounts (passwords are shown only this once):",
    formatDemoAccounts(accounts),
    "",
  ].join("\n");
} else {
  accountsText = [
    "",
    "The database already has data. Demo passwords were printed when it was seeded; for a new link run:",
    "  npm run tandem -- reset-link --email <email>",
    "",
  ].join("\n");
}

const { port } = await serve();
console.log(accountsText);
console.log(
  `Tandem is running at http://localhost:${port}/sign-in  (database: ${describeDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)})`,
);
