import type { Kysely } from "kysely";

// "Send again" on a failed message starts a new 24 hours of tries: the delivery worker counts the time allowed from
// when the message was last queued (null: since it was created), not from its creation, which a message sent again
// days later is long past.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("queued_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("queued_at").execute();
}
