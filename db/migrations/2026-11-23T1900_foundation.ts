import { type Kysely, PostgresAdapter, sql } from "kysely";

// Foundation tables: organisations, people, accounts and sessions, programmes, cohorts, memberships, audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull().check(sql`sector in ('government', 'industry')`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) =>
      c.notNull().check(sql`region in ('england-and-wales', 'scotland', 'northern-ireland')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisations_name_key").on("organisations").column("name").unique().execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("email_key", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("job_title", "text")
    .addColumn("profession", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("people_email_key").on("people").column("email_key").unique().execute();
  await db.schema.createIndex("people_organisation_id").on("people").column("organisation_id").execute();

  await db.schema
    .createTable("accounts")
    .addColumn("person_id", "integer", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
    .addColumn("password_hash", "text")
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("password_set_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("flash", "text")
    .addColumn("reveal", "text")
    .execute();
  await db.schema.createIndex("sessions_person_id").on("sessions").column("person_id").execute();

  await db.schema
    .createTable("one_time_links")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
    .addColumn("created_by", "integer", (c) => c.references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("one_time_links_token_hash")
    .on("one_time_links")
    .column("token_hash")
    .unique()
    .execute();
  await db.schema.createIndex("one_time_links_person_id").on("one_time_links").column("person_id").execute();
  await db.schema
    .createIndex("one_time_links_created_by")
    .on("one_time_links")
    .column("created_by")
    .execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email_key", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_failures_email")
    .on("sign_in_failures")
    .columns(["email_key", "at"])
    .execute();
  await db.schema
    .createIndex("sign_in_failures_address")
    .on("sign_in_failures")
    .columns(["address", "at"])
    .execute();

  await db.schema
    .createTable("programmes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("sponsor_organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("programmes_name_key").on("programmes").column("name").unique().execute();
  await db.schema
    .createIndex("programmes_sponsor")
    .on("programmes")
    .column("sponsor_organisation_id")
    .execute();

  await db.schema
    .createTable("cohorts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("weeks", "integer", (c) => c.notNull().defaultTo(12).check(sql`weeks between 1 and 52`))
    .addColumn("team_count", "integer", (c) =>
      c.notNull().defaultTo(6).check(sql`team_count between 1 and 50`),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("planning").check(sql`status in ('planning', 'running', 'finished')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cohorts_programme_id").on("cohorts").column("programme_id").execute();
  await db.schema
    .createIndex("cohorts_programme_name_key")
    .on("cohorts")
    .columns(["programme_id", "name"])
    .unique()
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("memberships_cohort_person_role_key")
    .on("memberships")
    .columns(["cohort_id", "person_id", "role"])
    .unique()
    .execute();
  await db.schema.createIndex("memberships_person_id").on("memberships").column("person_id").execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_person_id", "integer", (c) => c.references("people.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer")
    .addColumn("cohort_id", "integer", (c) => c.references("cohorts.id"))
    .addColumn("address", "text")
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").column("at").execute();
  await db.schema.createIndex("audit_events_actor").on("audit_events").column("actor_person_id").execute();
  await db.schema.createIndex("audit_events_cohort").on("audit_events").column("cohort_id").execute();
  await db.schema
    .createIndex("audit_events_subject")
    .on("audit_events")
    .columns(["subject_type", "subject_id"])
    .execute();

  // The audit log is append-only: the database itself refuses to change or remove an entry. Trigger syntax is the
  // one thing here that differs between SQLite and PostgreSQL.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db);
    await sql`create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  await sql`create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_events",
    "memberships",
    "cohorts",
    "programmes",
    "sign_in_failures",
    "one_time_links",
    "sessions",
    "accounts",
    "people",
    "organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists audit_events_append_only()`.execute(db);
  }
}
