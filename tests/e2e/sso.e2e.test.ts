// Single sign-on in the browser, with JavaScript and without: from the sign-in page (email, Continue, "Sign in with
// <provider>") through the provider's own login form (oidc-provider on a loopback port) back into Tandem, then
// signing out with the offer of the provider's sign-out; and the administrators' page of providers.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningIdentityProvider } from "../../scripts/identity-provider-server";
import { makePerson, makeWorld, type World } from "../setup/factories";
import { PROVIDER_USERS, registerProvider, startTestProvider } from "../setup/oidc-provider";
import { sessionCookieFor, startServer, type TestServer } from "../setup/server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  DOCS_SCREENSHOTS,
  expectHeading,
  jsLabel,
  settled,
  visit,
} from "./browser";

let server: TestServer;
let world: World;
let provider: RunningIdentityProvider;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    await makePerson(db, { name: "Sam Single", email: PROVIDER_USERS.member.email });
  });
  provider = await startTestProvider(server.url);
  await registerProvider(server.db, provider);
});

afterAll(async () => {
  await provider?.close();
  await server?.stop();
});

const browser = browserPerFile();

for (const js of [true, false]) {
  describe(`Single sign-on ${jsLabel(js)}`, () => {
    it("signs in through the organisation's provider and signs out, offering the provider's sign-out", async () => {
      const page = await browser.open(server.url, { js });
      expect(await visit(page, "/sign-in?redirectTo=%2Fprofile")).toBe(200);
      await expectHeading(page, "Sign in to Tandem");
      await checkPage(page);
      await page.getByLabel("Email address").fill(PROVIDER_USERS.member.email);
      await page.getByRole("button", { name: "Continue" }).click();
      const button = page.getByRole("button", { name: "Sign in with Test Identity" });
      await button.waitFor();
      await settled(page);
      expect(await page.getByLabel("Password", { exact: true }).count()).toBe(0);
      await checkPage(page);
      if (js) {
        mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${DOCS_SCREENSHOTS}sign-in-provider.png`, fullPage: true });
      }

      await button.click();
      // The provider's own login form, with the email Tandem sent as its hint.
      await page.waitForURL((url) => url.origin === provider.issuer);
      const login = page.locator('input[name="login"]');
      expect(await login.inputValue()).toBe(PROVIDER_USERS.member.email);
      await page.locator('input[name="password"]').fill("any password");
      await page.getByRole("button", { name: "Sign-in" }).click();

      await arriveAt(page, "/profile");
      await page.getByText("Sam Single").first().waitFor();
      await checkPage(page);

      await page.getByRole("button", { name: "Sign out" }).click();
      await arriveAt(page, "/signed-out");
      await expectHeading(page, "You have signed out of Tandem");
      const providerSignOut = page.getByRole("button", { name: "Sign out of Test Identity too" });
      expect(new URL((await providerSignOut.getAttribute("href"))!).origin).toBe(provider.issuer);
      await checkPage(page);
      // Signed out of Tandem for real.
      await visit(page, "/");
      await arriveAt(page, "/sign-in");
    });

    it("explains a refused sign-in in plain words with the way back", async () => {
      const page = await browser.open(server.url, { js });
      expect(await visit(page, "/sso/callback?state=made-up")).toBe(400);
      await expectHeading(page, "We could not sign you in with your identity provider");
      await page.getByText("Start again from the sign-in page").waitFor();
      await checkPage(page);
      await page.getByRole("link", { name: "Go to sign in" }).click();
      await arriveAt(page, "/sign-in");
    });
  });
}

describe("The identity providers page", () => {
  it("lists the providers and adds one, for an administrator who has just confirmed it is them", async () => {
    const page = await browser.open(server.url, { js: true });
    const cookie = await sessionCookieFor(server.db, world.people.admin.id);
    await server.db.updateTable("sessions").set({ verified_at: new Date().toISOString() }).execute();
    const [name, value] = cookie.split("=") as [string, string];
    await page.context().addCookies([{ name, value, url: server.url }]);
    await visit(page, "/admin/identity-providers");
    await expectHeading(page, "Identity providers");
    await page.getByRole("cell", { name: "sso.example" }).waitFor();
    await checkPage(page);
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${DOCS_SCREENSHOTS}admin-identity-providers.png`, fullPage: true });

    await page.getByRole("button", { name: "Add an identity provider" }).click();
    await arriveAt(page, "/admin/identity-providers/new");
    await page.getByLabel("Name").fill("Second Department");
    await page.getByLabel("Issuer URL").fill(provider.issuer);
    await page.getByLabel("Client ID").fill("tandem-test");
    await page.getByLabel("Client secret").fill("second-secret");
    await page.getByLabel("Email domains it signs in for").fill("not a domain");
    await page.getByRole("button", { name: "Add identity provider" }).click();
    await page
      .locator(".govuk-error-summary")
      .getByText('"not" is not a domain name', { exact: false })
      .waitFor();
    expect(await page.getByLabel("Name").inputValue()).toBe("Second Department");
    await checkPage(page);
    await page.getByLabel("Client secret").fill("second-secret");
    await page.getByLabel("Email domains it signs in for").fill("second.example");
    await page.getByRole("button", { name: "Add identity provider" }).click();
    await arriveAt(page, "/admin/identity-providers");
    await page.getByRole("cell", { name: "second.example" }).waitFor();
  });
});
