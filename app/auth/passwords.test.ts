import { hash } from "@node-rs/argon2";
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

  it("refuses absurdly long passwords, counting characters (code points after NFC), not UTF-16 units", () => {
    expect(passwordProblem("x".repeat(257))).toMatch(/256 characters or fewer/);
    expect(passwordProblem("x".repeat(1_000_000))).toMatch(/256 characters or fewer/);
    expect(passwordProblem("\u{1F333}".repeat(11))).toBe("Password must be 12 characters or more");
    expect(passwordProblem("\u{1F333}".repeat(200))).not.toMatch(/characters or fewer/);
  });

  it("refuses passwords of spaces only, Unicode spaces included", () => {
    expect(passwordProblem(" ".repeat(12))).toBe("Enter a password that is not only spaces");
    expect(passwordProblem("\u3000\u00a0\t ".repeat(4))).toBe("Enter a password that is not only spaces");
  });

  it("refuses guessable passwords with the estimator's reason", () => {
    expect(passwordProblem("abcabcabcabc")).toBe(
      'Password is too easy to guess. Repeated character patterns like "abcabcabc" are easy to guess.',
    );
    expect(passwordProblem("Password123!xx")).toMatch(/^Password is too easy to guess\. /);
    expect(passwordProblem("fiona marsden 1", "someone@example.test", "Fiona Marsden")).toMatch(/too easy/);
  });

  it("checks a password quickly enough to run on every set-password form", () => {
    passwordProblem("warm up the estimator 1");
    const started = performance.now();
    passwordProblem("q7#Lm2$vX9!pR4&wZ8@kT3^nB6*yH1%c".repeat(8));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("password hashing", () => {
  it("stores argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("violet tractor breakfast");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "violet tractor breakfast")).toBe(true);
    expect(await verifyPassword(hash, "violet tractor lunch")).toBe(false);
  });

  it("hashes the normalised password, and still accepts a hash made before passwords were normalised", async () => {
    const decomposed = "Cafe\u0301 de\u0301ja\u0300 vu 1987";
    const composed = decomposed.normalize("NFC");
    expect(await verifyPassword(await hashPassword(decomposed), composed)).toBe(true);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
    const legacy = await hash(decomposed);
    expect(await verifyPassword(legacy, decomposed)).toBe(true);
    expect(await verifyPassword(legacy, "Cafe de\u0301ja\u0300 vu 1987")).toBe(false);
  });

  it("says no when there is no password yet", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });
});
