// Drives Debian's Chromium with playwright-core: one browser per test file, a fresh context per test.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { codeForNewKey, nextSecondStep, rememberRecoveryCodes } from "../setup/second-factor";
import { chromiumPath } from "./chromium-path";

export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

/**
 * Where the screenshots that illustrate docs/ and the README go: with DOCS_SCREENSHOTS=1 into docs/ (to refresh
 * them), otherwise beside the others, so that running the suite leaves the checkout as it was.
 */
export const DOCS_SCREENSHOTS =
  process.env.DOCS_SCREENSHOTS === "1" ? fileURLToPath(new URL("../../docs/", import.meta.url)) : SCREENSHOTS;

/** The WCAG 2.2 AA rule set axe checks every page against. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

export type PageOptions = { js: boolean; phone?: boolean };

/** Whether each page's context runs JavaScript, so helpers know whether to wait for hydration. */
const scripting = new WeakMap<Page, boolean>();
/** The JavaScript errors each page has logged, for failure messages. */
const pageErrors = new WeakMap<Page, string[]>();

/** A new context (JavaScript on or off, desktop or phone) with one page whose relative URLs go to `baseURL`. */
export async function openContext(
  browser: Browser,
  baseURL: string,
  { js, phone = false }: PageOptions,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js, ...(phone ? PHONE : DESKTOP) });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  scripting.set(page, js);
  // Uncaught exceptions and console errors (hydration mismatches, CSP refusals) fail the test.
  // The browser's own "Failed to load resource" line for a 4xx document is expected on error pages. axe injects
  // its script into every frame, and the Outbox's sandboxed email frame (which runs no script: that is the point)
  // refuses it with a console line: that refusal is the sandbox working, not an error of the page.
  const sandboxRefusal =
    /^Blocked script execution in '[^']*\/admin\/outbox\/\d+\/html' because the document's frame is sandboxed/;
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (
      message.type() === "error" &&
      !text.startsWith("Failed to load resource") &&
      !sandboxRefusal.test(text)
    ) {
      errors.push(`${page.url()}: console.error ${message.text().split("\n")[0]}`);
    }
  });
  return { context, page, errors };
}

/**
 * Registers the hooks for a test file: one browser for the file, each test's contexts closed after it, and a
 * test failed when its pages logged JavaScript errors. `open` gives a new context's page.
 */
export function browserPerFile() {
  let browser: Browser | undefined;
  const opened: Array<{ context: BrowserContext; errors: string[] }> = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const errors = [...new Set(opened.flatMap((entry) => entry.errors))];
    await Promise.all(opened.splice(0).map((entry) => entry.context.close()));
    expect(errors, "JavaScript errors in the browser").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(baseURL: string, options: PageOptions): Promise<Page> {
      if (!browser) throw new Error("The browser is not running: call open() inside a test");
      const entry = await openContext(browser, baseURL, options);
      opened.push(entry);
      return entry.page;
    },
  };
}

/**
 * Waits until the page is ready for a person to use: loaded and, with JavaScript on, hydrated. The root
 * component's effect runs GOV.UK Frontend's initAll after hydration, which marks the skip link initialised.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if (!scripting.get(page)) {
    // The pass without JavaScript really has none: GOV.UK's inline feature check did not run.
    expect(await page.locator("body.js-enabled").count(), "JavaScript ran with JavaScript off").toBe(0);
    return;
  }
  try {
    await page
      .locator(".govuk-skip-link[data-govuk-skip-link-init]")
      .waitFor({ state: "attached", timeout: 10_000 });
  } catch {
    const errors = pageErrors.get(page) ?? [];
    throw new Error(
      `${pathOf(page)} did not hydrate and start GOV.UK Frontend within 10 s.` +
        (errors.length ? ` The browser logged:\n${[...new Set(errors)].join("\n")}` : ""),
    );
  }
}

/** Goes to a path and waits until the page is ready; returns the document's HTTP status. */
export async function visit(page: Page, path: string): Promise<number | undefined> {
  const response = await page.goto(path);
  await settled(page);
  return response?.status();
}

/** The path and query of the page's current URL. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** Waits for the browser to arrive at a path (a full page load, or a client-side navigation with JavaScript). */
export async function arriveAt(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL((url) =>
    typeof path === "string"
      ? `${url.pathname}${url.search}` === path
      : path.test(`${url.pathname}${url.search}`),
  );
  await settled(page);
}

/** The level-one heading, once it says what is expected (it changes late on a client-side navigation). */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/**
 * Signs in through the real form (from the sign-in page if already there, so `redirectTo` is kept): the email, then
 * Continue, then the password. After a refused password the page shows both boxes at once, with no Continue.
 */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/sign-in") await visit(page, "/sign-in");
  else await settled(page);
  await page.getByLabel("Email address").fill(email);
  const next = page.getByRole("button", { name: "Continue" });
  if ((await next.count()) > 0) {
    await next.click();
    await page.getByLabel("Password", { exact: true }).waitFor();
    await settled(page);
  }
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await settled(page);
  await completeSecondFactor(page, email);
}

/**
 * The second step of signing in, as the person would do it with their phone: on the code page, a code computed
 * from their key (from the test server's database); on the set-up page (someone who must use two-step verification
 * and has not set it up), the key shown as text is read, a code computed from it, and the recovery codes saved.
 * Does nothing on any other page.
 */
export async function completeSecondFactor(page: Page, email: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  const at = () => new URL(page.url()).pathname;
  if (at() === "/sign-in/code") {
    const next = await nextSecondStep(origin, email);
    if (!next) throw new Error(`Signing in as ${email} asks for a code, and the tests do not know their key`);
    if (next.recovery) {
      await page.getByRole("link", { name: "Use a recovery code instead" }).click();
      await arriveAt(page, "/sign-in/code?recovery=1");
      await page.getByLabel("Recovery code").fill(next.code);
    } else await page.getByLabel("Enter the 6-digit code").fill(next.code);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in/code");
    await settled(page);
    return;
  }
  if (at() !== "/two-step-verification/set-up") return;
  const key = (await page.locator("#authenticator-key").textContent()) ?? "";
  await page.getByLabel("Enter the 6-digit code").fill(codeForNewKey(origin, email, key));
  await page.getByRole("button", { name: "Continue" }).click();
  await arriveAt(page, "/two-step-verification/recovery-codes");
  rememberRecoveryCodes(origin, email, await page.locator(".tandem-recovery-codes code").allTextContents());
  await page.getByRole("button", { name: "I have saved these codes" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/two-step-verification/"));
  await settled(page);
}

/** Signs out with the header bar's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await arriveAt(page, "/sign-in");
  await expectHeading(page, "Sign in to Tandem");
}

/** Runs axe (WCAG 2.2 A and AA) on the page; fails with one readable line per violating element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (scripting.get(page) === false) {
    throw new Error("axe needs JavaScript: check pages in the JavaScript-enabled pass");
  }
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const lines = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} at ${node.target.join(" ")}`,
    ),
  );
  if (lines.length > 0) {
    throw new Error(`axe found ${lines.length} WCAG problem(s) on ${pathOf(page)}:\n- ${lines.join("\n- ")}`);
  }
}

/** Saves a full-page PNG to tests/e2e/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * What every page in a journey gets: with JavaScript, an axe check and (when named) a screenshot; without
 * JavaScript axe cannot run, so behaviour is what the journeys assert.
 */
export async function checkPage(page: Page, screenshotName?: string): Promise<void> {
  if (!scripting.get(page)) return;
  await expectNoAxeViolations(page);
  if (screenshotName) await screenshot(page, screenshotName);
}

/** "with JavaScript" / "without JavaScript", for describe names. */
export function jsLabel(js: boolean): string {
  return js ? "with JavaScript" : "without JavaScript";
}

/**
 * The GOV.UK error summary shows exactly these messages, each linking to its field, and each field shows its
 * message inline, and the title starts "Error: ". With JavaScript the summary also takes focus.
 */
export async function expectErrorSummary(
  page: Page,
  errors: Array<{ field: string; text: string }>,
): Promise<void> {
  const summary = page.locator(".govuk-error-summary");
  await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
  const links = await summary.locator(".govuk-error-summary__list li").evaluateAll((items) =>
    items.map((item) => ({
      text: item.textContent?.trim(),
      href: item.querySelector("a")?.getAttribute("href"),
    })),
  );
  expect(links).toEqual(errors.map(({ field, text }) => ({ text, href: `#${field}` })));
  for (const { field, text } of errors) {
    expect(await page.locator(`[id="${field}"]`).count(), `the summary links to #${field}`).toBe(1);
    await page.locator(".govuk-error-message", { hasText: text }).waitFor();
  }
  await page.waitForFunction(() => document.title.startsWith("Error: "));
  if (scripting.get(page)) {
    // GOV.UK Frontend runs on the summary too (its links then focus the field rather than jump to it).
    await summary.and(page.locator("[data-govuk-error-summary-init]")).waitFor({ state: "attached" });
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(
      true,
    );
  }
}
