// How failed sign-ins slow further attempts (ASVS 5.0 V6.1.1, V6.3.1): growing delays, never a hard lock, counted
// for the pair (email, address) first, with higher ceilings for one email from anywhere and for one address
// trying any email. Someone guessing from elsewhere slows only themselves until the per-email ceiling, and even
// then the right person waits minutes, not a lock-out; a shared office address is slowed, not shut out.

export type ThrottleScope = "pair" | "email" | "address";

type Rule = {
  /** Failures allowed in the window before each further attempt must wait. */
  free: number;
  /** How far back failures count. */
  windowMinutes: number;
};

export const THROTTLE_RULES: Record<ThrottleScope, Rule> = {
  // One address guessing one person's password: a few typing mistakes are free.
  pair: { free: 5, windowMinutes: 24 * 60 },
  // One email from any number of addresses: at the longest delay this allows about 100 guesses a day.
  email: { free: 20, windowMinutes: 24 * 60 },
  // One address trying many emails (password spraying); an office behind one address shares it.
  address: { free: 30, windowMinutes: 60 },
};

export const FIRST_DELAY_SECONDS = 60;
export const LONGEST_DELAY_SECONDS = 15 * 60;

/** The wait after the latest failure, once `failures` have been counted: none, then 1, 2, 4, 8, 15, 15 … minutes. */
export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - free), LONGEST_DELAY_SECONDS);
}

/** Recent failures in one scope's window: how many, and when the latest was (ISO-8601), if any. */
export type FailureCount = { failures: number; latestAt: string | null };

export type ThrottleDecision =
  | { allowed: true }
  | {
      allowed: false;
      scope: ThrottleScope;
      /** When the next attempt will be allowed (ISO-8601). */
      retryAt: string;
      /** Whole seconds until then (for Retry-After), at least 1. */
      retryAfterSeconds: number;
    };

/** Allowed, or the longest wait any counted scope asks for. Scopes not counted (no email yet) do not slow. */
export function throttleDecision(
  counts: Partial<Record<ThrottleScope, FailureCount>>,
  now: Date,
): ThrottleDecision {
  let refusal: Extract<ThrottleDecision, { allowed: false }> | null = null;
  for (const scope of Object.keys(THROTTLE_RULES) as ThrottleScope[]) {
    const count = counts[scope];
    if (!count?.latestAt) continue;
    const wait = delaySeconds(count.failures, THROTTLE_RULES[scope].free);
    const retryAt = Date.parse(count.latestAt) + wait * 1000;
    if (wait === 0 || retryAt <= now.getTime()) continue;
    if (!refusal || retryAt > Date.parse(refusal.retryAt)) {
      refusal = {
        allowed: false,
        scope,
        retryAt: new Date(retryAt).toISOString(),
        retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)),
      };
    }
  }
  return refusal ?? { allowed: true };
}

/** "Wait 1 minute", "Wait 4 minutes": rounded up to whole minutes. */
export function waitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `You have tried to sign in too many times. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"}, then try again.`;
}
