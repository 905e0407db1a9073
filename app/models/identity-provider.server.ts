// Identity providers (single sign-on) and the domains they vouch for, the single-use requests of sign-ins through
// them, and which provider a session came from.
import { emailDomain } from "~/domain/sso";
import type { SsoPurpose } from "~/domain/vocabulary";
import { addMinutesIso, nowIso } from "~/utils/time";
import { hashToken } from "~/utils/tokens.server";
import type { Db, Tx } from "../../db/connection";

/** How long a sign-in through a provider may take, from Tandem's redirect to the provider's answer. */
export const SSO_REQUEST_MINUTES = 10;

/** Every provider with its domains, by name. The client secret stays in the database. */
export async function listIdentityProviders(db: Db) {
  const [providers, domains] = await Promise.all([
    db
      .selectFrom("identity_providers")
      .leftJoin("people", "people.id", "identity_providers.added_by")
      .select([
        "identity_providers.id",
        "identity_providers.name",
        "identity_providers.issuer",
        "identity_providers.client_id",
        "identity_providers.added_at",
        "identity_providers.version",
        "people.name as addedBy",
      ])
      .orderBy("identity_providers.name")
      .execute(),
    db.selectFrom("identity_provider_domains").select(["provider_id", "domain"]).orderBy("domain").execute(),
  ]);
  return providers.map((provider) => ({
    ...provider,
    domains: domains.filter((d) => d.provider_id === provider.id).map((d) => d.domain),
  }));
}

/** One provider with its domains and its sealed client secret (for Tandem's own use, never for a page). */
export async function getIdentityProvider(db: Db, id: number) {
  const provider = await db
    .selectFrom("identity_providers")
    .where("id", "=", id)
    .select(["id", "name", "issuer", "client_id", "client_secret", "version"])
    .executeTakeFirst();
  if (!provider) return undefined;
  const domains = await db
    .selectFrom("identity_provider_domains")
    .where("provider_id", "=", id)
    .select("domain")
    .orderBy("domain")
    .execute();
  return { ...provider, domains: domains.map((d) => d.domain) };
}

export type IdentityProvider = NonNullable<Awaited<ReturnType<typeof getIdentityProvider>>>;

/** The provider that vouches for an email's domain, if any (without its secret). */
export async function identityProviderForEmail(db: Db, email: string) {
  const domain = emailDomain(email);
  if (!domain) return undefined;
  return db
    .selectFrom("identity_provider_domains")
    .innerJoin("identity_providers", "identity_providers.id", "identity_provider_domains.provider_id")
    .where("identity_provider_domains.domain", "=", domain)
    .select(["identity_providers.id", "identity_providers.name", "identity_providers.issuer"])
    .executeTakeFirst();
}

/** Of `domains`, those another provider (not `exceptProviderId`) already vouches for. */
export async function domainsTaken(db: Db, domains: string[], exceptProviderId: number | null) {
  if (domains.length === 0) return [];
  let query = db
    .selectFrom("identity_provider_domains")
    .innerJoin("identity_providers", "identity_providers.id", "identity_provider_domains.provider_id")
    .where("identity_provider_domains.domain", "in", domains)
    .select(["identity_provider_domains.domain", "identity_providers.name"]);
  if (exceptProviderId !== null) query = query.where("identity_providers.id", "!=", exceptProviderId);
  return query.orderBy("identity_provider_domains.domain").execute();
}

type ProviderValues = { name: string; issuer: string; clientId: string; domains: string[] };

export async function insertIdentityProvider(
  tx: Tx,
  input: ProviderValues & { sealedSecret: string; addedBy: number | null },
) {
  const at = nowIso();
  const { id } = await tx
    .insertInto("identity_providers")
    .values({
      name: input.name,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret: input.sealedSecret,
      added_by: input.addedBy,
      added_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceDomains(tx, id, input.domains);
  return id;
}

/** Changes a provider; the secret only when a new one (sealed) is given. */
export async function updateIdentityProvider(
  tx: Tx,
  id: number,
  input: ProviderValues & { sealedSecret: string | null },
) {
  await tx
    .updateTable("identity_providers")
    .set({
      name: input.name,
      issuer: input.issuer,
      client_id: input.clientId,
      ...(input.sealedSecret ? { client_secret: input.sealedSecret } : {}),
      updated_at: nowIso(),
    })
    .where("id", "=", id)
    .execute();
  await replaceDomains(tx, id, input.domains);
}

async function replaceDomains(tx: Tx, providerId: number, domains: string[]) {
  await tx.deleteFrom("identity_provider_domains").where("provider_id", "=", providerId).execute();
  if (domains.length)
    await tx
      .insertInto("identity_provider_domains")
      .values(domains.map((domain) => ({ domain, provider_id: providerId })))
      .execute();
}

/** Bumps the provider's version when the form's is current: false when someone saved it meanwhile. */
export async function claimIdentityProviderVersion(tx: Tx, id: number, version: number) {
  const result = await tx
    .updateTable("identity_providers")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteIdentityProvider(tx: Tx, id: number) {
  await tx.updateTable("sessions").set({ sso_provider_id: null }).where("sso_provider_id", "=", id).execute();
  await tx.deleteFrom("sso_requests").where("provider_id", "=", id).execute();
  await tx.deleteFrom("identity_provider_domains").where("provider_id", "=", id).execute();
  await tx.deleteFrom("identity_providers").where("id", "=", id).execute();
}

export type NewSsoRequest = {
  state: string;
  nonce: string;
  codeVerifier: string;
  providerId: number;
  purpose: SsoPurpose;
  linkId: number | null;
  sessionId: string | null;
  redirectTo: string;
};

/** Records a sign-in about to go to the provider; requests long expired are forgotten at the same time. */
export async function createSsoRequest(tx: Tx, input: NewSsoRequest) {
  const at = nowIso();
  await tx.deleteFrom("sso_requests").where("expires_at", "<", addMinutesIso(at, -60)).execute();
  await tx
    .insertInto("sso_requests")
    .values({
      state_hash: hashToken(input.state),
      nonce: input.nonce,
      code_verifier: input.codeVerifier,
      provider_id: input.providerId,
      purpose: input.purpose,
      link_id: input.linkId,
      session_id: input.sessionId,
      redirect_to: input.redirectTo,
      created_at: at,
      expires_at: addMinutesIso(at, SSO_REQUEST_MINUTES),
      used_at: null,
    })
    .execute();
}

/** The provider a request was for, used or not, so a failure can name it. */
export async function ssoRequestProvider(db: Db, state: string) {
  return db
    .selectFrom("sso_requests")
    .innerJoin("identity_providers", "identity_providers.id", "sso_requests.provider_id")
    .where("sso_requests.state_hash", "=", hashToken(state))
    .select(["identity_providers.id", "identity_providers.name", "sso_requests.purpose"])
    .executeTakeFirst();
}

/**
 * Uses the request with this state: answers it when it was unused and unexpired, and marks it used in the same
 * transaction, so the same answer from the provider (a replayed callback) finds it used.
 */
export async function claimSsoRequest(tx: Tx, state: string) {
  const at = nowIso();
  const row = await tx
    .selectFrom("sso_requests")
    .where("state_hash", "=", hashToken(state))
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .selectAll()
    .executeTakeFirst();
  if (!row) return undefined;
  const used = await tx
    .updateTable("sso_requests")
    .set({ used_at: at })
    .where("id", "=", row.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? row : undefined;
}

/** The person with an account this email belongs to (anonymised people have none to match). */
export async function accountHolderByEmailKey(db: Db, key: string) {
  return db
    .selectFrom("people")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("people.email_key", "=", key)
    .where("people.anonymised_at", "is", null)
    .select(["people.id", "people.name", "people.email"])
    .executeTakeFirst();
}

/** Which identity provider a session came from (single sign-on), with its sealed ID token; or undefined. */
export async function sessionIdentityProvider(db: Db, sessionId: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("identity_providers", "identity_providers.id", "sessions.sso_provider_id")
    .where("sessions.id", "=", sessionId)
    .select(["identity_providers.id", "identity_providers.name", "sessions.sso_id_token as sealedIdToken"])
    .executeTakeFirst();
}

/** One-time link used to accept an invitation through the provider: false when it was used meanwhile. */
export async function redeemInvitationLink(tx: Tx, linkId: number, personId: number) {
  const used = await tx
    .updateTable("one_time_links")
    .set({ used_at: nowIso() })
    .where("id", "=", linkId)
    .where("person_id", "=", personId)
    .where("purpose", "=", "invite")
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** The person an invitation link was made for. */
export async function invitationLinkHolder(db: Db, linkId: number) {
  const row = await db
    .selectFrom("one_time_links")
    .where("id", "=", linkId)
    .select("person_id")
    .executeTakeFirst();
  return row?.person_id;
}
