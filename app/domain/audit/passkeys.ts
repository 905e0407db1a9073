// The audit actions of passkeys: adding, naming and removing them, signing in and confirming it is you with one,
// and each refusal with its reason.
import { sentence } from "./define";

export const passkeysAudit = {
  "passkey.registered": sentence<{ name: string }>((d, who) => `${who.actor} added a passkey (${d.name})`),
  "passkey.registration_failed": sentence<{ reason: string }>(
    (d, who) => `${who.actor} could not add a passkey: ${d.reason}`,
  ),
  "passkey.renamed": sentence<{ from: string; to: string }>(
    (d, who) => `${who.actor} renamed a passkey from ${d.from} to ${d.to}`,
  ),
  "passkey.removed": sentence<{ name: string }>((d, who) => `${who.actor} removed a passkey (${d.name})`),
  "sign_in.passkey": sentence<{ passkey: string }>(
    (d, who) => `${who.actor} signed in with a passkey (${d.passkey})`,
  ),
  "sign_in.passkey_failed": sentence<{ reason: string }>(
    (d) => `Someone failed to sign in with a passkey: ${d.reason}`,
  ),
  "passkey.confirmed": sentence<{ passkey: string }>(
    (d, who) => `${who.actor} confirmed it was them with a passkey (${d.passkey})`,
  ),
  "passkey.confirm_failed": sentence<{ reason: string }>(
    (d, who) => `${who.actor} could not confirm it was them with a passkey: ${d.reason}`,
  ),
};
