// The audit actions of single sign-on: administrators adding, changing and removing identity providers, and every
// sign-in through a provider, succeeded or failed (with the reason).
import type { SsoFailure } from "../sso";
import type { SsoPurpose } from "../vocabulary";
import { sentence } from "./define";

type ProviderDetails = { name: string; issuer: string; domains: string[] };

export const ssoAudit = {
  "identity_provider.added": sentence<ProviderDetails>(
    (d, who) => `${who.actor} added the identity provider ${d.name} for ${d.domains.join(", ")}`,
  ),
  "identity_provider.changed": sentence<ProviderDetails & { secretChanged: boolean }>(
    (d, who) =>
      `${who.actor} changed the identity provider ${d.name}${d.secretChanged ? ", with a new client secret" : ""}`,
  ),
  "identity_provider.removed": sentence<{ name: string }>(
    (d, who) => `${who.actor} removed the identity provider ${d.name}`,
  ),
  "sso.signed_in": sentence<{ provider: string; purpose: SsoPurpose }>((d, who) =>
    d.purpose === "confirm"
      ? `${who.actor} confirmed it was them with ${d.provider}`
      : `${who.actor} signed in with ${d.provider}`,
  ),
  "sso.failed": sentence<{
    provider: string;
    purpose: SsoPurpose;
    reason: SsoFailure;
    email: string | null;
    /** What the relying-party library or the provider said, for whoever investigates. */
    detail: string | null;
  }>(
    (d) =>
      `Someone failed to sign in with ${d.provider}${d.email ? ` as ${d.email}` : ""}: ${reasonText(d.reason)}`,
  ),
};

const REASONS: Record<SsoFailure, string> = {
  state: "the sign-in had expired or was used already",
  provider: "the provider refused or could not be reached",
  "id-token-invalid": "the provider's answer did not pass Tandem's checks",
  "email-unverified": "the provider had not verified the email",
  "domain-not-vouched": "the email's domain is not one the provider vouches for",
  "no-account": "nobody in Tandem has the email",
  "not-the-same-person": "the provider signed in someone else",
  "invitation-unusable": "the invitation could no longer be used",
};

function reasonText(reason: SsoFailure): string {
  return REASONS[reason] ?? "for a reason this version does not know";
}
