import type { Kysely } from "kysely";

// Forms that create a record carry a one-time key (the id of the request that drew the form): the first change
// sent with it is kept here with its outcome, so the same form sent again (a double click, a retried request)
// answers the first outcome and creates nothing. Kept for a day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("submissions")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("submissions_pk", ["person_id", "key"])
    .execute();
  await db.schema.createIndex("submissions_created_at").on("submissions").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("submissions").execute();
}
