import { type Kysely, sql } from "kysely";

// Passkeys (WebAuthn credentials) a person registered, and the single-use challenges of the ceremonies that
// register one, sign in with one, or confirm it is the person before a dangerous action (step-up).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("passkeys")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("credential_id", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("transports", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("device_type", "text", (c) =>
      c.notNull().check(sql`device_type in ('singleDevice', 'multiDevice')`),
    )
    .addColumn("backed_up", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema
    .createIndex("passkeys_credential_id")
    .on("passkeys")
    .column("credential_id")
    .unique()
    .execute();
  await db.schema.createIndex("passkeys_person_id").on("passkeys").column("person_id").execute();

  await db.schema
    .createTable("webauthn_challenges")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) =>
      c.notNull().check(sql`purpose in ('register', 'sign-in', 'confirm')`),
    )
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("webauthn_challenges_challenge")
    .on("webauthn_challenges")
    .column("challenge")
    .unique()
    .execute();
  await db.schema
    .createIndex("webauthn_challenges_person_id")
    .on("webauthn_challenges")
    .column("person_id")
    .execute();
  await db.schema
    .createIndex("webauthn_challenges_expires_at")
    .on("webauthn_challenges")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webauthn_challenges").execute();
  await db.schema.dropTable("passkeys").execute();
}
