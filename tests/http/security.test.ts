import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../setup/factories";
import { get, post, serveWorld, sessionCookieFor, signIn } from "../setup/server";

const ctx = serveWorld();

describe("security headers", () => {
  it("sends a nonce-based CSP and the other protective headers on every page", async () => {
    const first = await get(`${ctx.server.url}/sign-in`);
    const second = await get(`${ctx.server.url}/sign-in`);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-powered-by")).toBeNull();
    expect(first.headers.get("cache-control")).toBe("no-store");
  });

  it("puts the nonce on every inline script, and nowhere else is script allowed", async () => {
    const response = await get(`${ctx.server.url}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(1);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("serves the GOV.UK assets from its own origin", async () => {
    const css = await get(`${ctx.server.url}/css/tandem.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain(".govuk-header");
    const js = await get(`${ctx.server.url}/js/govuk-frontend.min.js`);
    expect(js.status).toBe(200);
  });

  it("does not send HSTS outside production", async () => {
    expect((await get(`${ctx.server.url}/sign-in`)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("cross-site requests", () => {
  it("refuses a POST to sign in from another origin with 403, and accepts one from its own", async () => {
    const fields = { email: ctx.world.people.participant.email, password: TEST_PASSWORD };
    const foreign = await post(`${ctx.server.url}/sign-in`, fields, undefined, {
      Origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    const crossSite = await post(`${ctx.server.url}/sign-in`, fields, undefined, {
      "Sec-Fetch-Site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    const own = await post(`${ctx.server.url}/sign-in`, fields, undefined, {
      Origin: ctx.server.url,
      "Sec-Fetch-Site": "same-origin",
    });
    expect(own.status).toBe(302);
  });

  it("refuses a signed-in person's cross-site POST too, and changes nothing", async () => {
    const cookie = await sessionCookieFor(ctx.server.db, ctx.world.people.coordinator.id);
    const before = await ctx.server.db
      .selectFrom("people")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    const response = await post(
      `${ctx.server.url}/cohorts/${ctx.world.cohortA.id}/people/invite`,
      { name: "Eve", email: "eve@example.test", role: "participant" },
      cookie,
      { Origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    const after = await ctx.server.db
      .selectFrom("people")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, holds no personal data, and sign-out deletes the session", async () => {
    const response = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.people.mentor.email,
      password: TEST_PASSWORD,
    });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toContain("mentor");
    const cookie = setCookie.split(";")[0]!;
    expect((await get(`${ctx.server.url}/`, cookie)).status).toBe(200);
    const sessionsBefore = await ctx.server.db
      .selectFrom("sessions")
      .where("person_id", "=", ctx.world.people.mentor.id)
      .selectAll()
      .execute();
    const out = await post(`${ctx.server.url}/sign-out`, {}, cookie);
    expect(out.status).toBe(302);
    const sessionsAfter = await ctx.server.db
      .selectFrom("sessions")
      .where("person_id", "=", ctx.world.people.mentor.id)
      .selectAll()
      .execute();
    expect(sessionsAfter.length).toBe(sessionsBefore.length - 1);
    const again = await get(`${ctx.server.url}/`, cookie);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/sign-in");
  });

  it("ignores a cookie whose signature is wrong", async () => {
    const cookie = await signIn(ctx.server.url, ctx.world.people.leader.email, TEST_PASSWORD);
    const tampered = `${cookie.slice(0, -3)}abc`;
    expect((await get(`${ctx.server.url}/`, tampered)).status).toBe(302);
  });
});
