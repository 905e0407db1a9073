// The audit actions of company visits: each action's details and its sentence in the audit log.
import { formatTime, formatUkDate } from "../calendar";
import { weekdayLabel } from "../weekdays";
import { count, sentence } from "./define";

/** Events recorded before the host was stored in the details read "a visit". */
type Host = { host?: string };

type VisitChange = Host & { from: string; to: string; startTime: string; endTime: string };

const visitTo = (d: Host) => (d.host ? `the visit to ${d.host}` : "a visit");
const times = (d: { startTime: string; endTime: string }) =>
  `${formatTime(d.startTime)} to ${formatTime(d.endTime)}`;

const hostsAndDates = (d: { visits: Array<{ host: string; date: string }> }) =>
  d.visits.length ? ` (${d.visits.map((v) => `${v.host} on ${formatUkDate(v.date)}`).join(", ")})` : "";
const doubled = ({ doubledWeeks: weeks }: { doubledWeeks: number[] }) =>
  weeks.length ? `, with two visits in ${weeks.length === 1 ? "week" : "weeks"} ${weeks.join(", ")}` : "";

export const visitsAudit = {
  "visit.moved": sentence<VisitChange>(
    (d, who) =>
      `${who.actor} moved ${visitTo(d)} from ${formatUkDate(d.from)} to ${formatUkDate(d.to)}, ${times(d)}`,
  ),
  "visit.updated": sentence<VisitChange>(
    (d, who) => `${who.actor} changed the details of ${visitTo(d)} on ${formatUkDate(d.to)}, ${times(d)}`,
  ),
  "visit.cancelled": sentence<Host & { reason: string; date: string }>(
    (d, who) => `${who.actor} cancelled ${visitTo(d)} on ${formatUkDate(d.date)}: ${d.reason}`,
  ),
  "visit.attendance_recorded": sentence<Host & { attended: number; apologies: number; absent: number }>(
    (d, who) =>
      `${who.actor} recorded attendance at ${visitTo(d)}: ${d.attended} attended, ${d.apologies} sent apologies, ${d.absent} absent`,
  ),
  "visits.planned": sentence<{ visits: Array<{ host: string; date: string }>; doubledWeeks: number[] }>(
    (d, who) =>
      `${who.actor} planned ${count(d.visits.length, "company visit")}${hostsAndDates(d)}${doubled(d)}`,
  ),
  "visits.confirmed": sentence<{ count: number }>(
    (d, who) => `${who.actor} confirmed ${count(d.count, "planned visit")} with their hosts`,
  ),
  "cohort.visit_settings_updated": sentence<{ weekday: number; startTime: string; endTime: string }>(
    (d, who) => `${who.actor} set company visits to ${weekdayLabel(d.weekday)}s, ${times(d)}`,
  ),
};
