// Password rules shown to people in the browser as well as checked on the server.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** The form a password is compared and hashed in: Unicode NFC, so the same characters typed either way match. */
export function normalisePassword(password: string): string {
  return password.normalize("NFC");
}

/**
 * A password's length in characters (Unicode code points after NFC), not UTF-16 units: "🌳" is one character.
 * Text far longer than any allowed password is not normalised at all: it counts as too long straight away.
 */
export function passwordLength(password: string): number {
  // NFC joins at most a few code points into one (Hangul: three), so four UTF-16 units per character is generous.
  if (password.length > MAX_PASSWORD_LENGTH * 4) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (const _ of normalisePassword(password)) count += 1;
  return count;
}

export const TOO_LONG = `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
