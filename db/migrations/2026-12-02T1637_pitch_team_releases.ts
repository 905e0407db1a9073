import { type Kysely, sql } from "kysely";

// Pitch results are released team by team: a row per team whose members may read their feedback and scores. A
// coordinator may withdraw a team's release (the row goes) until the ranking is published to the cohort.
// `pitch_events.results_released_at` now says when the last team was released (every pitching team is), as before
// for a release of all teams at once. Pitch days already released are carried over: every team in their running
// order, at the time the results were released.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pitch_team_releases")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("released_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pitch_team_releases_event_team_key")
    .on("pitch_team_releases")
    .columns(["event_id", "team_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("pitch_team_releases_team_id")
    .on("pitch_team_releases")
    .column("team_id")
    .execute();
  await sql`
    insert into pitch_team_releases (event_id, team_id, released_at)
    select pitch_slots.event_id, pitch_slots.team_id, pitch_events.results_released_at
    from pitch_slots join pitch_events on pitch_events.id = pitch_slots.event_id
    where pitch_events.results_released_at is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pitch_team_releases").execute();
}
