// The audit actions of pitch day: each action's details and its sentence in the audit log.
import type { PitchDayDetails } from "../pitch-day";
import { count, sentence } from "./define";

/** "25 March 2027 at 10:00 at HMRC and online, 10-minute pitches with 5 minutes of questions" */
function eventSummary(d: PitchDayDetails): string {
  const where = [d.venue ? `at ${d.venue}` : null, d.onlineLink ? "online" : null]
    .filter(Boolean)
    .join(" and ");
  const pause =
    d.breakAfter === null ? "no break" : `a ${d.breakMinutes}-minute break after slot ${d.breakAfter}`;
  return `${d.date} at ${d.startTime}${where ? ` ${where}` : ""}, ${d.pitchMinutes}-minute pitches with ${d.questionsMinutes} minutes of questions, ${pause}, ${d.feedbackAttribution === "anonymous" ? "anonymous" : "attributed"} feedback`;
}

type Progress = { submitted: number; expected: number };
const sheetsSoFar = (d: Progress) => `${d.submitted} of ${count(d.expected, "sheet")} submitted`;

type Order = { order: Array<string | null> };
const orderList = (d: Order) => d.order.map((team) => team ?? "a team since removed").join(", ");

export const pitchDayAudit = {
  "pitch_day.created": sentence<PitchDayDetails>(
    (d, who) => `${who.actor} set up the pitch day: ${eventSummary(d)}`,
  ),
  "pitch_day.updated": sentence<PitchDayDetails>(
    (d, who) => `${who.actor} changed the pitch day details: ${eventSummary(d)}`,
  ),
  "pitch_day.rubric_saved": sentence<{ criteria: Array<{ name: string; weight: number; max: number }> }>(
    (d, who) =>
      `${who.actor} saved the pitch-day rubric with ${count(d.criteria.length, "criterion", "criteria")}: ${d.criteria
        .map((c) => `${c.name} (weight ${c.weight}, scored 1 to ${c.max})`)
        .join("; ")}`,
  ),
  "pitch_day.panel_added": sentence<{ leader: string }>(
    (d, who) => `${who.actor} added ${d.leader} to the pitch-day panel`,
  ),
  "pitch_day.panel_removed": sentence<{ leader: string }>(
    (d, who) => `${who.actor} removed ${d.leader} from the pitch-day panel`,
  ),
  "pitch_day.conflict_declared": sentence<{ team: string; reason: string }>(
    (d, who) => `${who.actor} declared a conflict with ${d.team} and will not score it: ${d.reason}`,
  ),
  "pitch_day.order_drawn": sentence<Order & { seed: string | null }>(
    (d, who) =>
      `${who.actor} drew the running order at random${d.seed ? ` (seed ${d.seed})` : ""}: ${orderList(d)}`,
  ),
  "pitch_day.order_set": sentence<Order>((d, who) => `${who.actor} set the running order: ${orderList(d)}`),
  "pitch_day.scoring_opened": sentence<Progress>(
    (d, who) => `${who.actor} opened scoring, with ${sheetsSoFar(d)}`,
  ),
  "pitch_day.scoring_closed": sentence<Progress>(
    (d, who) => `${who.actor} closed scoring, with ${sheetsSoFar(d)}`,
  ),
  // `teams`: the teams released (events recorded before results were released team by team released them all).
  "pitch_day.results_released": sentence<Progress & { teams?: string[] }>(
    (d, who) =>
      `${who.actor} released the pitch-day results to ${d.teams?.length ? d.teams.join(", ") : "the teams"}, with ${sheetsSoFar(d)}`,
  ),
  "pitch_day.results_withdrawn": sentence<{ team: string; reason: string }>(
    (d, who) => `${who.actor} withdrew ${d.team}'s pitch-day results from its members: ${d.reason}`,
  ),
  "pitch_day.ranking_published": sentence<Progress>(
    (d, who) => `${who.actor} published the pitch-day ranking to the cohort, with ${sheetsSoFar(d)}`,
  ),
  "pitch_day.sheet_submitted": sentence<{ team: string }>(
    (d, who) => `${who.actor} submitted a scoring sheet for ${d.team}`,
  ),
};
