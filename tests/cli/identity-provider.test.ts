// `npm run tandem -- add-identity-provider` and `npm run demo:idp`: both register a provider through the same command
// as the admin page, checking the issuer's discovery document, with the secret sealed.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import type { RunningIdentityProvider } from "../../scripts/identity-provider-server";
import { cliWorkspace } from "../setup/cli";

import { startTestProvider } from "../setup/oidc-provider";

const { dir } = cliWorkspace("sso");

/** `npm run tandem -- …` without blocking this process, which serves the provider the command reads. */
function tandem(...args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/tandem.ts", ...args], {
      env: { ...process.env, DATABASE_URL, APP_URL: "http://127.0.0.1:3999", CLIENT_SECRET: secretFromEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (status) => resolve({ status, out, err }));
  });
}

let secretFromEnv = "";
const DATABASE_URL = `file:${join(dir, "cli.sqlite")}`;
let provider: RunningIdentityProvider;

beforeAll(async () => {
  provider = await startTestProvider("http://127.0.0.1:3999");
});
afterAll(async () => {
  await provider?.close();
});

const add = (...extra: string[]) =>
  tandem(
    "add-identity-provider",
    "--name",
    "Example Department",
    "--issuer",
    provider.issuer,
    "--client-id",
    "tandem-test",
    ...extra,
  );

describe("npm run tandem -- add-identity-provider", () => {
  it("adds a provider with the secret from CLIENT_SECRET, sealed, and audits it", async () => {
    const secret = "cli-secret-never-stored-plain";
    secretFromEnv = secret;
    const { status, out, err } = await add("--domains", "Department.example, agency.example");
    secretFromEnv = "";
    expect(status, err).toBe(0);
    expect(out).toContain("Example Department signs in people of department.example, agency.example");
    expect(out).toContain("http://127.0.0.1:3999/sso/callback");
    const db = openDatabase(DATABASE_URL);
    const row = await db.selectFrom("identity_providers").selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain(secret);
    const domains = await db
      .selectFrom("identity_provider_domains")
      .select("domain")
      .orderBy("domain")
      .execute();
    expect(domains.map((d) => d.domain)).toEqual(["agency.example", "department.example"]);
    const audit = await db
      .selectFrom("audit_events")
      .where("action", "=", "identity_provider.added")
      .selectAll()
      .execute();
    expect(audit).toHaveLength(1);
    await db.destroy();
  });

  it("refuses a domain another provider has, a bad domain, a missing secret and an unreadable issuer", async () => {
    const taken = await add("--domains", "agency.example", "--client-secret", "s");
    expect(taken.status).toBe(2);
    expect(taken.err).toContain("agency.example (Example Department)");
    const bad = await add("--domains", "not a domain", "--client-secret", "s");
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("is not a domain name");
    expect((await add("--domains", "x.example")).status).toBe(2);
    const unreadable = await tandem(
      "add-identity-provider",
      "--name",
      "Nowhere",
      "--issuer",
      "http://127.0.0.1:9",
      "--client-id",
      "c",
      "--client-secret",
      "s",
      "--domains",
      "nowhere.example",
    );
    expect(unreadable.status).toBe(2);
    expect(unreadable.err).toContain("could not read the issuer's discovery document");
  });
});

describe("npm run demo:idp", () => {
  it("starts a provider for the demo's HMRC people and registers it in Tandem's database", async () => {
    const url = `file:${join(dir, "demo.sqlite")}`;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo-identity-provider.ts"], {
      env: { ...process.env, DATABASE_URL: url, DEMO_IDP_PORT: "0", APP_URL: "http://localhost:3999" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No answer:\n${output}`)), 30_000);
        const take = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Press Ctrl+C")) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on("data", take);
        child.stderr.on("data", take);
      });
      expect(output).toContain('Registered "HMRC demo sign-in" for hmrc.example');
      expect(output).toContain("priya.shah@hmrc.example");
      const db = openDatabase(url);
      const row = await db
        .selectFrom("identity_providers")
        .select(["name", "issuer"])
        .executeTakeFirstOrThrow();
      expect(row.name).toBe("HMRC demo sign-in");
      expect(row.issuer).toMatch(/^http:\/\/localhost:\d+$/);
      // Stopped, it removes what it registered: hmrc.example signs in with passwords again.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      expect(output).toContain('Removed "HMRC demo sign-in"');
      expect(await db.selectFrom("identity_providers").select("id").execute()).toEqual([]);
      await db.destroy();
    } finally {
      child.kill("SIGTERM");
    }
  });
});
