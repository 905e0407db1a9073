// Passkeys in Chromium with its virtual authenticator (the DevTools protocol's WebAuthn domain): a person signs
// in with their password, adds a passkey in their profile and names it, checks it works (the confirm-it-is-you
// ceremony, which verifies the session), signs out, and signs in with the passkey alone, no email typed. Without
// JavaScript the pages offer the other ways. axe checks every page; with DOCS_SCREENSHOTS=1 the passkeys page
// with one passkey is saved as docs/passkeys.png.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../setup/factories";
import { serveWorldOnLocalhost } from "../setup/localhost-server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  DOCS_SCREENSHOTS,
  expectHeading,
  signInAs,
  signOut,
  visit,
} from "./browser";

const ctx = serveWorldOnLocalhost();
const browser = browserPerFile();

/** A platform authenticator that holds discoverable passkeys and verifies the person (as Touch ID would). */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function sessionsOf(personId: number) {
  return ctx.server.db
    .selectFrom("sessions")
    .where("person_id", "=", personId)
    .select(["method", "verified_at"])
    .orderBy("created_at")
    .execute();
}

describe("Passkeys with JavaScript", () => {
  it("adds a passkey in the profile, names it, checks it, then signs in with it alone", async () => {
    const person = ctx.world.people.participant;
    const page = await browser.open(ctx.server.url, { js: true });
    await addVirtualAuthenticator(page);
    await signInAs(page, person.email, TEST_PASSWORD);

    await visit(page, "/profile");
    await page.getByRole("link", { name: "Passkeys: sign in without your password" }).click();
    await arriveAt(page, "/profile/passkeys");
    await expectHeading(page, "Passkeys");
    await page.getByText("You have not added a passkey yet.").waitFor();
    await checkPage(page, "passkeys-none");

    await page.getByRole("button", { name: "Add a passkey" }).click();
    await arriveAt(page, /^\/profile\/passkeys\/\d+\?added=1$/);
    await page.getByText("Your passkey is added. You can sign in with it now.").waitFor();
    const name = page.getByLabel("Name your passkey");
    expect(await name.inputValue()).toMatch(/^Passkey added /);
    await checkPage(page, "passkey-name");
    await name.fill("Work laptop");
    await page.getByRole("button", { name: "Save name" }).click();
    await arriveAt(page, "/profile/passkeys");
    await page.getByText("Your passkey is called Work laptop").waitFor();
    await page.locator(".govuk-summary-card__title", { hasText: "Work laptop" }).waitFor();
    await checkPage(page, "passkeys-one");

    // Confirming it is you with the passkey (the step-up ceremony) verifies this password session, which another
    // passkey needs first.
    expect((await sessionsOf(person.id)).map((s) => [s.method, s.verified_at])).toEqual([["password", null]]);
    await page
      .getByText("To add a passkey, first confirm it is you with a passkey or a code you already have")
      .waitFor();
    expect(await page.getByRole("button", { name: "Add a passkey" }).count()).toBe(0);
    await page.getByRole("button", { name: "Confirm with a passkey" }).click();
    await arriveAt(page, "/profile/passkeys?checked=1");
    await page.getByText("Your passkey works.").waitFor();
    const [confirmed] = await sessionsOf(person.id);
    expect(confirmed?.verified_at).not.toBeNull();
    await page.getByRole("button", { name: "Add a passkey" }).waitFor();
    await checkPage(page);
    await visit(page, "/profile/passkeys");
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${DOCS_SCREENSHOTS}passkeys.png`, fullPage: true });

    await signOut(page);
    await checkPage(page);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await arriveAt(page, "/");
    await expectHeading(page, `Hello, ${person.name}`);
    expect(await page.getByText(`Signed in as ${person.name}`).count()).toBe(1);
    const sessions = await sessionsOf(person.id);
    expect(sessions.map((s) => s.method)).toEqual(["passkey"]);
    expect(sessions[0]?.verified_at).not.toBeNull();

    // Sent to sign in from a page, the passkey brings the person back to it.
    await signOut(page);
    await visit(page, "/profile/passkeys");
    await arriveAt(page, "/sign-in?redirectTo=%2Fprofile%2Fpasskeys");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await arriveAt(page, "/profile/passkeys");
    await page.getByText("Not used yet").waitFor({ state: "detached" });
    await page.locator(".govuk-summary-card", { hasText: "Work laptop" }).getByText("Last used").waitFor();
  });

  it("says so when no passkey is used, and keeps the other way to sign in", async () => {
    const page = await browser.open(ctx.server.url, { js: true });
    // An authenticator with no passkey for Tandem: the browser finds none and the ceremony ends without one.
    await addVirtualAuthenticator(page);
    await visit(page, "/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page
      .locator(".govuk-error-message", {
        hasText: "The passkey was not used: it was cancelled or took too long.",
      })
      .waitFor({ timeout: 30_000 });
    await checkPage(page);
    await page.getByLabel("Email address").waitFor();
  });
});

describe("Passkeys without JavaScript", () => {
  it("offers the other ways on the passkeys page and the sign-in page, and removes a passkey", async () => {
    const person = ctx.world.people.mentor;
    const page = await browser.open(ctx.server.url, { js: false });
    await visit(page, "/sign-in");
    await page.getByText("To sign in with a passkey, turn on JavaScript in your browser.").waitFor();
    expect(await page.getByRole("button", { name: "Sign in with a passkey" }).count()).toBe(0);
    await signInAs(page, person.email, TEST_PASSWORD);
    await visit(page, "/profile/passkeys");
    await page.getByText("Adding a passkey needs JavaScript, which is turned off in your browser.").waitFor();
    expect(await page.getByRole("button", { name: "Add a passkey" }).count()).toBe(0);

    // A passkey added earlier (with JavaScript, on another device): it can still be renamed and removed.
    await ctx.server.db
      .insertInto("passkeys")
      .values({
        person_id: person.id,
        credential_id: "ZTJlLXdpdGhvdXQtanM",
        public_key: "a2V5",
        counter: 0,
        transports: "[]",
        device_type: "multiDevice",
        backed_up: 1,
        name: "Phone",
        created_at: new Date().toISOString(),
        last_used_at: null,
      })
      .execute();
    await visit(page, "/profile/passkeys");
    await page
      .getByText("To confirm it is you with a passkey, turn on JavaScript in your browser.")
      .waitFor();
    expect(await page.getByRole("button", { name: "Confirm with a passkey" }).count()).toBe(0);
    const card = page.locator(".govuk-summary-card", { hasText: "Phone" });
    await card.getByRole("link", { name: /Change name/ }).click();
    await arriveAt(page, /^\/profile\/passkeys\/\d+$/);
    await page.getByLabel("Name your passkey").fill("");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.locator(".govuk-error-summary").getByText("Enter a name for your passkey").waitFor();
    await page.getByLabel("Name your passkey").fill("Old phone");
    await page.getByRole("button", { name: "Save name" }).click();
    await arriveAt(page, "/profile/passkeys");

    await page
      .locator(".govuk-summary-card", { hasText: "Old phone" })
      .getByRole("link", { name: /Remove/ })
      .click();
    await arriveAt(page, /^\/profile\/passkeys\/\d+\/remove$/);
    await expectHeading(page, "Remove the passkey Old phone?");
    await page.getByRole("button", { name: "Remove passkey" }).click();
    await arriveAt(page, "/profile/passkeys");
    await page.getByText("Passkey Old phone removed.").waitFor();
    await page.getByText("You have not added a passkey yet.").waitFor();
  });
});
