// How Tandem runs in production (issue 13, finding 10): it refuses to start without the settings security depends
// on, builds the links it shows from APP_URL (never from the request's Host header), and sends each cache header
// once.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCalendarFeed } from "~/models/calendar-feed.server";
import { fileDb } from "../setup/db";
import { makeWorld, type World } from "../setup/factories";
import {
  get,
  postRaw,
  sessionCookieMaker,
  startServer,
  TEST_SESSION_SECRET,
  type TestServer,
} from "../setup/server";

/** Runs the built server with `env` until it exits or says it is listening; returns the exit code and output. */
async function startUp(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const database = await fileDb();
  try {
    const child: ChildProcess = spawn(process.execPath, ["build/index.js"], {
      env: { ...process.env, ...env, DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const code = await new Promise<number | null>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/listening on http/.test(output)) {
          child.kill("SIGTERM");
          resolve(null);
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      child.once("exit", (exitCode) => resolve(exitCode));
    });
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    return { code, output };
  } finally {
    await database.remove();
  }
}

const PRODUCTION = {
  NODE_ENV: "production",
  SESSION_SECRET: TEST_SESSION_SECRET,
  SECRETS_KEY: "tandem-test-secrets-key-of-at-least-32-characters",
  APP_URL: "https://tandem.example",
};

describe("starting in production", () => {
  it("refuses to run without SESSION_SECRET, SECRETS_KEY or APP_URL, naming what is missing", async () => {
    for (const missing of ["SESSION_SECRET", "SECRETS_KEY", "APP_URL"] as const) {
      const { code, output } = await startUp({ ...PRODUCTION, [missing]: "" });
      expect(code, output).toBe(1);
      expect(output).toContain(`${missing} must be set when NODE_ENV=production`);
      expect(output).not.toContain("    at ");
    }
    const notAUrl = await startUp({ ...PRODUCTION, APP_URL: "tandem.example" });
    expect(notAUrl.code).toBe(1);
    expect(notAUrl.output).toContain("APP_URL must be the address people use to reach Tandem");
    const shortKey = await startUp({ ...PRODUCTION, SECRETS_KEY: "too-short" });
    expect(shortKey.code).toBe(1);
    expect(shortKey.output).toContain("SECRETS_KEY must be at least 32 characters long");
  });
});

describe("in production", () => {
  let server: TestServer;
  let world: World;
  const cookieFor = sessionCookieMaker("__Host-tandem_session", TEST_SESSION_SECRET);

  beforeAll(async () => {
    server = await startServer(async (db) => {
      world = await makeWorld(db);
    }, PRODUCTION);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("builds a one-time link from APP_URL, whatever Host the request names", async () => {
    const cookie = await cookieFor(server.db, world.people.coordinator.id);
    const path = `/cohorts/${world.cohortA.id}/people/${world.people.participant.id}/link`;
    const issued = await postRaw(
      `${server.url}${path}`,
      {
        headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "evil.example" },
        body: Buffer.alloc(0),
      },
      cookie,
    );
    expect(issued.status).toBe(302);
    const html = await (await get(`${server.url}${path}`, cookie)).text();
    expect(html).toMatch(/https:\/\/tandem\.example\/set-password\/[A-Za-z0-9_-]{20,}/);
    expect(html).not.toContain("evil.example");
  });

  it("sends Cache-Control once on calendars and CSV files", async () => {
    const cookie = await cookieFor(server.db, world.people.coordinator.id);
    const token = await server.db
      .transaction()
      .execute((tx) => resetCalendarFeed(tx, world.people.coordinator.id));
    for (const path of [
      `/cohorts/${world.cohortA.id}/calendar.ics`,
      `/calendar/${token}.ics`,
      `/cohorts/${world.cohortA.id}/report/sector.csv`,
    ]) {
      const response = await get(`${server.url}${path}`, cookie);
      expect(response.status, path).toBe(200);
      const cacheControl = response.headers.get("cache-control") ?? "";
      // Repeated headers reach fetch joined by commas: "no-store, no-store".
      expect(
        cacheControl.split(",").filter((part) => part.trim() === "no-store"),
        path,
      ).toHaveLength(1);
    }
    expect((await get(`${server.url}/sign-in`)).headers.get("cache-control")).toBe("no-store");
  });
});
