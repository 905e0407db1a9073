import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { hash, verify } from "@node-rs/argon2";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

let commonPasswords: Set<string> | undefined;

// The list ships with the app (app/auth/common-passwords.txt); the server always runs from the project folder.
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const text = readFileSync(resolve("app/auth/common-passwords.txt"), "utf8");
    commonPasswords = new Set(text.split("\n").filter((line) => line && !line.startsWith("#")));
  }
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new password is not acceptable, or null when it is (NCSC guidance: length, no composition rules). */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length === 0) return "Enter a password";
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (isCommonPassword(password)) return "Password is too common: choose one that is harder to guess";
  if (email && password.toLowerCase().includes(email.toLowerCase().split("@")[0] ?? "\u0000")) {
    return "Password must not contain your email address";
  }
  return null;
}

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random password, so an unknown email costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash(`no account ${Math.random()}`);
    await verify(await dummyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}
