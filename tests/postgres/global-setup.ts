// Starts a throw-away PostgreSQL server for the PostgreSQL run (unless TEST_DATABASE_URL names one) and stops it
// afterwards. Test workers start after this runs, so they inherit TEST_DATABASE_URL.
import { isPostgresUrl } from "../../db/dialect";
import { startThrowawayPostgres } from "../setup/postgres-server";

export default async function setup() {
  const given = process.env.TEST_DATABASE_URL;
  if (given && isPostgresUrl(given)) {
    console.log(`PostgreSQL run on TEST_DATABASE_URL ${new URL(given).host}`);
    return;
  }
  const server = await startThrowawayPostgres();
  process.env.TEST_DATABASE_URL = server.url;
  console.log(`PostgreSQL run on a throw-away server at ${new URL(server.url).host}`);
  return () => server.stop();
}
