// The home page's facts that need the database beyond the cohort list: each cohort's pitch day as its entry shows it,
// the week's company visits, and a coordinator's week. Each is a few queries over all the person's cohorts, never
// one per cohort or per team.
import type { CoordinationFacts, PitchDayFacts, VisitFact } from "~/domain/next-steps";
import { pitchTimetable, sheetProgress } from "~/domain/pitch-day";
import { groupBy } from "~/utils/group";
import type { Db } from "../../db/connection";
import {
  pitchDayFacts,
  pitchDayPanels,
  pitchEventsOfCohorts,
  releasedTeamsOfEvents,
  scorableTeamCounts,
  slotsOfEvents,
} from "./pitch.server";

/**
 * The pitch day as each cohort's home-page entry needs it: a scorer's progress (`scores`: the person scores pitches
 * there), a participant's slot time, and the slots of the teams a mentor mentors (`mentored`, with their labels)
 * whose results are not released yet.
 */
export async function homePitchDays(
  db: Db,
  personId: number,
  cohorts: Array<{ id: number; scores: boolean; mentored?: Array<{ teamId: number; label: string }> }>,
) {
  const facts = await pitchDayFacts(
    db,
    personId,
    cohorts.map((c) => c.id),
  );
  const scoring = [];
  const pitching = [];
  for (const cohort of cohorts) {
    const f = facts.get(cohort.id);
    if (f?.onPanel && f.scoringState !== "not_open" && cohort.scores)
      scoring.push({ cohortId: cohort.id, eventId: f.eventId });
    if (f && (f.teamSlot || cohort.mentored?.length)) pitching.push(f.eventId);
  }
  const [scorable, slots, released] = await Promise.all([
    scorableTeamCounts(db, personId, scoring),
    slotsOfEvents(db, pitching),
    releasedTeamsOfEvents(db, cohorts.some((c) => c.mentored?.length) ? pitching : []),
  ]);
  const result = new Map<number, PitchDayFacts>();
  for (const cohort of cohorts) {
    const f = facts.get(cohort.id);
    if (!f) continue;
    const entry: PitchDayFacts = {
      date: f.date,
      startTime: f.settings.startTime,
      venue: f.venue,
      scoringOpen: f.scoringState === "open",
      scoringClosed: f.scoringState === "closed",
      released: f.released,
      everyTeamReleased: f.everyTeamReleased,
      onPanel: f.onPanel,
      sheetsDone: f.sheetsDone,
    };
    const sheetsTotal = scorable.get(f.eventId);
    if (sheetsTotal !== undefined) entry.sheetsTotal = sheetsTotal;
    const timetable = pitchTimetable(
      f.settings,
      (slots.get(f.eventId) ?? []).map((s) => s.team_id),
    );
    const startOf = (teamId: number) =>
      timetable.find((e) => e.kind === "pitch" && e.teamId === teamId)?.start ?? null;
    if (f.teamSlot) {
      const start = startOf(f.teamSlot.teamId);
      if (start) entry.slot = { position: f.teamSlot.position, start };
    }
    if (cohort.mentored?.length) {
      const releasedTeams = released.get(f.eventId) ?? new Map<number, string>();
      entry.released = cohort.mentored.some((t) => releasedTeams.has(t.teamId));
      entry.mentoredSlots = cohort.mentored.flatMap((t) => {
        const slot = (slots.get(f.eventId) ?? []).find((s) => s.team_id === t.teamId);
        const start = startOf(t.teamId);
        return slot && start && !releasedTeams.has(t.teamId)
          ? [{ label: t.label, position: slot.position, start }]
          : [];
      });
    }
    result.set(cohort.id, entry);
  }
  return result;
}

/** Each cohort's company visits from `from` to `to` (calendar dates), in date order, by cohort id: one query. */
export async function homeVisits(db: Db, cohortIds: number[], from: string, to: string) {
  const rows = cohortIds.length
    ? await db
        .selectFrom("visits as v")
        .innerJoin("organisations as o", "o.id", "v.organisation_id")
        .where("v.cohort_id", "in", cohortIds)
        .where("v.date", ">=", from)
        .where("v.date", "<=", to)
        .select([
          "v.cohort_id",
          "v.id",
          "v.date",
          "v.start_time",
          "v.end_time",
          "v.address",
          "v.status",
          "o.name as host",
        ])
        .orderBy("v.date")
        .orderBy("v.start_time")
        .orderBy("o.name")
        .execute()
    : [];
  return groupBy(cohortIds, rows, (v): [number, VisitFact] => [
    v.cohort_id,
    {
      id: v.id,
      date: v.date,
      startTime: v.start_time,
      endTime: v.end_time,
      host: v.host,
      address: v.address,
      status: v.status,
    },
  ]);
}

/**
 * A coordinator's week in each of these cohorts: statements waiting for their mentors, and the pitch day's
 * scoring (sheets submitted of those expected, counted by sheetProgress as the pitch-day page counts them) and release. A fixed number of
 * queries for any number of cohorts.
 */
export async function coordinatorWeeks(db: Db, cohortIds: number[]) {
  const result = new Map<number, CoordinationFacts>(cohortIds.map((id) => [id, { statementsWaiting: 0 }]));
  if (cohortIds.length === 0) return result;
  const [waiting, events] = await Promise.all([
    db
      .selectFrom("problem_statements as ps")
      .innerJoin("teams as t", "t.id", "ps.team_id")
      .where("t.cohort_id", "in", cohortIds)
      .where("ps.status", "=", "submitted")
      .groupBy("t.cohort_id")
      .select((eb) => ["t.cohort_id", eb.fn.countAll<number>().as("n")])
      .execute(),
    pitchEventsOfCohorts(db, cohortIds),
  ]);
  for (const row of waiting) {
    const facts = result.get(row.cohort_id);
    if (facts) facts.statementsWaiting = Number(row.n);
  }
  const scored = [...events.values()]
    .filter((e) => e.scoring_state !== "not_open")
    .map((e) => ({ cohortId: e.cohort_id, eventId: e.id }));
  if (scored.length === 0) return result;
  const eventIds = scored.map((e) => e.eventId);
  const [panels, sheets, released] = await Promise.all([
    pitchDayPanels(db, scored),
    db
      .selectFrom("scoring_sheets")
      .where("event_id", "in", eventIds)
      .where("status", "=", "submitted")
      .select(["event_id", "person_id", "team_id", "status"])
      .execute(),
    releasedTeamsOfEvents(db, eventIds),
  ]);
  for (const { cohortId, eventId } of scored) {
    const panel = panels.get(eventId);
    const facts = result.get(cohortId);
    const event = events.get(cohortId);
    if (!panel || !facts || !event) continue;
    const releasedTeams = released.get(eventId) ?? new Map<number, string>();
    const { expected, submitted } = sheetProgress(
      panel,
      sheets.filter((s) => s.event_id === eventId),
    );
    facts.pitch = {
      scoringState: event.scoring_state,
      expected,
      submitted,
      teams: panel.teams.length,
      released: panel.teams.filter((t) => releasedTeams.has(t.id)).length,
    };
  }
  return result;
}
