// Anonymisation past the retention period runs by itself in the server, and the programme's retention page says in
// plain words when it last ran, what it did and when it runs next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUkDateTime } from "~/domain/calendar";
import { makeCohort, makeMember, makeWorld, type World } from "../setup/factories";
import { get, sessionCookieFor, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
let oldId: number;

beforeAll(async () => {
  server = await startServer(
    async (db) => {
      world = await makeWorld(db);
      const old = await makeCohort(db, world.programme.id, { name: "2022", startDate: "2022-01-03" });
      oldId = (await makeMember(db, old.id, "participant", { name: "Olive Old" })).id;
    },
    { RETENTION_EVERY_MS: String(24 * 3_600_000) },
  );
});
afterAll(async () => {
  await server?.stop();
});

async function finishedRun() {
  for (let tries = 0; tries < 100; tries += 1) {
    const run = await server.db
      .selectFrom("job_runs")
      .where("name", "=", "retention")
      .where("finished_at", "is not", null)
      .selectAll()
      .executeTakeFirst();
    if (run) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The retention job did not run");
}

describe("the retention page", () => {
  it("shows when the server's own run happened, that it anonymised one person, and when it runs next", async () => {
    const run = await finishedRun();
    const person = await server.db
      .selectFrom("people")
      .where("id", "=", oldId)
      .select("name")
      .executeTakeFirstOrThrow();
    expect(person.name).toBe(`Anonymised person ${oldId}`);
    const admin = await sessionCookieFor(server.db, world.people.admin.id);
    const response = await get(`${server.url}/programmes/${world.programme.id}/retention`, admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("npm run");
    expect(html).toContain(
      "Every day, Tandem anonymises the people whose every cohort ended longer ago than this.",
    );
    expect(html).toMatch(new RegExp(`Last run</dt><dd[^>]*>${formatUkDateTime(run.started_at)}<`));
    expect(html).toMatch(/What it did<\/dt><dd[^>]*>Anonymised 1 person</);
    const next = new Date(Date.parse(run.started_at) + 24 * 3_600_000).toISOString();
    expect(html).toMatch(new RegExp(`Next run</dt><dd[^>]*>${formatUkDateTime(next)}<`));
  });
});
