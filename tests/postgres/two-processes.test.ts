// Several app processes on one PostgreSQL database, as behind a load balancer: a session made through one is
// honoured by the other, sign-in failures counted by one lock the account on the other, and writes through both
// land in the same tables.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileDb, type TestDatabase } from "../setup/db";
import { makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
import { serveProcess } from "../setup/serve-process";
import { get, post, signIn } from "../setup/server";

let database: TestDatabase;
let world: World;
let servers: Array<Awaited<ReturnType<typeof serveProcess>>>;

beforeAll(async () => {
  database = await fileDb();
  world = await makeWorld(database.db);
  servers = await Promise.all([serveProcess(database.url), serveProcess(database.url)]);
});
afterAll(async () => {
  for (const server of servers) server.child.kill("SIGKILL");
  await database.remove();
});

describe("two app processes on one PostgreSQL database", () => {
  it("honours a session signed in through the other process, and ends it everywhere on sign-out", async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const cookie = await signIn(a.base, world.people.coordinator.email, TEST_PASSWORD);
    const home = await get(`${b.base}/`, cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(world.people.coordinator.name);
    expect((await post(`${b.base}/sign-out`, {}, cookie)).status).toBe(302);
    const after = await get(`${a.base}/`, cookie);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("counts sign-in failures across processes", async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    for (let i = 0; i < 5; i++) {
      const server = i % 2 === 0 ? a : b;
      await post(`${server.base}/sign-in`, { email: world.people.leader.email, password: `wrong ${i}` });
    }
    const locked = await post(`${a.base}/sign-in`, {
      email: world.people.leader.email,
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(429);
  });

  it("keeps every invitation sent through either process", async () => {
    const cookie = await signIn(servers[0]!.base, world.people.coordinator.email, TEST_PASSWORD);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(
          `${servers[i % 2]!.base}/cohorts/${world.cohortA.id}/people/invite`,
          { name: `Shared ${i}`, email: `shared-${i}@example.test`, role: "participant" },
          cookie,
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(302));
    const stored = await database.db
      .selectFrom("people")
      .where("email", "like", "shared-%")
      .select("email")
      .execute();
    expect(stored).toHaveLength(10);
  });
});
