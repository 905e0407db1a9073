// Serves the built app: migrates the database, then listens on PORT (default 3000; 0 picks a free port).

import { broadcastDevReady } from "@remix-run/node";
import { getDb } from "../app/db.server";
import { migrateToLatest } from "../db/migrate";
import { listen, loadBuild } from "./server";

export async function serve(port = Number(process.env.PORT ?? 3000)) {
  await migrateToLatest(getDb());
  const build = await loadBuild();
  const result = await listen(build, port, process.env.HOST);
  // Under `remix dev`, tell the dev server the new build is being served.
  if (build.mode === "development") await broadcastDevReady(build);
  // SIGTERM: stop accepting connections, let requests in flight finish, close the database, exit.
  const shutdown = () => {
    result.server.close(async () => {
      await getDb().destroy();
      process.exit(0);
    });
    result.server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port } = await serve();
  console.log(`Tandem is listening on http://localhost:${port}`);
}
