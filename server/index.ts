// The production server, compiled by Remix together with the app into build/index.js (remix.config.js `server`),
// so the server and every loader share one module graph. `node build/index.js` serves; `npm start`
// (scripts/start.mjs) imports it and calls start({ demo: true }).
// First, before the app's modules: production's settings are checked (and Tandem stops if one is missing).
import "./check-settings";
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as build from "@remix-run/dev/server-build";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { DEFAULT_DATABASE_URL, describeDatabaseUrl, openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { holdWhileServing } from "../db/server-lock";
import { createApp, listen } from "./app";
import { welcome } from "./demo";
import { scheduleJobs } from "./jobs";
import { startMailDelivery } from "./mail-delivery";

/**
 * Opens the database (DATABASE_URL) once, migrates it, listens on PORT (default 3000; 0 picks a free port) and
 * closes the database on SIGTERM. With `demo`, an empty database gets the demo cohort first.
 */
export async function start({ demo = false }: { demo?: boolean } = {}) {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const serving = await holdWhileServing(databaseUrl);
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  const message = await welcome(db, { demo, databaseUrl });
  const serverBuild: ServerBuild = build;
  const { server, port } = await listen(
    createApp(serverBuild, db),
    Number(process.env.PORT ?? 3000),
    process.env.HOST,
  );
  // Links in emails go to APP_URL; without it (development, the demo) to where this server now listens.
  if (!process.env.APP_URL) process.env.APP_URL = `http://${process.env.HOST || "localhost"}:${port}`;
  const delivery = process.env.SMTP_URL
    ? startMailDelivery(db, {
        smtpUrl: process.env.SMTP_URL,
        retryBaseMs: optionalNumber("MAIL_RETRY_BASE_MS"),
        pollMs: optionalNumber("MAIL_POLL_MS"),
      })
    : null;
  const jobs = scheduleJobs(db);
  // Under `remix dev`, tell the dev server the new build is being served.
  if (serverBuild.mode === "development") await broadcastDevReady(serverBuild);
  // SIGTERM: stop accepting connections, let requests in flight finish, close the database, exit.
  const shutdown = () => {
    server.close(async () => {
      await jobs.stop();
      await delivery?.stop();
      await db.destroy();
      await serving.release();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  if (message) console.log(message);
  if (!delivery)
    console.log("No SMTP_URL: emails wait in the outbox, where administrators can read them (Outbox page).");
  console.log(
    `Tandem is listening on http://localhost:${port}  (database: ${describeDatabaseUrl(databaseUrl)})`,
  );
  return { server, port };
}

function optionalNumber(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a number of milliseconds`);
  return number;
}

/** Whether this module is the program node was asked to run (not imported by scripts/start.mjs). */
function isMainModule(): boolean {
  const main = process.argv[1];
  if (!main) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(main)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) await start();
