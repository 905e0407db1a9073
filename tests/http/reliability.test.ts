// The server under stress: health check, request logs, SIGTERM, SIGKILL mid-write (on SQLite and PostgreSQL).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { maskedPath } from "~/utils/error-log.server";
import { openDatabase } from "../../db/connection";
import { integrityProblems } from "../../db/integrity";
import { fileDb } from "../setup/db";
import { makeWorld } from "../setup/factories";
import { serveProcess } from "../setup/serve-process";
import { get, post, sessionCookieFor } from "../setup/server";

describe("health and request logs", () => {
  it("reports the database reachable, logs one line per request and never logs a token", async () => {
    const database = await fileDb();
    const world = await makeWorld(database.db);
    const cookie = await sessionCookieFor(database.db, world.people.coordinator.id);
    const server = await serveProcess(database.url);
    try {
      const health = await get(`${server.base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", database: "reachable" });
      await get(`${server.base}/`, cookie);
      await get(`${server.base}/set-password/abcdefghijklmnopqrstuvwxyz0123456789`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const lines = server
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const home = lines.find((l) => l.path === "/");
      expect(home).toMatchObject({ method: "GET", status: 200, personId: world.people.coordinator.id });
      // The signed-in home page reads the session and the user's cohorts at least: its queries are counted.
      expect(home?.queries).toBeGreaterThanOrEqual(2);
      expect(lines.find((l) => l.path === "/healthz")?.queries).toBe(1);
      expect(lines.find((l) => String(l.path).startsWith("/set-password"))?.path).toBe(
        "/set-password/:token",
      );
      expect(server.output()).not.toContain("abcdefghijklmnopqrstuvwxyz0123456789");
      expect(server.output()).not.toContain(cookie.split("=")[1]);
    } finally {
      server.child.kill("SIGKILL");
      await database.remove();
    }
  });

  it("masks long random path segments", () => {
    expect(maskedPath("/calendar/Zm9vYmFyYmF6cXV4cXV1eHh5enp6.ics")).toBe("/calendar/:token.ics");
    expect(maskedPath("/cohorts/12/people/34/link")).toBe("/cohorts/12/people/34/link");
  });
});

describe("shutting down", () => {
  it("finishes the request in flight on SIGTERM, then exits cleanly", async () => {
    const database = await fileDb();
    await makeWorld(database.db);
    const server = await serveProcess(database.url);
    // A request whose headers have started arriving is in flight: send its last line after the signal.
    const { hostname, port } = new URL(server.base);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.write("GET /accessibility HTTP/1.1\r\nHost: localhost\r\n");
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write("Connection: close\r\n\r\n");
    await new Promise((resolve) => socket.once("close", resolve));
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    expect(await server.exited).toBe(0);
    await expect(get(`${server.base}/accessibility`)).rejects.toThrow();
    await database.remove();
  });
});

describe("crash safety", () => {
  it("keeps every acknowledged write when the server is killed mid-way, and the database stays sound", async () => {
    const database = await fileDb();
    const world = await makeWorld(database.db);
    const cookie = await sessionCookieFor(database.db, world.people.coordinator.id);
    const server = await serveProcess(database.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let i = 0; !stop; i++) {
        const email = `crash-${writer}-${i}@example.test`;
        try {
          const response = await post(
            `${server.base}/cohorts/${world.cohortA.id}/people/invite`,
            { name: `Crash ${writer} ${i}`, email, role: "participant" },
            cookie,
          );
          if (response.status === 302) acknowledged.push(email);
        } catch {
          return;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    await server.exited;
    expect(acknowledged.length).toBeGreaterThan(10);

    const restarted = await serveProcess(database.url);
    try {
      expect((await get(`${restarted.base}/healthz`)).status).toBe(200);
      const reopened = openDatabase(database.url);
      expect(await integrityProblems(reopened)).toEqual([]);
      const stored = new Set(
        (await reopened.selectFrom("people").where("email", "like", "crash-%").select("email").execute()).map(
          (r) => r.email,
        ),
      );
      await reopened.destroy();
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    } finally {
      restarted.child.kill("SIGKILL");
      await database.remove();
    }
  });
});
