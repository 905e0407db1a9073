import type { Kysely } from "kysely";

// Indexes found missing by the query-plan test (tests/integration/indexes.test.ts).
export async function up(db: Kysely<any>): Promise<void> {
  // The audit log's "who" filter lists everyone by name: read in order from the index, not sorted from the table.
  await db.schema.createIndex("people_name").ifNotExists().on("people").column("name").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_name").ifExists().execute();
}
