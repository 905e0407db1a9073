// The home page's facts that need the database beyond the cohort list: each cohort's pitch day as its entry shows it.
import type { PitchDayFacts } from "~/domain/next-steps";
import { pitchTimetable } from "~/domain/pitch-day";
import type { Db } from "../../db/connection";
import { pitchDayFacts, scorableTeamCounts, slotsOfEvents } from "./pitch.server";

/**
 * The pitch day as each cohort's home-page entry needs it: a scorer's progress (`scores`: the person scores pitches
 * there), a participant's slot time.
 */
export async function homePitchDays(
  db: Db,
  personId: number,
  cohorts: Array<{ id: number; scores: boolean }>,
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
    if (f?.onPanel && f.scoringState === "open" && cohort.scores)
      scoring.push({ cohortId: cohort.id, eventId: f.eventId });
    if (f?.teamSlot) pitching.push(f.eventId);
  }
  const [scorable, slots] = await Promise.all([
    scorableTeamCounts(db, personId, scoring),
    slotsOfEvents(db, pitching),
  ]);
  const result = new Map<number, PitchDayFacts>();
  for (const cohort of cohorts) {
    const f = facts.get(cohort.id);
    if (!f) continue;
    const entry: PitchDayFacts = {
      date: f.date,
      scoringOpen: f.scoringState === "open",
      released: f.released,
      onPanel: f.onPanel,
      sheetsDone: f.sheetsDone,
    };
    const sheetsTotal = scorable.get(f.eventId);
    if (sheetsTotal !== undefined) entry.sheetsTotal = sheetsTotal;
    if (f.teamSlot) {
      const pitch = pitchTimetable(
        f.settings,
        (slots.get(f.eventId) ?? []).map((s) => s.team_id),
      ).find((e) => e.kind === "pitch" && e.teamId === f.teamSlot?.teamId);
      if (pitch) entry.slot = { position: f.teamSlot.position, start: pitch.start };
    }
    result.set(cohort.id, entry);
  }
  return result;
}
