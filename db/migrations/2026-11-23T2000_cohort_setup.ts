import { type Kysely, sql } from "kysely";

// Cohort set-up: the organisations taking part (quotas, hosts), nominations and release status, milestones,
// company visits, attendance and personal calendar feeds.
export async function up(db: Kysely<any>): Promise<void> {
  // Organisations are edited by coordinators of any cohort they take part in: a version stops silent overwrites.
  await db.schema
    .alterTable("organisations")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  // The day of the week and the times the cohort's company visits take place.
  await db.schema
    .alterTable("cohorts")
    .addColumn("visit_weekday", "integer", (c) =>
      c.notNull().defaultTo(3).check(sql`visit_weekday between 1 and 5`),
    )
    .execute();
  await db.schema
    .alterTable("cohorts")
    .addColumn("visit_start_time", "text", (c) => c.notNull().defaultTo("10:00"))
    .execute();
  await db.schema
    .alterTable("cohorts")
    .addColumn("visit_end_time", "text", (c) => c.notNull().defaultTo("16:00"))
    .execute();

  // Nominations: the line manager's release (participants only) and withdrawal, which keeps the membership row.
  await db.schema
    .alterTable("memberships")
    .addColumn("release_status", "text", (c) =>
      c.check(sql`release_status is null or release_status in ('requested', 'approved', 'declined')`),
    )
    .execute();
  await db.schema.alterTable("memberships").addColumn("line_manager_email", "text").execute();
  await db.schema.alterTable("memberships").addColumn("withdrawn_at", "text").execute();
  await db.schema.alterTable("memberships").addColumn("withdrawal_reason", "text").execute();
  await db.schema
    .alterTable("memberships")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("memberships_cohort_release")
    .on("memberships")
    .columns(["cohort_id", "release_status"])
    .execute();

  await db.schema
    .createTable("cohort_organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("hosts_visit", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("quota", "integer", (c) => c.check(sql`quota is null or quota between 0 and 500`))
    .addColumn("address", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("cohort_organisations_cohort_org_key")
    .on("cohort_organisations")
    .columns(["cohort_id", "organisation_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("cohort_organisations_organisation_id")
    .on("cohort_organisations")
    .column("organisation_id")
    .execute();

  await db.schema
    .createTable("host_unavailable_dates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_organisation_id", "integer", (c) =>
      c.notNull().references("cohort_organisations.id").onDelete("cascade"),
    )
    .addColumn("date", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("host_unavailable_dates_key")
    .on("host_unavailable_dates")
    .columns(["cohort_organisation_id", "date"])
    .unique()
    .execute();

  await db.schema
    .createTable("milestones")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('kick-off', 'problem-statement', 'mid-point', 'final-pitches')`),
    )
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("milestones_cohort_kind_key")
    .on("milestones")
    .columns(["cohort_id", "kind"])
    .unique()
    .execute();

  await db.schema
    .createTable("visits")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("agenda", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("planned").check(sql`status in ('planned', 'confirmed', 'cancelled')`),
    )
    .addColumn("cancel_reason", "text")
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("visits_cohort_date").on("visits").columns(["cohort_id", "date"]).execute();
  await db.schema.createIndex("visits_organisation_id").on("visits").column("organisation_id").execute();

  await db.schema
    .createTable("attendance")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("visit_id", "integer", (c) => c.notNull().references("visits.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('attended', 'apologies', 'absent')`))
    .addColumn("recorded_by", "integer", (c) => c.references("people.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("attendance_visit_person_key")
    .on("attendance")
    .columns(["visit_id", "person_id"])
    .unique()
    .execute();
  await db.schema.createIndex("attendance_person_id").on("attendance").column("person_id").execute();
  await db.schema.createIndex("attendance_recorded_by").on("attendance").column("recorded_by").execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    /** SHA-256 of the random token in the feed's URL. */
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("calendar_feeds_token_hash_key")
    .on("calendar_feeds")
    .column("token_hash")
    .unique()
    .execute();
  await db.schema
    .createIndex("calendar_feeds_person_id_key")
    .on("calendar_feeds")
    .column("person_id")
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "calendar_feeds",
    "attendance",
    "visits",
    "milestones",
    "host_unavailable_dates",
    "cohort_organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("memberships_cohort_release").execute();
  for (const column of [
    "version",
    "withdrawal_reason",
    "withdrawn_at",
    "line_manager_email",
    "release_status",
  ])
    await db.schema.alterTable("memberships").dropColumn(column).execute();
  for (const column of ["visit_end_time", "visit_start_time", "visit_weekday"])
    await db.schema.alterTable("cohorts").dropColumn(column).execute();
  await db.schema.alterTable("organisations").dropColumn("version").execute();
}
