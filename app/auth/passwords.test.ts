import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.server";

describe("password rules", () => {
  it("asks for 12 characters or more, with no composition rules", () => {
    expect(passwordProblem("")).toBe("Enter a password");
    expect(passwordProblem("short pass")).toBe("Password must be 12 characters or more");
    expect(passwordProblem("all lower case words")).toBeNull();
  });

  it("refuses passwords from the shipped list of common ones, in any case", () => {
    expect(passwordProblem("qwertyuiopasdfgh")).toMatch(/too common/);
    expect(passwordProblem("QWERTY123456")).toMatch(/too common/);
  });

  it("refuses a password built on the person's email", () => {
    expect(passwordProblem("fiona.marsden2027", "fiona.marsden@techuk.example")).toMatch(/email/);
  });

  it("refuses absurdly long passwords", () => {
    expect(passwordProblem("x".repeat(257))).toMatch(/256 characters or fewer/);
  });
});

describe("password hashing", () => {
  it("stores argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("violet tractor breakfast");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "violet tractor breakfast")).toBe(true);
    expect(await verifyPassword(hash, "violet tractor lunch")).toBe(false);
  });

  it("says no when there is no password yet", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });
});
