import type { Kysely } from "kysely";

// The forgotten-password page's requests of the last hour, for its rate limit: how many links were asked for each
// email address and from each client address. Every request counts, whether or not Tandem knows the address, so
// the limit says nothing about who has an account. The email is kept only as its SHA-256, and rows older than the
// limit's window are deleted as new ones are written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_reset_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("password_reset_requests_email")
    .on("password_reset_requests")
    .columns(["email_hash", "at"])
    .execute();
  await db.schema
    .createIndex("password_reset_requests_address")
    .on("password_reset_requests")
    .columns(["address", "at"])
    .execute();
  await db.schema
    .createIndex("password_reset_requests_at")
    .on("password_reset_requests")
    .column("at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_reset_requests").execute();
}
