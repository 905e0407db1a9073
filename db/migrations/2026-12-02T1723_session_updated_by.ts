import type { Kysely } from "kysely";

// Both mentors of a team may correct a session one of them logged: the session keeps who changed it last (null
// while nobody has), for its page to say so beside who logged it. Earlier changes are in the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("mentoring_sessions")
    .addColumn("updated_by", "integer", (c) => c.references("people.id"))
    .execute();
  // A person's data (and anonymising them) finds the sessions they changed without reading every session.
  await db.schema
    .createIndex("mentoring_sessions_updated_by")
    .on("mentoring_sessions")
    .column("updated_by")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("mentoring_sessions_updated_by").execute();
  await db.schema.alterTable("mentoring_sessions").dropColumn("updated_by").execute();
}
