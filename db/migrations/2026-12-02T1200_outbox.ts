import { type Kysely, sql } from "kysely";

// The outbox: every email is written in the same transaction as the change that causes it, and a delivery worker
// in the server sends it (the transactional-outbox pattern). A message that must go once only (a reminder for a
// day) carries a dedupe key, unique here, so however many processes enqueue it, it is enqueued once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("cohort_id", "integer", (c) => c.references("cohorts.id").onDelete("set null"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("to_name", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("attachments", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    .addColumn("smtp_response", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_person_id").on("outbox").column("person_id").execute();
  await db.schema.createIndex("outbox_cohort_id").on("outbox").column("cohort_id").execute();

  // The kinds of mail a person has turned off (none: everything goes).
  await db.schema
    .createTable("email_opt_outs")
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("email_opt_outs_pk", ["person_id", "kind"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_opt_outs").execute();
  await db.schema.dropTable("outbox").execute();
}
