// `npm start`: builds Tandem when the build is missing or older than its sources, then serves it with the demo
// (build/index.js's start(): migrate, seed an empty database, listen). Plain JavaScript: no TypeScript loader.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** What build/index.js is compiled from. */
const SOURCES = ["app", "db", "server", "scripts/seed-demo.ts", "remix.config.js"];
const SERVER_BUILD = "build/index.js";

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function buildIsStale() {
  if (!existsSync(SERVER_BUILD) || !existsSync("public/css/tandem.css")) return true;
  const built = statSync(SERVER_BUILD).mtimeMs;
  return SOURCES.some((source) => newestChange(source) > built);
}

if (buildIsStale()) {
  console.log("Building Tandem…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await import(pathToFileURL(resolve(SERVER_BUILD)).href);
await server.start({ demo: true });
