// Sign-in throttling over real HTTP, from several client addresses: the server trusts the loopback proxy, so each
// request says where it comes from in X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TEST_PASSWORD, type World } from "../setup/factories";
import { post, startServer, type TestServer } from "../setup/server";

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await startServer(
    async (db) => {
      world = await makeWorld(db);
    },
    { TRUST_PROXY: "loopback" },
  );
});
afterAll(async () => {
  await server?.stop();
});

function signInFrom(address: string, email: string, password: string) {
  return post(`${server.url}/sign-in`, { email, password }, undefined, { "X-Forwarded-For": address });
}

/** Moves every recorded failure `seconds` into the past, as if that much time had gone by. */
async function timePasses(seconds: number) {
  const failures = await server.db.selectFrom("sign_in_failures").select(["id", "at"]).execute();
  for (const failure of failures) {
    const at = new Date(Date.parse(failure.at) - seconds * 1000).toISOString();
    await server.db.updateTable("sign_in_failures").set({ at }).where("id", "=", failure.id).execute();
  }
}

async function clearFailures() {
  await server.db.deleteFrom("sign_in_failures").execute();
}

describe("sign-in throttling", () => {
  it("does not let an attacker elsewhere lock a person out: the person signs in from their own address", async () => {
    await clearFailures();
    const victim = world.people.participant.email;
    for (let i = 0; i < 6; i++) await signInFrom("203.0.113.66", victim, `wrong password ${i}`);
    const person = await signInFrom("198.51.100.7", victim, TEST_PASSWORD);
    expect(person.status).toBe(302);
    expect(person.headers.get("set-cookie")).toContain("tandem_session=");
  });

  it("slows one address guessing one person's password, with delays that grow, saying when to try again", async () => {
    await clearFailures();
    const email = world.people.mentor.email;
    for (let i = 0; i < 5; i++)
      expect((await signInFrom("203.0.113.5", email, `wrong password ${i}`)).status).toBe(400);
    // Even the right password waits: the pair is slowed, not checked.
    const slowed = await signInFrom("203.0.113.5", email, TEST_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(slowed.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const html = await slowed.text();
    expect(html).toContain("You have tried to sign in too many times. Wait 1 minute, then try again.");
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain(`value="${email}"`);
    await timePasses(61);
    expect((await signInFrom("203.0.113.5", email, "wrong again")).status).toBe(400);
    const slowerStill = await signInFrom("203.0.113.5", email, TEST_PASSWORD);
    expect(slowerStill.status).toBe(429);
    expect(Number(slowerStill.headers.get("retry-after"))).toBeGreaterThan(110);
    expect(Number(slowerStill.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    expect(await slowerStill.text()).toContain("Wait 2 minutes, then try again.");
    await timePasses(121);
    expect((await signInFrom("203.0.113.5", email, TEST_PASSWORD)).status).toBe(302);
  });

  it("slows an address trying many emails, with growing delays, without locking anyone out for good", async () => {
    await clearFailures();
    const sprayer = "192.0.2.200";
    for (let i = 0; i < 30; i++)
      expect((await signInFrom(sprayer, `guess${i}@example.test`, "Password123!")).status).toBe(400);
    const stopped = await signInFrom(sprayer, world.people.leader.email, TEST_PASSWORD);
    expect(stopped.status).toBe(429);
    expect(await stopped.text()).toContain("Wait 1 minute, then try again.");
    // Another address is not affected.
    expect((await signInFrom("192.0.2.201", world.people.leader.email, TEST_PASSWORD)).status).toBe(302);
    // After the wait the address may try again; one more failure doubles the wait.
    await timePasses(61);
    expect((await signInFrom(sprayer, "guess-more@example.test", "Password123!")).status).toBe(400);
    const slower = await signInFrom(sprayer, world.people.leader.email, TEST_PASSWORD);
    expect(slower.status).toBe(429);
    expect(await slower.text()).toContain("Wait 2 minutes, then try again.");
    await timePasses(121);
    expect((await signInFrom(sprayer, world.people.leader.email, TEST_PASSWORD)).status).toBe(302);
  });
});
