// What `npm start` does on first run: an empty database gets the demo cohort, whose accounts are printed once.
import { hasPeople } from "../app/models/person.server";
import type { Db } from "../db/connection";
import { formatDemoAccounts, seedDemo } from "../scripts/seed-demo";

/** Seeds an empty database when asked for the demo; returns what to tell the person starting Tandem. */
export async function welcome(
  db: Db,
  { demo }: { demo: boolean; databaseUrl: string },
): Promise<string | null> {
  if (!demo) return null;
  if (await hasPeople(db))
    return [
      "",
      "The database already has data. Demo passwords were printed when it was seeded; for a new link run:",
      "  npm run tandem -- reset-link --email <email>",
      "",
    ].join("\n");
  const { accounts } = await seedDemo(db);
  return [
    "",
    "Demo cohort created. Sign in with any of these accounts (passwords are shown only this once):",
    formatDemoAccounts(accounts),
    "",
  ].join("\n");
}
