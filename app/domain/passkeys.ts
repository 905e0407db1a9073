// Passkeys' rules that the forms, the pages and the commands share.
import { formatUkDateTime } from "./calendar";

/** The longest name a person may give a passkey. */
export const PASSKEY_NAME_MAX = 60;

/** The name a new passkey has until the person chooses one: when it was added, so that two are told apart. */
export function defaultPasskeyName(addedAt: string): string {
  return `Passkey added ${formatUkDateTime(addedAt)}`;
}

/** What the passkeys page and its endpoint say when someone with a passkey has not confirmed it is them lately. */
export const CONFIRM_BEFORE_ADDING =
  "To add a passkey, first confirm it is you with a passkey or a code you already have: it keeps someone who learnt your password from adding theirs.";
