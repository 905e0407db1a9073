import type { Kysely } from "kysely";

// A record of each run of a job Tandem does by itself (today: anonymising people whose retention period ended), for
// the pages that say when it last ran, what it did and when it runs next. A scheduled run claims its day:
// (name, scheduled_day) is unique, so of several server processes only one does a day's run. A run an operator
// starts from the command line has no scheduled_day and always runs.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("scheduled_day", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("outcome", "text")
    .execute();
  await db.schema
    .createIndex("job_runs_name_scheduled_day_key")
    .on("job_runs")
    .columns(["name", "scheduled_day"])
    .unique()
    .execute();
  await db.schema
    .createIndex("job_runs_name_started_at")
    .on("job_runs")
    .columns(["name", "started_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_runs").execute();
}
