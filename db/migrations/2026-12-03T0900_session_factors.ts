import type { Kysely } from "kysely";

// A session records how it began (a password, a password and a code, a passkey, an identity provider) and when a
// second factor or the provider last vouched for the person: dangerous actions ask for that within 10 minutes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("method", "text", (c) => c.notNull().defaultTo("password"))
    .execute();
  await db.schema.alterTable("sessions").addColumn("verified_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("verified_at").execute();
  await db.schema.alterTable("sessions").dropColumn("method").execute();
}
