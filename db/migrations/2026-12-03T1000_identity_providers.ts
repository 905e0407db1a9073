import type { Kysely } from "kysely";

// Single sign-on with OpenID Connect. An identity provider (an organisation's Entra ID, Google Workspace, Okta) is
// added by an administrator with the client id and secret Tandem was given (the secret sealed with SECRETS_KEY) and
// the email domains it vouches for: one domain belongs to one provider at most. Each sign-in through a provider is
// a single-use request (its state kept only as a SHA-256), and a session remembers the provider it came from and
// the ID token (sealed), so that signing out can offer the provider's own sign-out.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("identity_providers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret", "text", (c) => c.notNull())
    .addColumn("added_by", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable("identity_provider_domains")
    .addColumn("domain", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) =>
      c.notNull().references("identity_providers.id").onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("identity_provider_domains_provider")
    .on("identity_provider_domains")
    .column("provider_id")
    .execute();
  await db.schema
    .createTable("sso_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("state_hash", "text", (c) => c.notNull().unique())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("provider_id", "integer", (c) =>
      c.notNull().references("identity_providers.id").onDelete("cascade"),
    )
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("link_id", "integer", (c) => c.references("one_time_links.id").onDelete("cascade"))
    .addColumn("session_id", "text", (c) => c.references("sessions.id").onDelete("cascade"))
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("sso_requests_expires_at").on("sso_requests").column("expires_at").execute();
  // Every foreign key leads an index, so deleting a provider, a person, a link or a session finds its rows quickly.
  await db.schema
    .createIndex("identity_providers_added_by")
    .on("identity_providers")
    .column("added_by")
    .execute();
  for (const column of ["provider_id", "link_id", "session_id"])
    await db.schema.createIndex(`sso_requests_${column}`).on("sso_requests").column(column).execute();
  await db.schema
    .alterTable("sessions")
    .addColumn("sso_provider_id", "integer", (c) =>
      c.references("identity_providers.id").onDelete("set null"),
    )
    .execute();
  await db.schema.alterTable("sessions").addColumn("sso_id_token", "text").execute();
  await db.schema.createIndex("sessions_sso_provider_id").on("sessions").column("sso_provider_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sessions_sso_provider_id").execute();
  await db.schema.alterTable("sessions").dropColumn("sso_id_token").execute();
  await db.schema.alterTable("sessions").dropColumn("sso_provider_id").execute();
  await db.schema.dropTable("sso_requests").execute();
  await db.schema.dropTable("identity_provider_domains").execute();
  await db.schema.dropTable("identity_providers").execute();
}
