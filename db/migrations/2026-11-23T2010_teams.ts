import { type Kysely, sql } from "kysely";

// Teams of a cohort, their members (with coordinator locks), mentor pairs, keep-apart choices, and on cohorts
// the publishing time, a version for concurrent edits of the teams screen and the formation settings.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cohorts").addColumn("teams_published_at", "text").execute();
  await db.schema
    .alterTable("cohorts")
    .addColumn("teams_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("cohorts").addColumn("team_settings", "text").execute();

  await db.schema
    .createTable("teams")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number >= 1`))
    .addColumn("name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("teams_cohort_number_key")
    .on("teams")
    .columns(["cohort_id", "number"])
    .unique()
    .execute();

  await db.schema
    .createTable("team_members")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0).check(sql`locked in (0, 1)`))
    .execute();
  await db.schema.createIndex("team_members_team_id").on("team_members").column("team_id").execute();
  await db.schema.createIndex("team_members_person_id").on("team_members").column("person_id").execute();
  // One team per person in a cohort.
  await db.schema
    .createIndex("team_members_cohort_person_key")
    .on("team_members")
    .columns(["cohort_id", "person_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("team_mentors")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("sector", "text", (c) => c.notNull().check(sql`sector in ('government', 'industry')`))
    .addColumn("override_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("team_mentors_team_sector_key")
    .on("team_mentors")
    .columns(["team_id", "sector"])
    .unique()
    .execute();
  await db.schema.createIndex("team_mentors_person_id").on("team_mentors").column("person_id").execute();

  await db.schema
    .createTable("team_constraints")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('keep_apart')`))
    .addColumn("person_a", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("person_b", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("team_constraints_cohort_id")
    .on("team_constraints")
    .column("cohort_id")
    .execute();
  await db.schema
    .createIndex("team_constraints_person_a")
    .on("team_constraints")
    .column("person_a")
    .execute();
  await db.schema
    .createIndex("team_constraints_person_b")
    .on("team_constraints")
    .column("person_b")
    .execute();
  await db.schema
    .createIndex("team_constraints_pair_key")
    .on("team_constraints")
    .columns(["cohort_id", "kind", "person_a", "person_b"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["team_constraints", "team_mentors", "team_members", "teams"]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ["team_settings", "teams_version", "teams_published_at"]) {
    await db.schema.alterTable("cohorts").dropColumn(column).execute();
  }
}
