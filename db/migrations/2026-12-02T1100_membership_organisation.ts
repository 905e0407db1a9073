import type { Kysely } from "kysely";

// The organisation a person represents in a cohort, kept on each membership (issue 13, finding 1). Conflicts of
// interest (pitch-day panels, mentor pairing) are decided from it, so a later change of the person's profile
// (their organisation now) cannot remove a conflict in a cohort they were already part of. Every existing
// membership takes the person's current organisation.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("memberships")
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .execute();
  await db
    .updateTable("memberships")
    .set((eb) => ({
      organisation_id: eb
        .selectFrom("people")
        .whereRef("people.id", "=", "memberships.person_id")
        .select("people.organisation_id"),
    }))
    .execute();
  await db.schema
    .createIndex("memberships_organisation_id")
    .on("memberships")
    .column("organisation_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("memberships_organisation_id").ifExists().execute();
  await db.schema.alterTable("memberships").dropColumn("organisation_id").execute();
}
