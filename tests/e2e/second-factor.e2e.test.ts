// Two-step verification in the browser, with codes computed by the test as a phone's app would: a coordinator is
// made to set it up at their first sign-in (QR code, key as text, a wrong code then the right one, recovery codes
// shown once), signs out, signs in with a code, then with a recovery code. With JavaScript and without; axe on
// every page. With DOCS_SCREENSHOTS=1 the set-up page and the code page are saved into docs/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember, makeWorld, TEST_PASSWORD } from "../setup/factories";
import { codeForNewKey, nextCodeFor } from "../setup/second-factor";
import { startServer, type TestServer } from "../setup/server";
import {
  arriveAt,
  browserPerFile,
  checkPage,
  DOCS_SCREENSHOTS,
  expectErrorSummary,
  expectHeading,
  jsLabel,
  settled,
  signOut,
  visit,
} from "./browser";

let server: TestServer;
const coordinators = { js: "cam.js@example.test", nojs: "cam.nojs@example.test" };

beforeAll(async () => {
  server = await startServer(async (db) => {
    const world = await makeWorld(db);
    await makeMember(db, world.cohortA.id, "coordinator", { name: "Cam Script", email: coordinators.js });
    await makeMember(db, world.cohortA.id, "coordinator", { name: "Cam Plain", email: coordinators.nojs });
  });
});
afterAll(async () => {
  await server?.stop();
});

const browser = browserPerFile();

for (const js of [true, false]) {
  describe(`Two-step verification ${jsLabel(js)}`, () => {
    it("makes a coordinator set it up, then asks for a code or a recovery code at each sign-in", async () => {
      const email = js ? coordinators.js : coordinators.nojs;
      const name = js ? "Cam Script" : "Cam Plain";
      const page = await browser.open(server.url, { js });
      const password = async () => {
        await visit(page, "/sign-in");
        // Email first, then the password.
        await page.getByLabel("Email address").fill(email);
        await page.getByRole("button", { name: "Continue" }).click();
        await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
      };

      // Set up: the QR code (an image with a name) and the key as text.
      await password();
      await arriveAt(page, "/two-step-verification/set-up");
      await expectHeading(page, "Set up two-step verification");
      await page.getByRole("img", { name: "QR code to scan with your authenticator app" }).waitFor();
      const key = (await page.locator("#authenticator-key").textContent()) ?? "";
      expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
      await checkPage(page, "two-step-enrolment");
      if (js) await page.screenshot({ path: `${DOCS_SCREENSHOTS}two-step-enrolment.png`, fullPage: true });

      // A wrong code: in the summary and by the field.
      await page.getByLabel("Enter the 6-digit code").fill("000000");
      await page.getByRole("button", { name: "Continue" }).click();
      await expectErrorSummary(page, [
        { field: "code", text: "The code is not right. Check it and try again." },
      ]);
      await checkPage(page);

      await page.getByLabel("Enter the 6-digit code").fill(codeForNewKey(server.url, email, key));
      await page.getByRole("button", { name: "Continue" }).click();
      await arriveAt(page, "/two-step-verification/recovery-codes");
      await expectHeading(page, "Save your recovery codes");
      const codes = await page.locator(".tandem-recovery-codes code").allTextContents();
      expect(codes).toHaveLength(10);
      await checkPage(page, "two-step-recovery-codes");
      await page.getByRole("button", { name: "I have saved these codes" }).click();
      await arriveAt(page, "/");
      await expectHeading(page, `Hello, ${name}`);

      // The profile says it is set up, and required.
      await visit(page, "/profile/two-step-verification");
      await page.getByText("Yes: your role or your programme requires it").waitFor();
      await checkPage(page, "two-step-profile");
      await signOut(page);

      // With a code from the app.
      await password();
      await arriveAt(page, "/sign-in/code");
      await expectHeading(page, "Enter the code from your authenticator app");
      await checkPage(page, "two-step-code");
      if (js) await page.screenshot({ path: `${DOCS_SCREENSHOTS}two-step-code.png`, fullPage: true });
      await page.getByLabel("Enter the 6-digit code").fill((await nextCodeFor(server.url, email))!);
      await page.getByRole("button", { name: "Continue" }).click();
      await arriveAt(page, "/");
      await expectHeading(page, `Hello, ${name}`);

      // Confirming it is them before a dangerous action: the page, then back.
      await visit(page, "/confirm-it-is-you?redirectTo=/profile");
      await expectHeading(page, "Confirm it is you");
      await checkPage(page, "confirm-it-is-you");
      await page.getByLabel("Enter the 6-digit code").fill((await nextCodeFor(server.url, email))!);
      await page.getByRole("button", { name: "Continue" }).click();
      await arriveAt(page, "/profile");
      await signOut(page);

      // With a recovery code instead.
      await password();
      await arriveAt(page, "/sign-in/code");
      await page.getByRole("link", { name: "Use a recovery code instead" }).click();
      await arriveAt(page, "/sign-in/code?recovery=1");
      await expectHeading(page, "Enter a recovery code");
      await checkPage(page);
      await page.getByLabel("Recovery code").fill(codes[0]!);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await settled(page);
      await expectHeading(page, `Hello, ${name}`);
    });
  });
}
