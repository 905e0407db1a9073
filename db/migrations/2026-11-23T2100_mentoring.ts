import { type Kysely, sql } from "kysely";

// Mentoring: sessions a team holds with its mentors (attendance, agreed actions, private notes), the team's
// versioned problem statement with its mentors' reviews, and per cohort the "quiet team" threshold and when
// the statements were shown to the whole cohort.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("cohorts")
    .addColumn("quiet_team_days", "integer", (c) =>
      c.notNull().defaultTo(14).check(sql`quiet_team_days between 1 and 365`),
    )
    .execute();
  await db.schema.alterTable("cohorts").addColumn("statements_published_at", "text").execute();

  await db.schema
    .createTable("mentoring_sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) =>
      c.notNull().check(sql`duration_minutes between 1 and 480`),
    )
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('in-person', 'video', 'phone')`))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("follow_up_date", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("mentoring_sessions_team_date")
    .on("mentoring_sessions")
    .columns(["team_id", "date"])
    .execute();
  await db.schema
    .createIndex("mentoring_sessions_author_id")
    .on("mentoring_sessions")
    .column("author_id")
    .execute();
  await db.schema
    .createIndex("mentoring_sessions_follow_up_date")
    .on("mentoring_sessions")
    .column("follow_up_date")
    .execute();

  await db.schema
    .createTable("session_attendees")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("mentoring_sessions.id").onDelete("cascade"),
    )
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('member', 'mentor')`))
    .execute();
  await db.schema
    .createIndex("session_attendees_session_person_key")
    .on("session_attendees")
    .columns(["session_id", "person_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("session_attendees_person_id")
    .on("session_attendees")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("session_actions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("mentoring_sessions.id").onDelete("cascade"),
    )
    .addColumn("owner_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("done_by", "integer", (c) => c.references("people.id"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("session_actions_session_id")
    .on("session_actions")
    .column("session_id")
    .execute();
  await db.schema
    .createIndex("session_actions_owner_due")
    .on("session_actions")
    .columns(["owner_id", "due_date"])
    .execute();
  await db.schema.createIndex("session_actions_done_by").on("session_actions").column("done_by").execute();

  await db.schema
    .createTable("session_private_notes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("mentoring_sessions.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("session_private_notes_session_id")
    .on("session_private_notes")
    .column("session_id")
    .execute();
  await db.schema
    .createIndex("session_private_notes_author_id")
    .on("session_private_notes")
    .column("author_id")
    .execute();

  await db.schema
    .createTable("problem_statements")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'submitted', 'changes_requested', 'approved')`),
    )
    /** The number of the latest saved version (0 before the first save): saves based on another are refused. */
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("submitted_version", "integer")
    .addColumn("submitted_at", "text")
    .addColumn("first_submitted_at", "text")
    .addColumn("approved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("problem_statements_team_id_key")
    .on("problem_statements")
    .column("team_id")
    .unique()
    .execute();
  await db.schema
    .createIndex("problem_statements_status")
    .on("problem_statements")
    .column("status")
    .execute();

  await db.schema
    .createTable("problem_statement_versions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("statement_id", "integer", (c) =>
      c.notNull().references("problem_statements.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number >= 1`))
    .addColumn("author_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) =>
      c.check(sql`category is null or category in ('technology', 'operational', 'policy')`),
    )
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("problem", "text", (c) => c.notNull())
    .addColumn("affected", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("approach", "text", (c) => c.notNull())
    .addColumn("success_measures", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("problem_statement_versions_statement_number_key")
    .on("problem_statement_versions")
    .columns(["statement_id", "number"])
    .unique()
    .execute();
  await db.schema
    .createIndex("problem_statement_versions_author_id")
    .on("problem_statement_versions")
    .column("author_id")
    .execute();

  await db.schema
    .createTable("statement_reviews")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("statement_id", "integer", (c) =>
      c.notNull().references("problem_statements.id").onDelete("cascade"),
    )
    .addColumn("version_number", "integer", (c) => c.notNull())
    /** The mentor whose decision this is. */
    .addColumn("mentor_id", "integer", (c) => c.notNull().references("people.id"))
    /** Who recorded it: the mentor, or a coordinator deciding on the mentor's behalf. */
    .addColumn("reviewer_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("decision", "text", (c) =>
      c.notNull().check(sql`decision in ('approved', 'changes_requested')`),
    )
    .addColumn("comment", "text")
    .addColumn("on_behalf_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("statement_reviews_statement_version")
    .on("statement_reviews")
    .columns(["statement_id", "version_number"])
    .execute();
  await db.schema
    .createIndex("statement_reviews_mentor_id")
    .on("statement_reviews")
    .column("mentor_id")
    .execute();
  await db.schema
    .createIndex("statement_reviews_reviewer_id")
    .on("statement_reviews")
    .column("reviewer_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "statement_reviews",
    "problem_statement_versions",
    "problem_statements",
    "session_private_notes",
    "session_actions",
    "session_attendees",
    "mentoring_sessions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ["statements_published_at", "quiet_team_days"]) {
    await db.schema.alterTable("cohorts").dropColumn(column).execute();
  }
}
