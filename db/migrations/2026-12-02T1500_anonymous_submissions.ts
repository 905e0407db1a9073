import type { Kysely } from "kysely";

// One-time keys of forms sent by nobody signed in (the forgotten-password page): like `submissions`, the first
// change sent with a key is kept with its outcome for a day, so the same form sent again (a double click, a retried
// request) answers the first outcome and changes nothing. The key (the id of the request that drew the form, 48
// random bits) is the whole primary key: there is no person to scope it by.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("anonymous_submissions")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("anonymous_submissions_created_at")
    .on("anonymous_submissions")
    .column("created_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("anonymous_submissions").execute();
}
