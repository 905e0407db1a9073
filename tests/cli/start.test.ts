// `npm start` (scripts/start.mjs): seeds the demo into an empty database and keeps its accounts in a file only the
// owner can read, next to the database; in production it never seeds, and says how to make the first administrator.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";

const dir = mkdtempSync(join(tmpdir(), "tandem-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start`'s script until Tandem is listening, stops it with SIGTERM and returns everything it printed. */
async function npmStart(databaseUrl: string, env: Record<string, string> = {}): Promise<string> {
  if (!existsSync("build/index.js"))
    throw new Error("No build: run `npm run build` before these tests (npm test does).");
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      SESSION_SECRET: "tandem-test-session-secret",
      SECRETS_KEY: "tandem-test-secrets-key-of-at-least-32-characters",
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http:\/\/\S+/.test(output)) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  return output;
}

async function peopleIn(databaseUrl: string): Promise<number> {
  const db = openDatabase(databaseUrl);
  try {
    const people = await db.selectFrom("people").select("id").execute();
    return people.length;
  } finally {
    await db.destroy();
  }
}

describe("npm start", () => {
  it("in production, leaves an empty database empty and says how to create the first administrator", async () => {
    const folder = join(dir, "production");
    const url = `file:${join(folder, "tandem.sqlite")}`;
    const output = await npmStart(url, { NODE_ENV: "production", APP_URL: "https://tandem.example" });
    expect(output).toContain("npm run tandem -- create-admin --email");
    expect(output).not.toContain("Demo cohort created");
    expect(await peopleIn(url)).toBe(0);
    expect(existsSync(join(folder, "demo-accounts.txt"))).toBe(false);
  });

  it("outside production, seeds the demo and keeps its accounts in a file only the owner can read", async () => {
    const folder = join(dir, "demo");
    const url = `file:${join(folder, "tandem.sqlite")}`;
    const accountsFile = join(folder, "demo-accounts.txt");
    const output = await npmStart(url, { NODE_ENV: "development" });
    expect(output).toContain("Demo cohort created");
    expect(output).toContain(accountsFile);
    expect(statSync(accountsFile).mode & 0o777).toBe(0o600);
    const admin = output.split("\n").find((line) => line.includes("tandem.admin@hmrc.example"));
    expect(admin).toBeDefined();
    expect(readFileSync(accountsFile, "utf8")).toContain(admin!);
    // Each group of accounts is headed by its role as the app names it.
    const headings = output.split("\n").filter((line) => /^ {2}\S.*:$/.test(line));
    expect(headings).toContain("  Senior leaders:");
    expect(headings).toContain("  Coordinators:");
    expect(headings).not.toContain("  Leaders:");
    const people = await peopleIn(url);
    expect(people).toBeGreaterThan(40);

    // Started again, it seeds nothing more and points to the file.
    const again = await npmStart(url, { NODE_ENV: "development" });
    expect(again).not.toContain("Demo cohort created");
    expect(again).toContain(accountsFile);
    expect(await peopleIn(url)).toBe(people);
  }, 90_000);
});
