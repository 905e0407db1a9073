// Identity providers: an administrator (on the admin pages or the command line) adds, changes and removes the
// organisations' OpenID Connect providers. The client secret is sealed before it is stored.
import {
  claimIdentityProviderVersion,
  deleteIdentityProvider,
  domainsTaken,
  insertIdentityProvider,
  updateIdentityProvider,
} from "~/models/identity-provider.server";
import { sealSecret } from "~/utils/secret-box.server";
import { command, invalid, ok, type Tx } from "./runner.server";

type ProviderInput = { name: string; issuer: string; clientId: string; domains: string[] };
type ChangeInput = ProviderInput & { id: number; version: number; clientSecret: string | null };
type RemoveInput = { id: number; version: number; name: string };

/** A domain another provider already vouches for is refused: one domain, one provider. */
async function domainsRefusal(tx: Tx, domains: string[], exceptProviderId: number | null) {
  const taken = await domainsTaken(tx, domains, exceptProviderId);
  if (taken.length === 0) return null;
  const list = taken.map((t) => `${t.domain} (${t.name})`).join(", ");
  return invalid(
    "domains",
    `${taken.length === 1 ? "This domain already has" : "These domains already have"} an identity provider: ${list}. Remove ${taken.length === 1 ? "it" : "them"} from the other provider first.`,
  );
}

export const addIdentityProvider = command({
  async execute(c, input: ProviderInput & { clientSecret: string }) {
    const refusal = await domainsRefusal(c.tx, input.domains, null);
    if (refusal) return refusal;
    const id = await insertIdentityProvider(c.tx, {
      ...input,
      sealedSecret: sealSecret(input.clientSecret),
      addedBy: c.actor.personId,
    });
    c.audit({
      action: "identity_provider.added",
      subjectType: "identity_provider",
      subjectId: id,
      details: { name: input.name, issuer: input.issuer, domains: input.domains },
    });
    return ok({ id });
  },
});

/** Changes a provider; a blank secret keeps the one stored. */
export const changeIdentityProvider = command({
  claims: {
    record: "this identity provider",
    claim: (tx, input: ChangeInput) => claimIdentityProviderVersion(tx, input.id, input.version),
  },
  async execute(c, input: ChangeInput) {
    const refusal = await domainsRefusal(c.tx, input.domains, input.id);
    if (refusal) return refusal;
    await updateIdentityProvider(c.tx, input.id, {
      ...input,
      sealedSecret: input.clientSecret ? sealSecret(input.clientSecret) : null,
    });
    c.audit({
      action: "identity_provider.changed",
      subjectType: "identity_provider",
      subjectId: input.id,
      details: {
        name: input.name,
        issuer: input.issuer,
        domains: input.domains,
        secretChanged: input.clientSecret !== null,
      },
    });
    return ok();
  },
});

/** Removes a provider: its people sign in with a password again (a reset link if they never set one). */
export const removeIdentityProvider = command({
  claims: {
    record: "this identity provider",
    claim: (tx, input: RemoveInput) => claimIdentityProviderVersion(tx, input.id, input.version),
  },
  async execute(c, input: RemoveInput) {
    await deleteIdentityProvider(c.tx, input.id);
    c.audit({
      action: "identity_provider.removed",
      subjectType: "identity_provider",
      subjectId: input.id,
      details: { name: input.name },
    });
    return ok();
  },
});
