import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { totpCode } from "~/auth/totp.server";
import { checkOneTimeLink } from "~/models/account.server";
import { openDatabase } from "../../db/connection";
import { cliWorkspace, runTandem } from "../setup/cli";

const { dir, tandem } = cliWorkspace("cli", () => ({ APP_URL: "https://tandem.example" }));
const DATABASE_URL = `file:${join(dir, "cli.sqlite")}`;

describe("npm run tandem", () => {
  it("lists its subcommands", () => {
    const { status, out } = tandem("--help");
    expect(status).toBe(0);
    for (const command of ["migrate", "seed-demo", "create-admin", "reset-link", "demo-code"])
      expect(out).toContain(command);
  });

  it("migrates a fresh database", () => {
    const first = tandem("migrate");
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/Applied \d+ migration/);
    expect(tandem("migrate").out).toContain("Already up to date");
  });

  it("creates an administrator with a one-time link that works", async () => {
    const { status, out } = tandem("create-admin", "--email", "Root@Example.test", "--name", "Rita Root");
    expect(status).toBe(0);
    const token = /https:\/\/tandem\.example\/set-password\/([A-Za-z0-9_-]+)/.exec(out)?.[1];
    expect(token).toBeDefined();
    const db = openDatabase(DATABASE_URL);
    expect((await checkOneTimeLink(db, token!)).state).toBe("valid");
    const account = await db
      .selectFrom("accounts")
      .innerJoin("people", "people.id", "accounts.person_id")
      .select(["is_admin", "password_hash"])
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ is_admin: 1, password_hash: null });
    await db.destroy();
  });

  it("refuses a bad email with a usage message", () => {
    const { status, err } = tandem("create-admin", "--email", "not-an-email", "--name", "X");
    expect(status).toBe(2);
    expect(err).toContain("Enter an email address in the correct format");
  });

  it("seeds the demo cohort only into an empty database, printing random passwords", async () => {
    const refused = tandem("seed-demo");
    expect(refused.status).not.toBe(0);
    expect(refused.err).toContain("needs an empty database");
    const emptyUrl = `file:${join(dir, "demo.sqlite")}`;
    const result = runTandem(["seed-demo"], { DATABASE_URL: emptyUrl });
    expect(result.status).toBe(0);
    const passwords = [...result.out.matchAll(/^\s+\S+@\S+\.example\s+(\S+)\s+/gm)].map((m) => m[1]);
    expect(passwords).toHaveLength(60);
    expect(new Set(passwords).size).toBe(60);
    const db = openDatabase(emptyUrl);
    // The demo cohort (the running one; a past pilot cohort is there for reports and retention).
    const demo = db.selectFrom("cohorts").where("status", "=", "running").select("id");
    const roles = await db
      .selectFrom("memberships")
      .where("memberships.cohort_id", "in", demo)
      .select(["role", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("role")
      .orderBy("role")
      .execute();
    expect(roles.map((r) => [r.role, Number(r.n)])).toEqual([
      ["coordinator", 1],
      ["leader", 5],
      ["mentor", 12],
      ["participant", 40],
      ["sponsor", 1],
    ]);
    const sectors = await db
      .selectFrom("memberships")
      .innerJoin("people", "people.id", "memberships.person_id")
      .innerJoin("organisations", "organisations.id", "people.organisation_id")
      .where("memberships.role", "in", ["participant", "mentor"])
      .where("memberships.cohort_id", "in", demo)
      .select(["memberships.role", "organisations.sector", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["memberships.role", "organisations.sector"])
      .orderBy("memberships.role")
      .orderBy("organisations.sector")
      .execute();
    expect(sectors.map((s) => `${s.role}/${s.sector}=${s.n}`)).toEqual([
      "mentor/government=6",
      "mentor/industry=6",
      "participant/government=20",
      "participant/industry=20",
    ]);
    await db.destroy();

    // The administrator and the coordinator must use two-step verification: it is set up, with the key printed.
    const keys = [...result.out.matchAll(/two-step verification key: ([A-Z2-7]+)/g)].map((m) => m[1]!);
    expect(keys).toHaveLength(2);
    expect(result.out).toContain("otpauth://totp/Tandem:");
    const coordinatorEmail = /Coordinators:\n\s+(\S+@\S+)/.exec(result.out)![1]!;
    const code = runTandem(["demo-code", "--email", coordinatorEmail], { DATABASE_URL: emptyUrl });
    expect(code.status).toBe(0);
    const printed = /^(\d{6}) /.exec(code.out)![1]!;
    const coordinatorKey = keys[1]!;
    const step = Math.floor(Date.now() / 30_000);
    expect([step - 1, step].map((s) => totpCode(coordinatorKey, s * 30_000))).toContain(printed);
    const production = runTandem(["demo-code", "--email", coordinatorEmail], {
      DATABASE_URL: emptyUrl,
      NODE_ENV: "production",
      // What production requires to start at all (the command line loads the same modules).
      SESSION_SECRET: "a-production-session-secret-for-this-test-only",
      SECRETS_KEY: "a-production-secrets-key-for-this-test-only-0123456789",
    });
    expect(production.status).toBe(2);
    expect(production.err).toContain("refused when NODE_ENV=production");
  });
});
