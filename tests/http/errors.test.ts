// Unexpected errors: one JSON line each on standard error, with the id of the request that met them, which its
// request-log line and its 500 page show too. Refusals and missing pages are answers, not errors.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../setup/factories";
import { get, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let cookie: string;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
  });
  cookie = await sessionCookieFor(server.db, world.people.coordinator.id);
  // The home page lists the viewer's cohorts from memberships; the root loader (the session, the person) does
  // not read it. Without the table the home page meets an error nobody planned for, as a real fault would.
  await sql`alter table memberships rename to memberships_gone`.execute(server.db);
});

afterAll(async () => {
  await server?.stop();
});

/** Waits for the server's logs to show what `find` looks for (its output arrives after the response). */
async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("The server's logs never showed it");
}

describe("an unexpected error", () => {
  it("shows a 500 page quoting a reference that names the request's log line and its one error line", async () => {
    const response = await get(`${server.url}/`, cookie);
    const html = await response.text();
    expect(response.status).toBe(500);
    expect(html).toContain("Sorry, there is a problem with the service");
    const reference = html.match(/quote this reference: <strong>([0-9a-f]{12})<\/strong>/)?.[1];
    expect(reference, html).toBeDefined();

    const logged = await eventually(() => server.requestLog().find((line) => line.requestId === reference));
    expect(logged).toMatchObject({ method: "GET", path: "/", status: 500 });
    const error = await eventually(() => server.errorLog().find((line) => line.requestId === reference));
    expect(error).toMatchObject({ level: "error", method: "GET", path: "/" });
    expect(error.message).toContain("memberships");
    expect(error.stack).toContain("memberships");
    expect(server.errorLog().filter((line) => line.requestId === reference)).toHaveLength(1);
  });

  it("met while fetching a page's data (a navigation in the browser) carries the reference in that data", async () => {
    const response = await get(`${server.url}/_root.data`, cookie);
    const body = await response.text();
    const logged = await eventually(() =>
      server.requestLog().find((line) => line.path === "/_root.data" && line.requestId !== undefined),
    );
    // The root loader runs with every data request, so the page the browser shows quotes this request's id.
    expect(body).toContain(logged.requestId);
    const error = await eventually(() =>
      server.errorLog().find((line) => line.requestId === logged.requestId),
    );
    expect(error).toMatchObject({ level: "error", method: "GET", path: "/_root.data" });
  });
});

describe("answers that are not errors", () => {
  it("logs no error line for a missing page or a refusal", async () => {
    expect((await get(`${server.url}/no-such-page`, cookie)).status).toBe(404);
    // Programmes are for administrators; the coordinator is refused.
    expect((await get(`${server.url}/programmes`, cookie)).status).toBe(403);
    const answered = await eventually(() => {
      const found = server.requestLog().filter((l) => l.path === "/no-such-page" || l.path === "/programmes");
      return found.length === 2 ? found : undefined;
    });
    const ids = answered.map((line) => line.requestId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.errorLog().filter((line) => ids.includes(line.requestId ?? ""))).toEqual([]);
  });
});
