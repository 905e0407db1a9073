import { type Kysely, sql } from "kysely";

// A second factor for password accounts: each person's time-based one-time-password key (sealed with SECRETS_KEY)
// and the last time-step a code of theirs was accepted (so no code is accepted twice); ten single-use recovery codes,
// stored hashed only; the step between the password and the code (a pending sign-in, known by the hash of the
// random token in its cookie); wrong codes per person, for the rate limit that starting again does not reset; and a
// programme's setting that everyone in it must use two-step verification.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("second_factors")
    .addColumn("person_id", "integer", (c) => c.primaryKey().references("people.id"))
    .addColumn("totp_key", "text", (c) => c.notNull())
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addColumn("last_step", "integer")
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("recovery_codes_person_id").on("recovery_codes").column("person_id").execute();

  await db.schema
    .createTable("pending_sign_ins")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('verify', 'enrol')`))
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pending_key", "text")
    .addColumn("reveal", "text")
    .addColumn("signed_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pending_sign_ins_token_hash_key")
    .on("pending_sign_ins")
    .column("token_hash")
    .unique()
    .execute();
  await db.schema
    .createIndex("pending_sign_ins_person_id")
    .on("pending_sign_ins")
    .column("person_id")
    .execute();
  await db.schema
    .createIndex("pending_sign_ins_expires_at")
    .on("pending_sign_ins")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("second_factor_failures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("second_factor_failures_person_at")
    .on("second_factor_failures")
    .columns(["person_id", "at"])
    .execute();

  await db.schema
    .alterTable("programmes")
    .addColumn("require_second_factor", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("programmes").dropColumn("require_second_factor").execute();
  for (const table of ["second_factor_failures", "pending_sign_ins", "recovery_codes", "second_factors"]) {
    await db.schema.dropTable(table).execute();
  }
}
