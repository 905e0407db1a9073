// The sign-in throttle's one decision, for the sign-in action and for anything that must decide before the form is
// read (then only the address is known). The rules are in ~/domain/sign-in-throttle.
import { THROTTLE_RULES, type ThrottleDecision, throttleDecision } from "~/domain/sign-in-throttle";
import { countSignInFailures } from "~/models/account.server";
import { addMinutesIso } from "~/utils/time";
import type { Db } from "../../db/connection";

export type { ThrottleDecision } from "~/domain/sign-in-throttle";
export { waitMessage } from "~/domain/sign-in-throttle";

/**
 * May this sign-in attempt go ahead? Counts recent failures for the pair (email, address), for the email from
 * anywhere and for the address with any email; without `email`, only the address. Refused attempts are not
 * failures: the caller records a failure only after checking a password.
 */
export async function signInAllowed(
  db: Db,
  input: { email?: string; address: string; now?: Date },
): Promise<ThrottleDecision> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const since = {
    pair: addMinutesIso(at, -THROTTLE_RULES.pair.windowMinutes),
    email: addMinutesIso(at, -THROTTLE_RULES.email.windowMinutes),
    address: addMinutesIso(at, -THROTTLE_RULES.address.windowMinutes),
  };
  const counts = await countSignInFailures(db, { email: input.email, address: input.address, since });
  return throttleDecision(counts, now);
}
