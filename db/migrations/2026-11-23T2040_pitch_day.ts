import { type Kysely, sql } from "kysely";

// Pitch day: the event of a cohort (timetable settings, scoring window, release), its running order, panel,
// declared conflicts, rubric, and each senior leader's scoring sheets with their scores.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pitch_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("venue", "text")
    .addColumn("online_link", "text")
    .addColumn("pitch_minutes", "integer", (c) => c.notNull().check(sql`pitch_minutes between 1 and 120`))
    .addColumn("questions_minutes", "integer", (c) =>
      c.notNull().check(sql`questions_minutes between 0 and 120`),
    )
    .addColumn("changeover_minutes", "integer", (c) =>
      c.notNull().check(sql`changeover_minutes between 0 and 120`),
    )
    .addColumn("break_after", "integer")
    .addColumn("break_minutes", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`break_minutes between 0 and 240`),
    )
    .addColumn("order_seed", "text")
    .addColumn("scoring_state", "text", (c) =>
      c.notNull().defaultTo("not_open").check(sql`scoring_state in ('not_open', 'open', 'closed')`),
    )
    .addColumn("scoring_opened_at", "text")
    .addColumn("scoring_closed_at", "text")
    .addColumn("results_released_at", "text")
    .addColumn("ranking_published_at", "text")
    .addColumn("feedback_attribution", "text", (c) =>
      c.notNull().defaultTo("attributed").check(sql`feedback_attribution in ('attributed', 'anonymous')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pitch_events_cohort_key")
    .on("pitch_events")
    .column("cohort_id")
    .unique()
    .execute();

  await db.schema
    .createTable("pitch_slots")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .execute();
  await db.schema
    .createIndex("pitch_slots_event_position_key")
    .on("pitch_slots")
    .columns(["event_id", "position"])
    .unique()
    .execute();
  await db.schema
    .createIndex("pitch_slots_event_team_key")
    .on("pitch_slots")
    .columns(["event_id", "team_id"])
    .unique()
    .execute();
  await db.schema.createIndex("pitch_slots_team_id").on("pitch_slots").column("team_id").execute();

  await db.schema
    .createTable("panel_members")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("panel_members_event_person_key")
    .on("panel_members")
    .columns(["event_id", "person_id"])
    .unique()
    .execute();
  await db.schema.createIndex("panel_members_person_id").on("panel_members").column("person_id").execute();

  await db.schema
    .createTable("declared_conflicts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("declared_conflicts_event_person_team_key")
    .on("declared_conflicts")
    .columns(["event_id", "person_id", "team_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("declared_conflicts_person_id")
    .on("declared_conflicts")
    .column("person_id")
    .execute();
  await db.schema
    .createIndex("declared_conflicts_team_id")
    .on("declared_conflicts")
    .column("team_id")
    .execute();

  await db.schema
    .createTable("rubric_criteria")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("weight", "real", (c) => c.notNull().check(sql`weight > 0`))
    .addColumn("max", "integer", (c) => c.notNull().check(sql`max between 2 and 10`))
    .addColumn("levels", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rubric_criteria_event_position")
    .on("rubric_criteria")
    .columns(["event_id", "position"])
    .execute();

  await db.schema
    .createTable("scoring_sheets")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("worked_well", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("could_be_better", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .execute();
  await db.schema
    .createIndex("scoring_sheets_event_person_team_key")
    .on("scoring_sheets")
    .columns(["event_id", "person_id", "team_id"])
    .unique()
    .execute();
  await db.schema.createIndex("scoring_sheets_person_id").on("scoring_sheets").column("person_id").execute();
  await db.schema.createIndex("scoring_sheets_team_id").on("scoring_sheets").column("team_id").execute();

  await db.schema
    .createTable("sheet_scores")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("sheet_id", "integer", (c) => c.notNull().references("scoring_sheets.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) =>
      c.notNull().references("rubric_criteria.id").onDelete("cascade"),
    )
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score >= 1`))
    .execute();
  await db.schema
    .createIndex("sheet_scores_sheet_criterion_key")
    .on("sheet_scores")
    .columns(["sheet_id", "criterion_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("sheet_scores_criterion_id")
    .on("sheet_scores")
    .column("criterion_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "sheet_scores",
    "scoring_sheets",
    "rubric_criteria",
    "declared_conflicts",
    "panel_members",
    "pitch_slots",
    "pitch_events",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
