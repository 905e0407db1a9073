import { type Kysely, sql } from "kysely";

// Reports and data protection: the skills self-assessment (questions, phases, answers), outcomes recorded after
// the programme for each team, each programme's retention period, and when a person was anonymised.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("programmes")
    .addColumn("retention_months", "integer", (c) =>
      c.notNull().defaultTo(24).check(sql`retention_months > 0`),
    )
    .execute();
  await db.schema.alterTable("people").addColumn("anonymised_at", "text").execute();

  await db.schema
    .createTable("skills_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("skills_questions_cohort_position_key")
    .on("skills_questions")
    .columns(["cohort_id", "position"])
    .unique()
    .execute();

  // One row per cohort and phase once the coordinator opens it; answers are taken until the deadline (inclusive).
  await db.schema
    .createTable("skills_phases")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("phase", "text", (c) => c.notNull().check(sql`phase in ('start', 'end')`))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("skills_phases_cohort_phase_key")
    .on("skills_phases")
    .columns(["cohort_id", "phase"])
    .unique()
    .execute();

  await db.schema
    .createTable("skills_answers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("question_id", "integer", (c) =>
      c.notNull().references("skills_questions.id").onDelete("cascade"),
    )
    .addColumn("phase", "text", (c) => c.notNull().check(sql`phase in ('start', 'end')`))
    .addColumn("confidence", "integer", (c) => c.notNull().check(sql`confidence between 1 and 5`))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("skills_answers_question_person_phase_key")
    .on("skills_answers")
    .columns(["question_id", "person_id", "phase"])
    .unique()
    .execute();
  await db.schema
    .createIndex("skills_answers_cohort_phase")
    .on("skills_answers")
    .columns(["cohort_id", "phase"])
    .execute();
  await db.schema.createIndex("skills_answers_person_id").on("skills_answers").column("person_id").execute();

  await db.schema
    .createTable("team_outcomes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("follow_up", "text", (c) => c.notNull().check(sql`follow_up in ('3-months', '6-months')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(sql`status in ('taken-forward', 'piloted', 'under-consideration', 'not-taken-forward')`),
    )
    .addColumn("note", "text")
    .addColumn("recorded_by", "integer", (c) => c.references("people.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("team_outcomes_team_follow_up_key")
    .on("team_outcomes")
    .columns(["team_id", "follow_up"])
    .unique()
    .execute();
  await db.schema
    .createIndex("team_outcomes_recorded_by")
    .on("team_outcomes")
    .column("recorded_by")
    .execute();
  await db.schema
    .createIndex("audit_events_subject_at")
    .on("audit_events")
    .columns(["subject_type", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_events_subject_at").execute();
  for (const table of ["team_outcomes", "skills_answers", "skills_phases", "skills_questions"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("people").dropColumn("anonymised_at").execute();
  await db.schema.alterTable("programmes").dropColumn("retention_months").execute();
}
