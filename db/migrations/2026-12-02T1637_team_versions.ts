import { type Kysely, sql } from "kysely";

// Changing published teams keeps what was: `since` on a team's members and mentors says from which day they
// have been in it (null: from the start), and `team_periods` keeps each earlier spell of a person with a team
// (from, until), so a person's mentoring sessions are counted with the team they were in on each session's
// date. `team_versions` keeps the teams as they were before a confirmed change (regenerating, pairing mentors
// again, restoring), with who changed them and why, so a coordinator can restore them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("team_members").addColumn("since", "text").execute();
  await db.schema.alterTable("team_mentors").addColumn("since", "text").execute();

  await db.schema
    .createTable("team_periods")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('member', 'mentor')`))
    .addColumn("from_date", "text")
    .addColumn("until_date", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("team_periods_cohort_id").on("team_periods").column("cohort_id").execute();
  await db.schema.createIndex("team_periods_team_id").on("team_periods").column("team_id").execute();
  await db.schema.createIndex("team_periods_person_id").on("team_periods").column("person_id").execute();

  await db.schema
    .createTable("team_versions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addColumn("saved_by", "integer", (c) => c.references("people.id"))
    .addColumn("cause", "text", (c) =>
      c.notNull().check(sql`cause in ('regenerated', 'mentors_paired', 'restored')`),
    )
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("teams", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("team_versions_cohort_id").on("team_versions").column("cohort_id").execute();
  await db.schema.createIndex("team_versions_saved_by").on("team_versions").column("saved_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("team_versions").execute();
  await db.schema.dropTable("team_periods").execute();
  await db.schema.alterTable("team_mentors").dropColumn("since").execute();
  await db.schema.alterTable("team_members").dropColumn("since").execute();
}
