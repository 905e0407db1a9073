import type { Kysely } from "kysely";

// The administrators page lists the few accounts that administer the site: an index finds them without reading
// every account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("accounts_is_admin").on("accounts").column("is_admin").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("accounts_is_admin").execute();
}
