import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { hash, verify } from "@node-rs/argon2";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normalisePassword,
  passwordLength,
  TOO_LONG,
} from "~/domain/password-rules";
import { guessablePasswordProblem } from "./password-strength.server";

let commonPasswords: Set<string> | undefined;

// The list ships with the app (app/auth/common-passwords.txt); the server always runs from the project folder.
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const text = readFileSync(resolve("app/auth/common-passwords.txt"), "utf8");
    commonPasswords = new Set(text.split("\n").filter((line) => line && !line.startsWith("#")));
  }
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Why a new password is not acceptable, or null when it is (NCSC and ASVS 5.0 V6.2: length in characters, no
 * composition rules, not common, not guessable). Checked in order of cost: the strength estimate comes last.
 */
export function passwordProblem(password: string, email?: string, name?: string): string | null {
  const length = passwordLength(password);
  if (length === 0) return "Enter a password";
  if (length > MAX_PASSWORD_LENGTH) return TOO_LONG;
  const normalised = normalisePassword(password);
  if (/^[\s\p{Z}]+$/u.test(normalised)) return "Enter a password that is not only spaces";
  if (length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (isCommonPassword(normalised)) return "Password is too common: choose one that is harder to guess";
  const localPart = email?.toLowerCase().split("@")[0];
  if (localPart && normalised.toLowerCase().includes(localPart)) {
    return "Password must not contain your email address";
  }
  return guessablePasswordProblem(
    normalised,
    [email, localPart, name].filter((input) => !!input) as string[],
  );
}

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: the OWASP minimum), of the normalised password. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password));
}

// A real hash of a random password, so an unknown email costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks the password as normalised (NFC). Hashes made before passwords were normalised hold the characters as
 * typed, so a password that normalisation changes (only ever one with non-ASCII characters) is also tried as typed.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const normalised = normalisePassword(password);
  const forms = normalised === password ? [normalised] : [normalised, password];
  if (!passwordHash) {
    dummyHash ??= hash(`no account ${Math.random()}`);
    for (const form of forms) await verify(await dummyHash, form);
    return false;
  }
  for (const form of forms) if (await verify(passwordHash, form)) return true;
  return false;
}
