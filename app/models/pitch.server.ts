// Pitch day: the event, running order, panel and conflicts, rubric, scoring sheets, and what each person sees.

import type { ExpressionBuilder, Updateable } from "kysely";
import type { CalendarVisit } from "~/domain/icalendar";
import {
  type Conflict,
  type PitchDayDetails,
  type PitchTeam,
  panelConflicts,
  pitchCalendarEvents,
  pitchDayResults,
  sheetProgress,
  type TimetableSettings,
} from "~/domain/pitch-day";
import { round2 } from "~/domain/pitch-scoring";
import { teamLabel } from "~/domain/report";
import { DEFAULT_RUBRIC } from "~/domain/rubric";
import { groupBy } from "~/utils/group";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { Database, PitchEvent, PitchEventsTable, ScoringState, SheetStatus } from "../../db/types";
import { claimVersion } from "./claim.server";
import { listTeamsOfCohorts } from "./team.server";

export type PitchEventRow = PitchEvent;

/** The pitch day of each cohort that has one, by cohort id. */
export async function pitchEventsOfCohorts(db: Db, cohortIds: number[]): Promise<Map<number, PitchEventRow>> {
  const rows = cohortIds.length
    ? await db.selectFrom("pitch_events").where("cohort_id", "in", cohortIds).selectAll().execute()
    : [];
  return new Map(rows.map((row) => [row.cohort_id, row]));
}

export async function getPitchEvent(db: Db, cohortId: number) {
  return (await pitchEventsOfCohorts(db, [cohortId])).get(cohortId);
}

function eventColumns(input: PitchDayDetails) {
  return {
    date: input.date,
    start_time: input.startTime,
    venue: input.venue,
    online_link: input.onlineLink,
    pitch_minutes: input.pitchMinutes,
    questions_minutes: input.questionsMinutes,
    changeover_minutes: input.changeoverMinutes,
    break_after: input.breakAfter,
    break_minutes: input.breakMinutes,
    feedback_attribution: input.feedbackAttribution,
  };
}

/** A rubric criterion's row, at `index` (from 0) in the rubric. */
function criterionColumns(c: Omit<CriterionInput, "id">, index: number) {
  return {
    position: index + 1,
    name: c.name,
    description: c.description,
    weight: c.weight,
    max: c.max,
    levels: JSON.stringify(c.levels),
  };
}

/** Creates the cohort's pitch day with the default rubric. */
export async function createPitchEvent(db: Tx, cohortId: number, input: PitchDayDetails) {
  const at = nowIso();
  const event = await db
    .insertInto("pitch_events")
    .values({ cohort_id: cohortId, ...eventColumns(input), created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("rubric_criteria")
    .values(DEFAULT_RUBRIC.map((c, index) => ({ event_id: event.id, ...criterionColumns(c, index) })))
    .execute();
  return event;
}

/** Sets these columns of the event. */
async function setEventColumns(db: Tx, eventId: number, columns: Updateable<PitchEventsTable>) {
  await db.updateTable("pitch_events").set(columns).where("id", "=", eventId).execute();
}

/** Saves the details (the caller has claimed the event's version). */
export async function updatePitchEvent(db: Tx, eventId: number, input: PitchDayDetails) {
  await setEventColumns(db, eventId, { ...eventColumns(input), updated_at: nowIso() });
}

/** Claims the next version of the event (running order, panel, rubric, scoring window): false if stale. */
export async function claimEventVersion(db: Tx, eventId: number, version: number) {
  return claimVersion(db, "pitch_events", eventId, version);
}

export async function setScoringState(db: Tx, eventId: number, state: ScoringState) {
  const at = nowIso();
  await setEventColumns(
    db,
    eventId,
    state === "open"
      ? { scoring_state: state, scoring_opened_at: at, scoring_closed_at: null }
      : { scoring_state: state, scoring_closed_at: at },
  );
}

/**
 * Releases every team in the running order at once, now or `at` (fixtures and seeds; the app releases with
 * releaseTeams).
 */
export async function releaseResults(db: Tx, eventId: number, at = nowIso()) {
  const slots = await listSlots(db, eventId);
  await releaseTeams(
    db,
    eventId,
    slots.map((s) => s.team_id),
    at,
  );
  await setEventColumns(db, eventId, { results_released_at: at });
}

/** Each event's released teams, with when each was released, by event id. */
export async function releasedTeamsOfEvents(db: Db, eventIds: number[]) {
  const rows = eventIds.length
    ? await db
        .selectFrom("pitch_team_releases")
        .where("event_id", "in", eventIds)
        .select(["event_id", "team_id", "released_at"])
        .orderBy("id")
        .execute()
    : [];
  const byEvent = new Map<number, Map<number, string>>(eventIds.map((id) => [id, new Map()]));
  for (const row of rows) byEvent.get(row.event_id)?.set(row.team_id, row.released_at);
  return byEvent;
}

/** The event's released teams: team id -> when its results were released. */
export async function releasedTeams(db: Db, eventId: number) {
  return (await releasedTeamsOfEvents(db, [eventId])).get(eventId) ?? new Map<number, string>();
}

/** Releases these teams' results to their members (a team already released keeps its first release). */
export async function releaseTeams(db: Tx, eventId: number, teamIds: number[], at = nowIso()) {
  if (teamIds.length === 0) return;
  await db
    .insertInto("pitch_team_releases")
    .values(teamIds.map((teamId) => ({ event_id: eventId, team_id: teamId, released_at: at })))
    .onConflict((oc) => oc.columns(["event_id", "team_id"]).doNothing())
    .execute();
}

/** Takes a team's released results back from its members. */
export async function withdrawTeamRelease(db: Tx, eventId: number, teamId: number) {
  await db
    .deleteFrom("pitch_team_releases")
    .where("event_id", "=", eventId)
    .where("team_id", "=", teamId)
    .execute();
}

/** Records that every pitching team's results are released (now), or that one of them no longer is. */
export async function markEveryTeamReleased(db: Tx, eventId: number, every: boolean) {
  await setEventColumns(db, eventId, { results_released_at: every ? nowIso() : null });
}

export async function publishRanking(db: Tx, eventId: number) {
  await setEventColumns(db, eventId, { ranking_published_at: nowIso() });
}

// ---------------------------------------------------------------------------------------------------------
// Teams and running order

/** How teams are named (the pitch-day commands import it from here). */
export { teamLabel };

export type PitchTeamRow = PitchTeam & { number: number; name: string | null };

/**
 * Each cohort's teams with at least one member, with each member's and mentor's organisation, by cohort id:
 * one query for all the cohorts.
 */
export async function pitchTeamsOfCohorts(db: Db, cohortIds: number[]): Promise<Map<number, PitchTeamRow[]>> {
  const pitchPerson = (person: { name: string; organisation_id: number | null }) => ({
    name: person.name,
    organisationId: person.organisation_id,
  });
  const teams = (await listTeamsOfCohorts(db, cohortIds))
    .filter((team) => team.members.length > 0)
    .map((team) => ({
      cohortId: team.cohort_id,
      team: {
        id: team.id,
        number: team.number,
        name: team.name,
        label: teamLabel(team),
        members: team.members.map(pitchPerson),
        mentors: team.mentors.map(pitchPerson),
      },
    }));
  return groupBy(cohortIds, teams, ({ cohortId, team }) => [cohortId, team]);
}

/**
 * How many teams will pitch: the teams formed (with members), or before there are any, the number the cohort
 * plans (`formed` says which).
 */
export async function pitchingTeamCount(db: Db, cohort: { id: number; team_count: number }) {
  const formed = (await pitchTeamsOfCohorts(db, [cohort.id])).get(cohort.id)?.length ?? 0;
  return { teams: formed || cohort.team_count, formed: formed > 0 };
}

/** Each event's running order (team ids by position), by event id. */
export async function slotsOfEvents(db: Db, eventIds: number[]) {
  const rows = eventIds.length
    ? await db
        .selectFrom("pitch_slots")
        .where("event_id", "in", eventIds)
        .select(["event_id", "team_id", "position"])
        .orderBy("position")
        .execute()
    : [];
  return groupBy(eventIds, rows, ({ event_id, ...slot }) => [event_id, slot]);
}

/** The running order: team ids by position. */
export async function listSlots(db: Db, eventId: number) {
  return (await slotsOfEvents(db, [eventId])).get(eventId) ?? [];
}

export async function replaceSlots(db: Tx, eventId: number, teamIds: number[], seed: string | null) {
  await db.deleteFrom("pitch_slots").where("event_id", "=", eventId).execute();
  if (teamIds.length)
    await db
      .insertInto("pitch_slots")
      .values(teamIds.map((teamId, index) => ({ event_id: eventId, team_id: teamId, position: index + 1 })))
      .execute();
  await setEventColumns(db, eventId, { order_seed: seed });
}

// ---------------------------------------------------------------------------------------------------------
// Rubric

export async function listRubric(db: Db, eventId: number) {
  const rows = await db
    .selectFrom("rubric_criteria")
    .where("event_id", "=", eventId)
    .select(["id", "position", "name", "description", "weight", "max", "levels"])
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, levels: JSON.parse(row.levels) as string[] }));
}

export type RubricRow = Awaited<ReturnType<typeof listRubric>>[number];
export type CriterionInput = {
  id: number | null;
  name: string;
  description: string;
  weight: number;
  max: number;
  levels: string[];
};

/** Replaces the rubric: criteria with an id are updated, others added, and criteria left out removed. */
export async function saveRubric(db: Tx, eventId: number, criteria: CriterionInput[]) {
  const keep = criteria.filter((c) => c.id !== null).map((c) => c.id!);
  let removal = db.deleteFrom("rubric_criteria").where("event_id", "=", eventId);
  if (keep.length) removal = removal.where("id", "not in", keep);
  await removal.execute();
  for (const [index, c] of criteria.entries()) {
    const columns = criterionColumns(c, index);
    if (c.id === null)
      await db
        .insertInto("rubric_criteria")
        .values({ event_id: eventId, ...columns })
        .execute();
    else
      await db
        .updateTable("rubric_criteria")
        .set(columns)
        .where("event_id", "=", eventId)
        .where("id", "=", c.id)
        .execute();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Panel and conflicts

/** The senior leaders of each event's cohort, each with whether they are on that event's panel, by event id. */
export async function leadersOfEvents(db: Db, eventIds: number[]) {
  const rows = eventIds.length
    ? await db
        .selectFrom("pitch_events")
        .innerJoin("memberships", "memberships.cohort_id", "pitch_events.cohort_id")
        .innerJoin("people", "people.id", "memberships.person_id")
        // The organisation the leader represents in the cohort decides their conflicts, not their profile's.
        .leftJoin("organisations", "organisations.id", "memberships.organisation_id")
        .leftJoin("panel_members", (join) =>
          join
            .onRef("panel_members.person_id", "=", "people.id")
            .onRef("panel_members.event_id", "=", "pitch_events.id"),
        )
        .where("pitch_events.id", "in", eventIds)
        .where("memberships.role", "=", "leader")
        .select([
          "pitch_events.id as eventId",
          "people.id",
          "people.name",
          "memberships.organisation_id as organisationId",
          "organisations.name as organisation",
          "panel_members.id as panelId",
        ])
        .orderBy("people.name")
        .orderBy("people.id")
        .execute()
    : [];
  return groupBy(eventIds, rows, ({ eventId, panelId, ...leader }) => [
    eventId,
    { ...leader, onPanel: panelId !== null },
  ]);
}

export async function addPanelMember(db: Tx, eventId: number, personId: number) {
  await db
    .insertInto("panel_members")
    .values({ event_id: eventId, person_id: personId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["event_id", "person_id"]).doNothing())
    .execute();
}

export async function removePanelMember(db: Tx, eventId: number, personId: number) {
  await db
    .deleteFrom("panel_members")
    .where("event_id", "=", eventId)
    .where("person_id", "=", personId)
    .execute();
}

/** The leaders on an event's panel with their email addresses, to write to. */
export async function panelLeadersOf(db: Db, eventId: number) {
  return db
    .selectFrom("panel_members")
    .innerJoin("people", "people.id", "panel_members.person_id")
    .where("panel_members.event_id", "=", eventId)
    .select(["people.id", "people.name", "people.email"])
    .orderBy("people.name")
    .execute();
}

/** Each event's declared conflicts, by event id. */
export async function declaredConflictsOfEvents(db: Db, eventIds: number[]) {
  const rows = eventIds.length
    ? await db
        .selectFrom("declared_conflicts")
        .where("event_id", "in", eventIds)
        .select(["event_id", "id", "person_id as personId", "team_id as teamId", "reason", "created_at"])
        .orderBy("id")
        .execute()
    : [];
  return groupBy(eventIds, rows, ({ event_id, ...conflict }) => [event_id, conflict]);
}

export async function declareConflict(
  db: Tx,
  eventId: number,
  personId: number,
  teamId: number,
  reason: string,
) {
  const result = await db
    .insertInto("declared_conflicts")
    .values({ event_id: eventId, person_id: personId, team_id: teamId, reason, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["event_id", "person_id", "team_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * Each pitch day as far as conflicts go, by event id: the teams in running order (or all teams before there is
 * one), the panel, and every conflict between them (organisation or declared). Four queries for all the events.
 */
export async function pitchDayPanels(db: Db, events: Array<{ cohortId: number; eventId: number }>) {
  const eventIds = events.map((e) => e.eventId);
  const [teamsOf, slotsOf, leadersOf, declaredOf] = await Promise.all([
    pitchTeamsOfCohorts(
      db,
      events.map((e) => e.cohortId),
    ),
    slotsOfEvents(db, eventIds),
    leadersOfEvents(db, eventIds),
    declaredConflictsOfEvents(db, eventIds),
  ]);
  return new Map(
    events.map(({ cohortId, eventId }) => {
      const teams = teamsOf.get(cohortId) ?? [];
      const slots = slotsOf.get(eventId) ?? [];
      const leaders = leadersOf.get(eventId) ?? [];
      const declared = declaredOf.get(eventId) ?? [];
      const byId = new Map(teams.map((t) => [t.id, t]));
      const ordered = slots.length
        ? slots.map((s) => byId.get(s.team_id)).filter((t) => t !== undefined)
        : teams;
      const panel = leaders.filter((l) => l.onPanel);
      const conflicts: Conflict[] = panelConflicts(panel, ordered, declared);
      return [eventId, { teams: ordered, ordered: slots.length > 0, leaders, panel, conflicts, declared }];
    }),
  );
}

export type PitchDayPanel = NonNullable<ReturnType<Awaited<ReturnType<typeof pitchDayPanels>>["get"]>>;

/** The one pitch day's panel, teams and conflicts: see pitchDayPanels. */
export async function pitchDayPanel(db: Db, cohortId: number, eventId: number): Promise<PitchDayPanel> {
  return (await pitchDayPanels(db, [{ cohortId, eventId }])).get(eventId)!;
}

/** The reasons a leader may not score a team on this pitch day, or null when they may. */
function conflictOf(panel: PitchDayPanel, personId: number, teamId: number): string[] | null {
  return panel.conflicts.find((c) => c.leaderId === personId && c.teamId === teamId)?.reasons ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Scoring sheets

/** The scores of the sheet the outer query is on (`scoring_sheets`): a subquery for jsonArrayFrom. */
function scoresOfSheet(eb: ExpressionBuilder<Database, "scoring_sheets">) {
  return eb
    .selectFrom("sheet_scores")
    .whereRef("sheet_scores.sheet_id", "=", "scoring_sheets.id")
    .select(["sheet_scores.criterion_id", "sheet_scores.score"]);
}

/** One leader's sheets (with their scores) in this event. */
export async function listSheetsOfLeader(db: Db, eventId: number, personId: number) {
  const rows = await db
    .selectFrom("scoring_sheets")
    .where("event_id", "=", eventId)
    .where("person_id", "=", personId)
    .select((eb) => [
      "scoring_sheets.id",
      "scoring_sheets.team_id",
      "scoring_sheets.status",
      "scoring_sheets.worked_well",
      "scoring_sheets.could_be_better",
      "scoring_sheets.version",
      "scoring_sheets.updated_at",
      jsonArrayFrom(db, scoresOfSheet(eb)).as("scores"),
    ])
    .execute();
  return rows.map((row) => ({ ...row, scores: childRows(row.scores) }));
}

/** Every sheet of the event with its leader and scores: for coordinators only. */
export async function listAllSheets(db: Db, eventId: number) {
  const rows = await db
    .selectFrom("scoring_sheets")
    .innerJoin("people", "people.id", "scoring_sheets.person_id")
    .leftJoin("organisations", "organisations.id", "people.organisation_id")
    .where("scoring_sheets.event_id", "=", eventId)
    .select((eb) => [
      "scoring_sheets.id",
      "scoring_sheets.person_id",
      "scoring_sheets.team_id",
      "scoring_sheets.status",
      "scoring_sheets.worked_well",
      "scoring_sheets.could_be_better",
      "scoring_sheets.updated_at",
      "scoring_sheets.submitted_at",
      "people.name as leader_name",
      "organisations.name as leader_organisation",
      jsonArrayFrom(db, scoresOfSheet(eb)).as("scores"),
    ])
    .orderBy("people.name")
    .orderBy("scoring_sheets.team_id")
    .execute();
  return rows.map((row) => ({ ...row, scores: childRows(row.scores) }));
}

export type SheetSave = {
  eventId: number;
  personId: number;
  teamId: number;
  status: SheetStatus;
  workedWell: string;
  couldBeBetter: string;
  /** Criterion id -> score. */
  scores: Map<number, number>;
};

type SheetKey = { eventId: number; personId: number; teamId: number };

const ofSheet = (key: SheetKey) => (eb: ExpressionBuilder<Database, "scoring_sheets">) =>
  eb.and([
    eb("event_id", "=", key.eventId),
    eb("person_id", "=", key.personId),
    eb("team_id", "=", key.teamId),
  ]);

/**
 * Claims the leader's sheet at `version` (0: no sheet yet, and an empty draft is made for it); false when the sheet
 * changed since it was read (another tab, or a second device), so nothing is overwritten silently.
 */
export async function claimSheetVersion(db: Tx, key: SheetKey, version: number): Promise<boolean> {
  const at = nowIso();
  if (version === 0) {
    const inserted = await db
      .insertInto("scoring_sheets")
      .values({
        event_id: key.eventId,
        person_id: key.personId,
        team_id: key.teamId,
        status: "draft",
        created_at: at,
        updated_at: at,
        submitted_at: null,
      })
      .onConflict((oc) => oc.columns(["event_id", "person_id", "team_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await db
    .updateTable("scoring_sheets")
    .set({ version: version + 1, updated_at: at })
    .where(ofSheet(key))
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Writes a claimed sheet (see claimSheetVersion), replacing its scores. */
export async function writeSheet(db: Tx, sheet: SheetSave) {
  const at = nowIso();
  const { id } = await db
    .updateTable("scoring_sheets")
    .set({
      status: sheet.status,
      worked_well: sheet.workedWell,
      could_be_better: sheet.couldBeBetter,
      updated_at: at,
      submitted_at: sheet.status === "submitted" ? at : null,
    })
    .where(ofSheet(sheet))
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.deleteFrom("sheet_scores").where("sheet_id", "=", id).execute();
  if (sheet.scores.size)
    await db
      .insertInto("sheet_scores")
      .values(
        [...sheet.scores].map(([criterionId, score]) => ({ sheet_id: id, criterion_id: criterionId, score })),
      )
      .execute();
}

/** Claims and writes a sheet in one step (seeds and fixtures); false when the sheet is not at `version`. */
export async function saveSheet(db: Tx, sheet: SheetSave, version: number): Promise<boolean> {
  if (!(await claimSheetVersion(db, sheet, version))) return false;
  await writeSheet(db, sheet);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// What the home page says

/**
 * For the home page, per cohort: the pitch day's state, a leader's progress, and a participant's slot. A few
 * queries over all the person's cohorts, not one per cohort.
 */
export async function pitchDayFacts(db: Db, personId: number, cohortIds: number[]) {
  const facts = new Map<
    number,
    {
      date: string;
      venue: string | null;
      scoringState: ScoringState;
      /** Every pitching team's results are released. */
      everyTeamReleased: boolean;
      /** A team of the person's (as member or mentor) has its results released. */
      released: boolean;
      onPanel: boolean;
      sheetsDone: number;
      teamSlot: { position: number; teamId: number } | null;
      eventId: number;
      settings: TimetableSettings;
    }
  >();
  const events = [...(await pitchEventsOfCohorts(db, cohortIds)).values()];
  if (events.length === 0) return facts;
  const eventIds = events.map((e) => e.id);
  const [panel, done, slots, released] = await Promise.all([
    db
      .selectFrom("panel_members")
      .where("event_id", "in", eventIds)
      .where("person_id", "=", personId)
      .select("event_id")
      .execute(),
    db
      .selectFrom("scoring_sheets")
      .where("event_id", "in", eventIds)
      .where("person_id", "=", personId)
      .where("status", "=", "submitted")
      .groupBy("event_id")
      .select((eb) => ["event_id", eb.fn.countAll<number>().as("count")])
      .execute(),
    db
      .selectFrom("pitch_slots")
      .innerJoin("team_members", "team_members.team_id", "pitch_slots.team_id")
      .where("pitch_slots.event_id", "in", eventIds)
      .where("team_members.person_id", "=", personId)
      .select(["pitch_slots.event_id", "pitch_slots.position", "pitch_slots.team_id"])
      .execute(),
    // The events where a team of the person's (as member or mentor) has its results released.
    db
      .selectFrom("pitch_team_releases")
      .where("event_id", "in", eventIds)
      .where((eb) =>
        eb.or([
          eb(
            "team_id",
            "in",
            eb.selectFrom("team_members").where("person_id", "=", personId).select("team_id"),
          ),
          eb(
            "team_id",
            "in",
            eb.selectFrom("team_mentors").where("person_id", "=", personId).select("team_id"),
          ),
        ]),
      )
      .select("event_id")
      .execute(),
  ]);
  for (const event of events) {
    const slot = slots.find((s) => s.event_id === event.id);
    facts.set(event.cohort_id, {
      eventId: event.id,
      date: event.date,
      venue: event.venue,
      scoringState: event.scoring_state,
      everyTeamReleased: event.results_released_at !== null,
      released: released.some((r) => r.event_id === event.id),
      onPanel: panel.some((p) => p.event_id === event.id),
      sheetsDone: Number(done.find((d) => d.event_id === event.id)?.count ?? 0),
      teamSlot: slot ? { position: slot.position, teamId: slot.team_id } : null,
      settings: timetableSettings(event),
    });
  }
  return facts;
}

/**
 * What one leader may score: the pitching teams in running order, each with the leader's conflict (if any) and
 * the leader's own sheet (if any). Never another leader's sheet.
 */
export async function leaderScoring(db: Db, cohortId: number, eventId: number, personId: number) {
  const [panel, sheets] = await Promise.all([
    pitchDayPanel(db, cohortId, eventId),
    listSheetsOfLeader(db, eventId, personId),
  ]);
  const onPanel = panel.panel.some((l) => l.id === personId);
  const teams = panel.teams.map((team) => ({
    id: team.id,
    number: team.number,
    label: team.label,
    conflict: conflictOf(panel, personId, team.id),
    sheet: sheets.find((s) => s.team_id === team.id) ?? null,
  }));
  const scorable = teams.filter((t) => t.conflict === null);
  return {
    onPanel,
    teams,
    scorable,
    done: scorable.filter((t) => t.sheet?.status === "submitted").length,
  };
}

/** Why a leader may not score a team of their pitch day (not on the panel, or in conflict with it), or null. */
export function scoringRefusal(
  scoring: Awaited<ReturnType<typeof leaderScoring>>,
  team: { label: string; conflict: string[] | null } | undefined,
): string | null {
  if (!team || !scoring.onPanel)
    return "You are not on the panel for this pitch day, so you cannot score its teams.";
  if (team.conflict)
    return `You cannot score ${team.label} because you are in conflict with it: ${team.conflict.join("; ")}.`;
  return null;
}

/**
 * For the home page: how many teams one leader may score at each of these pitch days (those they have no
 * conflict with), by event id, by the rules of leaderScoring. The same few queries for any number of events.
 */
export async function scorableTeamCounts(
  db: Db,
  personId: number,
  events: Array<{ cohortId: number; eventId: number }>,
) {
  return new Map(
    [...(await pitchDayPanels(db, events))].map(([eventId, panel]) => [
      eventId,
      panel.teams.filter((team) => conflictOf(panel, personId, team.id) === null).length,
    ]),
  );
}

/** The pitch day as the coordinator runs it: the panel, the rubric, and how many of the expected sheets are in. */
export async function pitchDayProgress(db: Db, cohortId: number, eventId: number) {
  const [panel, rubric, sheets] = await Promise.all([
    pitchDayPanel(db, cohortId, eventId),
    listRubric(db, eventId),
    listAllSheets(db, eventId),
  ]);
  return { panel, rubric, ...sheetProgress(panel, sheets) };
}

/**
 * The results by the published method, over the event's sheets: criteria, judges and teams are keyed by their
 * ids as strings. With the names to show them by.
 */
export async function resultsOf(db: Db, cohortId: number, eventId: number) {
  const [panel, rubric, sheets] = await Promise.all([
    pitchDayPanel(db, cohortId, eventId),
    listRubric(db, eventId),
    listAllSheets(db, eventId),
  ]);
  const criteria = rubric.map((c) => ({ id: String(c.id), weight: c.weight, max: c.max }));
  const results = pitchDayResults(
    criteria,
    sheets.map((s) => ({
      judge: String(s.person_id),
      team: String(s.team_id),
      submitted: s.status === "submitted",
      scores: s.scores.map((x) => ({ criterion: String(x.criterion_id), score: x.score })),
    })),
    panel.conflicts.map((c) => ({ judge: String(c.leaderId), team: String(c.teamId) })),
    panel.teams.map((t) => String(t.id)),
  );
  const leaderNames = new Map<string, string>(panel.leaders.map((l) => [String(l.id), l.name]));
  for (const s of sheets) leaderNames.set(String(s.person_id), s.leader_name);
  return { panel, rubric, sheets, results, leaderNames };
}

/** The teams a person belongs to in each of these cohorts, as member or mentor, by cohort id. */
export async function teamIdsOfPersonByCohort(db: Db, cohortIds: number[], personId: number) {
  const rows = cohortIds.length
    ? await db
        .selectFrom("team_members")
        .where("team_members.cohort_id", "in", cohortIds)
        .where("team_members.person_id", "=", personId)
        .select(["team_members.cohort_id", "team_members.team_id"])
        .union(
          db
            .selectFrom("team_mentors")
            .innerJoin("teams", "teams.id", "team_mentors.team_id")
            .where("teams.cohort_id", "in", cohortIds)
            .where("team_mentors.person_id", "=", personId)
            .select(["teams.cohort_id", "team_mentors.team_id"]),
        )
        .execute()
    : [];
  return groupBy(cohortIds, rows, (row) => [row.cohort_id, row.team_id]);
}

/** The teams a person belongs to in a cohort, as member or mentor. */
export async function teamIdsOfPerson(db: Db, cohortId: number, personId: number) {
  return (await teamIdsOfPersonByCohort(db, [cohortId], personId)).get(cohortId) ?? [];
}

/** The event's timetable settings, for pitchTimetable. */
export function timetableSettings(event: PitchEventRow): TimetableSettings {
  return {
    date: event.date,
    startTime: event.start_time,
    pitchMinutes: event.pitch_minutes,
    questionsMinutes: event.questions_minutes,
    changeoverMinutes: event.changeover_minutes,
    breakAfter: event.break_after,
    breakMinutes: event.break_minutes,
  };
}

/**
 * Each cohort's pitch-day events for a person's calendar feed (none before the running order is set), by cohort
 * id: the same few queries for any number of cohorts.
 */
export async function pitchDayCalendars(
  db: Db,
  cohorts: Array<{ id: number; name: string }>,
  personId: number,
): Promise<Map<number, CalendarVisit[]>> {
  const events = await pitchEventsOfCohorts(
    db,
    cohorts.map((c) => c.id),
  );
  const withEvent = cohorts.filter((c) => events.has(c.id)).map((c) => c.id);
  const [slotsOf, teamsOf, mineOf] = await Promise.all([
    slotsOfEvents(
      db,
      [...events.values()].map((e) => e.id),
    ),
    pitchTeamsOfCohorts(db, withEvent),
    teamIdsOfPersonByCohort(db, withEvent, personId),
  ]);
  return new Map(
    cohorts.map((cohort) => {
      const event = events.get(cohort.id);
      if (!event) return [cohort.id, []];
      return [
        cohort.id,
        pitchCalendarEvents({
          eventId: event.id,
          version: event.version,
          cohortName: cohort.name,
          settings: timetableSettings(event),
          teamIds: (slotsOf.get(event.id) ?? []).map((s) => s.team_id),
          labels: new Map((teamsOf.get(cohort.id) ?? []).map((t) => [t.id, t.label])),
          myTeamIds: mineOf.get(cohort.id) ?? [],
          location: [event.venue, event.online_link].filter(Boolean).join(" / ") || null,
        }),
      ];
    }),
  );
}

/** The pitch day's events for a person's calendar feed (none before the running order is set). */
export async function pitchDayCalendar(
  db: Db,
  cohort: { id: number; name: string },
  personId: number,
): Promise<CalendarVisit[]> {
  return (await pitchDayCalendars(db, [cohort], personId)).get(cohort.id) ?? [];
}

// ---------------------------------------------------------------------------------------------------------
// What a team reads once its results are released, and what the coordinator checks before releasing them

/** A team's feedback and scores, as its members read them once its results are released. */
export type TeamFeedback = {
  id: number;
  label: string;
  /** How many leaders' sheets the scores count. */
  sheets: number;
  /** The mean score on each criterion, to two decimal places ("–" when no sheet counts). */
  means: Array<{ name: string; max: number; mean: string }>;
  /** What each leader wrote, in the order the sheets were submitted; by name or as "Panel member 2". */
  feedback: Array<{ key: number; from: string; workedWell: string; couldBeBetter: string }>;
};

type Results = Awaited<ReturnType<typeof resultsOf>>;

function feedbackOfTeam(
  event: PitchEventRow,
  { panel, rubric, sheets, results }: Results,
  team: { id: number; label: string },
): TeamFeedback {
  const conflicted = new Set(panel.conflicts.filter((c) => c.teamId === team.id).map((c) => c.leaderId));
  const result = results.results.find((r) => r.team === String(team.id));
  const written = sheets
    .filter((s) => s.team_id === team.id && s.status === "submitted" && !conflicted.has(s.person_id))
    .sort((a, b) => (a.submitted_at ?? "").localeCompare(b.submitted_at ?? "") || a.id - b.id);
  return {
    id: team.id,
    label: team.label,
    sheets: result?.judges ?? 0,
    means: rubric.map((c) => {
      const mean = result?.criterionMeans[String(c.id)];
      return { name: c.name, max: c.max, mean: mean === undefined ? "–" : round2(mean).toFixed(2) };
    }),
    feedback: written.map((s, index) => ({
      key: s.id,
      from:
        event.feedback_attribution === "attributed"
          ? `${s.leader_name}${s.leader_organisation ? `, ${s.leader_organisation}` : ""}`
          : `Panel member ${index + 1}`,
      workedWell: s.worked_well,
      couldBeBetter: s.could_be_better,
    })),
  };
}

/** These teams' feedback and scores as their members read them (the caller decides who may read which team's). */
export async function teamFeedbackOf(
  db: Db,
  cohortId: number,
  event: PitchEventRow,
  teamIds: readonly number[],
): Promise<TeamFeedback[]> {
  const results = await resultsOf(db, cohortId, event.id);
  return results.panel.teams
    .filter((team) => teamIds.includes(team.id))
    .map((team) => feedbackOfTeam(event, results, team));
}

/**
 * Each pitching team before its results are released: what its members will read, when it was released (if it
 * was), and by name the panel leaders whose sheet for it will not count: drafts never submitted, no sheet at all,
 * or a sheet submitted without every score.
 */
export async function releasePreview(db: Db, cohortId: number, event: PitchEventRow) {
  const [results, released] = await Promise.all([
    resultsOf(db, cohortId, event.id),
    releasedTeams(db, event.id),
  ]);
  return results.panel.teams.map((team) => {
    const conflicted = new Set(
      results.panel.conflicts.filter((c) => c.teamId === team.id).map((c) => c.leaderId),
    );
    const scorers = results.panel.panel.filter((leader) => !conflicted.has(leader.id));
    const sheetOf = (leaderId: number) =>
      results.sheets.find((s) => s.person_id === leaderId && s.team_id === team.id);
    return {
      ...feedbackOfTeam(event, results, team),
      releasedAt: released.get(team.id) ?? null,
      drafts: scorers.filter((l) => sheetOf(l.id)?.status === "draft").map((l) => l.name),
      missing: scorers.filter((l) => !sheetOf(l.id)).map((l) => l.name),
      incomplete: results.results.incompleteSheets
        .filter((s) => s.team === String(team.id))
        .map((s) => results.leaderNames.get(s.judge) ?? s.judge),
    };
  });
}

export type ReleasePreview = Awaited<ReturnType<typeof releasePreview>>[number];
