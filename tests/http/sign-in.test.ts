import { describe, expect, it } from "vitest";
import { createOneTimeLink } from "~/models/account.server";
import { TEST_PASSWORD } from "../setup/factories";
import { get, post, serveWorld } from "../setup/server";

const ctx = serveWorld();

const auditActions = async (action: string) =>
  ctx.server.db.selectFrom("audit_events").where("action", "=", action).selectAll().execute();

describe("signing in", () => {
  // A mentor need not use two-step verification, so the password alone signs them in.
  it("signs in, lands on the page asked for, and logs it", async () => {
    const response = await post(`${ctx.server.url}/sign-in`, {
      email: "MENTOR@example.test",
      password: TEST_PASSWORD,
      redirectTo: `/cohorts/${ctx.world.cohortA.id}`,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/cohorts/${ctx.world.cohortA.id}`);
    expect(
      (await auditActions("sign_in")).some((e) => e.actor_person_id === ctx.world.people.mentor.id),
    ).toBe(true);
  });

  it("never redirects to another site after signing in", async () => {
    for (const redirectTo of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const response = await post(`${ctx.server.url}/sign-in`, {
        email: ctx.world.people.leader.email,
        password: TEST_PASSWORD,
        redirectTo,
      });
      expect(response.headers.get("location")).toBe("/");
    }
  });

  it("sends a redirectTo with control or space characters home, never to another site and never a 500", async () => {
    const hostile = [
      "/\t/evil.example/phish",
      "/\n/evil.example/",
      "/\r\n/evil.example/",
      "/cohorts\r\nSet-Cookie: x=1",
      "/\u3000/evil.example/",
      "/\u00a0/evil.example/",
      "/\u200b/evil.example/",
      " //evil.example/",
      "/%09/evil.example/",
      "https:evil.example",
      "/\\/evil.example/",
    ];
    for (const redirectTo of hostile) {
      const response = await post(`${ctx.server.url}/sign-in`, {
        email: ctx.world.people.leader.email,
        password: TEST_PASSWORD,
        redirectTo,
      });
      expect(response.status, JSON.stringify(redirectTo)).toBe(302);
      const location = response.headers.get("location") ?? "";
      expect(new URL(location, ctx.server.url).origin, JSON.stringify(redirectTo)).toBe(ctx.server.url);
      expect(location, JSON.stringify(redirectTo)).not.toMatch(/[\s\p{C}\p{Z}]/u);
    }
    const plain = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.people.leader.email,
      password: TEST_PASSWORD,
      redirectTo: "/\t/evil.example/phish",
    });
    expect(plain.headers.get("location")).toBe("/");
  });

  it("gives the same answer for a wrong password and an unknown email, keeping the email typed", async () => {
    const wrong = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.people.mentor.email,
      password: "not the password",
    });
    const unknown = await post(`${ctx.server.url}/sign-in`, {
      email: "nobody@example.test",
      password: "not the password",
    });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()];
    const message = "The email address or password is not right. Check them and try again.";
    expect(wrongHtml).toContain(message);
    expect(unknownHtml).toContain(message);
    expect(unknownHtml).toContain('value="nobody@example.test"');
    expect(wrongHtml).not.toContain("not the password");
    expect(unknownHtml).toContain("govuk-error-summary");
    expect(unknownHtml).toContain('href="#email"');
    expect((await auditActions("sign_in.failed")).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a password over 256 characters before checking it", async () => {
    const response = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.people.mentor.email,
      password: "x".repeat(10_000),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Password must be 256 characters or fewer");
  });

  it("validates the form before checking anything", async () => {
    const response = await post(`${ctx.server.url}/sign-in`, { email: "not-an-email", password: "" });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Enter an email address in the correct format, like name@example.com");
    expect(html).toContain("Enter your password");
  });

  it("slows an email after 5 failures from one address, even for the right password, whether or not it exists", async () => {
    for (let i = 0; i < 5; i++) {
      await post(`${ctx.server.url}/sign-in`, {
        email: ctx.world.people.participant.email,
        password: `wrong password ${i}`,
      });
    }
    const locked = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.people.participant.email,
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("You have tried to sign in too many times");
    for (let i = 0; i < 5; i++)
      await post(`${ctx.server.url}/sign-in`, { email: "ghost@example.test", password: `guess ${i}` });
    const ghost = await post(`${ctx.server.url}/sign-in`, {
      email: "ghost@example.test",
      password: "guess again",
    });
    expect(ghost.status).toBe(429);
  });
});

describe("setting a password from a one-time link", () => {
  async function newLink(purpose: "invite" | "reset" = "invite") {
    const { token } = await ctx.server.db.transaction().execute((tx) =>
      createOneTimeLink(tx, {
        personId: ctx.world.otherParticipant.id,
        purpose,
        createdBy: null,
      }),
    );
    return `${ctx.server.url}/set-password/${token}`;
  }

  it("refuses short, common and mismatched passwords, and writes nothing", async () => {
    const url = await newLink();
    const before = await ctx.server.db
      .selectFrom("accounts")
      .where("person_id", "=", ctx.world.otherParticipant.id)
      .selectAll()
      .executeTakeFirst();
    const short = await post(url, { password: "too short", confirm: "too short" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Password must be 12 characters or more");
    const common = await post(url, { password: "qwertyuiopasdfgh", confirm: "qwertyuiopasdfgh" });
    expect(await common.text()).toContain("too common");
    const mismatch = await post(url, { password: "lantern meadow 2031", confirm: "lantern meadow 2032" });
    expect(await mismatch.text()).toContain("The passwords do not match");
    const after = await ctx.server.db
      .selectFrom("accounts")
      .where("person_id", "=", ctx.world.otherParticipant.id)
      .selectAll()
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it("refuses all-space and guessable passwords, saying why beside the field, and counts characters not code units", async () => {
    const url = await newLink();
    const errorFor = async (password: string) => {
      const response = await post(url, { password, confirm: password });
      const html = await response.text();
      expect(response.status, JSON.stringify(password)).toBe(400);
      expect(html).toContain("govuk-error-summary");
      const message =
        /<p id="password-error" class="govuk-error-message">(?:<span[^>]*>Error:<\/span>\s*)?(.*?)<\/p>/s.exec(
          html,
        )?.[1] ?? "";
      return message.replace(/<!-- -->/g, "").trim();
    };
    expect(await errorFor(" ".repeat(12))).toBe("Enter a password that is not only spaces");
    expect(await errorFor("\u3000".repeat(12))).toBe("Enter a password that is not only spaces");
    const guessable = await errorFor("abcabcabcabc");
    expect(guessable).toMatch(/^Password is too easy to guess\. /);
    expect(guessable).toMatch(/abcabcabc/);
    // Eleven tree emoji are 22 UTF-16 code units; eleven "e" + combining acute accent are 11 characters once composed.
    expect(await errorFor("\u{1F333}".repeat(11))).toBe("Password must be 12 characters or more");
    expect(await errorFor("e\u0301".repeat(11))).toBe("Password must be 12 characters or more");
    expect(await errorFor("x".repeat(257))).toBe("Password must be 256 characters or fewer");
  });

  it("hashes the password as normalised (NFC), so the same characters typed either way sign in", async () => {
    const url = await newLink();
    const decomposed = "Cafe\u0301 de\u0301ja\u0300 vu, grand-me\u0300re \u{1F333} 1987";
    const set = await post(url, { password: decomposed, confirm: decomposed });
    expect(set.status).toBe(302);
    const signIn = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.otherParticipant.email,
      password: decomposed.normalize("NFC"),
    });
    expect(signIn.status).toBe(302);
  });

  it("sets the password once; the link then says it has been used", async () => {
    const url = await newLink("reset");
    const set = await post(url, { password: "lantern meadow 2031", confirm: "lantern meadow 2031" });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/sign-in?passwordSet=1");
    const again = await get(url);
    expect(await again.text()).toContain("This link has already been used");
    const reuse = await post(url, { password: "another good one 77", confirm: "another good one 77" });
    expect(reuse.status).toBe(410);
    const signIn = await post(`${ctx.server.url}/sign-in`, {
      email: ctx.world.otherParticipant.email,
      password: "lantern meadow 2031",
    });
    expect(signIn.status).toBe(302);
    expect((await auditActions("password.reset")).length).toBe(1);
  });

  it("explains an unknown link", async () => {
    const response = await get(`${ctx.server.url}/set-password/not-a-real-token`);
    expect(await response.text()).toContain("This link is not right");
  });
});
