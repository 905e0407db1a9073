// Two-step verification's rules (ASVS 5.0 V6.5, V6.6): time-based codes of 6 digits every 30 seconds with one step
// of drift, recovery codes written like `k3m9p-x7w2q`, and how many wrong codes are allowed.

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, a new code every 30 seconds. */
export const TOTP = { algorithm: "SHA1", digits: 6, period: 30, window: 1, issuer: "Tandem" } as const;

/** How long the step between the password and the code lasts. */
export const PENDING_SIGN_IN_MINUTES = 10;

/** Wrong codes allowed in one pending sign-in: the next wrong one cancels it (back to the password). */
export const WRONG_CODES_PER_SIGN_IN = 5;

/** Wrong codes per person over a window, across pending sign-ins: signing in again does not reset this count. */
export const WRONG_CODES_PER_PERSON = { limit: 10, windowMinutes: 15 } as const;

export const RECOVERY_CODE_COUNT = 10;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/o, 1/l/i). */
export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** The 30-second step an instant (milliseconds) falls in. */
export function timeStep(ms: number): number {
  return Math.floor(ms / 1000 / TOTP.period);
}

/** A code as someone may type it ("123 456", "123-456"): digits only, or null when it cannot be a code. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A recovery code as someone may type it (any case, spaces, with or without the dash), or null. */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[\s-]/g, "");
  if (plain.length !== 10) return null;
  for (const ch of plain) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/** Ten random indexes into the alphabet per code, from `random` bytes (one byte per character, unbiased). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string | null {
  const usable = 256 - (256 % RECOVERY_ALPHABET.length);
  let code = "";
  for (const byte of bytes) {
    if (byte >= usable) continue;
    code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
    if (code.length === 10) return `${code.slice(0, 5)}-${code.slice(5)}`;
  }
  return null;
}

/** A base32 key in groups of four, for reading it into an app by hand. */
export function groupedKey(key: string): string {
  return key.match(/.{1,4}/g)?.join(" ") ?? key;
}

/**
 * Whether a person may try another code, given when their recent wrong codes were (ISO-8601): at most
 * WRONG_CODES_PER_PERSON.limit in the window. When not, how many seconds until enough have left the window.
 */
export function codeAttemptDecision(
  failuresAt: string[],
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowMs = WRONG_CODES_PER_PERSON.windowMinutes * 60_000;
  const recent = failuresAt
    .map((at) => Date.parse(at))
    .filter((at) => at > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  if (recent.length < WRONG_CODES_PER_PERSON.limit) return { allowed: true };
  // The limit-th most recent must leave the window before another try.
  const freeAt = recent[WRONG_CODES_PER_PERSON.limit - 1]! + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
}

/** "Wait 4 minutes": rounded up to whole minutes. */
export function codeWaitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `You have entered too many wrong codes. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"}, then try again.`;
}
