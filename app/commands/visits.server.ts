// Company visits: planning them from the rota, confirming them, changing, moving and cancelling one, recording who
// attended, and the day and times new visits take.
import { attendanceOpens, visitHasStarted } from "~/domain/calendar";
import type { AttendanceInput, CancelVisitInput, VisitInput, VisitSettings } from "~/forms/visits";
import { claimCohortVersion } from "~/models/programme.server";
import {
  claimVisitVersion,
  confirmPlannedVisits,
  createPlannedVisits,
  listVisitAttendance,
  markVisitCancelled,
  proposeRota,
  recordAttendance,
  saveVisitSettings,
  updateVisit,
  type VisitRow,
  visitDateProblem,
} from "~/models/visit.server";
import { command, invalid, ok } from "./runner.server";

type Cohort = {
  id: number;
  start_date: string;
  weeks: number;
  version: number;
  visit_weekday: number;
  visit_start_time: string;
  visit_end_time: string;
};

/** Saves the rota the planner proposes now, for the hosts without a visit, as planned visits. */
export const planVisits = command({
  async execute(c, input: { cohort: Cohort }) {
    const { rota } = await proposeRota(c.tx, input.cohort);
    if (!rota) return invalid("rota", "Every host already has a visit");
    if (!rota.ok) return invalid("rota", rota.problems[0] ?? "These visits cannot be planned yet");
    await createPlannedVisits(
      c.tx,
      input.cohort,
      rota.visits.map((v) => ({ organisationId: Number(v.key), date: v.date })),
    );
    c.audit({
      action: "visits.planned",
      subjectType: "cohort",
      subjectId: input.cohort.id,
      cohortId: input.cohort.id,
      details: {
        visits: rota.visits.map((v) => ({ host: v.host, date: v.date })),
        doubledWeeks: rota.doubledWeeks,
      },
    });
    return ok({ planned: rota.visits.length });
  },
});

/** Confirms every planned visit of the cohort with its host. */
export const confirmVisits = command({
  async execute(c, input: { cohortId: number }) {
    const confirmed = await confirmPlannedVisits(c.tx, input.cohortId);
    if (confirmed)
      c.audit({
        action: "visits.confirmed",
        subjectType: "cohort",
        subjectId: input.cohortId,
        cohortId: input.cohortId,
        details: { count: confirmed },
      });
    return ok({ confirmed });
  },
});

type EditVisit = VisitInput & { cohort: { id: number; start_date: string; weeks: number }; visit: VisitRow };

/** Changes a visit's details; a new date or new times move it in everyone's calendar. */
export const editVisit = command({
  claims: {
    record: "this visit",
    claim: (tx, input: EditVisit) => claimVisitVersion(tx, input.visit.id, input.version),
  },
  async execute(c, input: EditVisit) {
    const { cohort, visit, version: _, ...details } = input;
    const problem = visitDateProblem(cohort, visit, details.date);
    if (problem) return invalid("date", problem);
    await updateVisit(c.tx, visit, details);
    const moved = visit.date !== details.date;
    c.audit({
      action: moved ? "visit.moved" : "visit.updated",
      subjectType: "visit",
      subjectId: visit.id,
      cohortId: cohort.id,
      details: {
        host: visit.host_name,
        from: visit.date,
        to: details.date,
        startTime: details.startTime,
        endTime: details.endTime,
      },
    });
    return ok({ moved });
  },
});

type CancelVisit = CancelVisitInput & { cohortId: number; visit: VisitRow };

/** Cancels a visit, with the reason everyone sees in their calendar. */
export const cancelVisit = command({
  claims: {
    record: "this visit",
    claim: (tx, input: CancelVisit) => claimVisitVersion(tx, input.visit.id, input.version),
  },
  async execute(c, input: CancelVisit) {
    if (input.visit.status === "cancelled") return invalid("reason", "This visit is already cancelled");
    await markVisitCancelled(c.tx, input.visit, input.reason);
    c.audit({
      action: "visit.cancelled",
      subjectType: "visit",
      subjectId: input.visit.id,
      cohortId: input.cohortId,
      details: { host: input.visit.host_name, reason: input.reason, date: input.visit.date },
    });
    return ok();
  },
});

type RecordAttendance = AttendanceInput & { cohortId: number; visit: VisitRow };

/**
 * Records (or corrects) whether each of the cohort's participants attended a visit, once the visit has started;
 * never for a participant whose line manager declined their release.
 */
export const recordVisitAttendance = command({
  async execute(c, input: RecordAttendance) {
    if (input.visit.status === "cancelled")
      return invalid("attendance[0].status", "This visit is cancelled: attendance cannot be recorded");
    if (!visitHasStarted(input.visit))
      return invalid(
        "attendance[0].status",
        `This visit has not started yet. ${attendanceOpens(input.visit)}`,
      );
    const register = await listVisitAttendance(c.tx, input.cohortId, input.visit.id);
    // A participant whose line manager declined their release is not on the programme's register.
    const declined = input.attendance.findIndex(
      (a) => a.status && register.some((p) => p.id === a.personId && p.release_status === "declined"),
    );
    if (declined >= 0) {
      const name = register.find((p) => p.id === input.attendance[declined]!.personId)?.name;
      return invalid(
        `attendance[${declined}].status`,
        `${name}’s line manager declined their release, so their attendance cannot be recorded`,
      );
    }
    const participants = new Set(register.map((p) => p.id));
    const entries = input.attendance.flatMap(({ personId, status }) =>
      status && participants.has(personId) ? [{ personId, status }] : [],
    );
    if (entries.length === 0)
      return invalid("attendance[0].status", "Record at least one participant's attendance");
    await recordAttendance(c.tx, input.visit.id, entries, c.actor.personId);
    const counted = (status: string) => entries.filter((e) => e.status === status).length;
    c.audit({
      action: "visit.attendance_recorded",
      subjectType: "visit",
      subjectId: input.visit.id,
      cohortId: input.cohortId,
      details: {
        host: input.visit.host_name,
        attended: counted("attended"),
        apologies: counted("apologies"),
        absent: counted("absent"),
      },
    });
    return ok({ recorded: entries.length });
  },
});

/** Sets the day of the week and the times the cohort's new visits take. */
export const changeVisitSettings = command({
  claims: {
    record: "this cohort's visit day and times",
    claim: (tx, input: VisitSettings & { cohortId: number }) =>
      claimCohortVersion(tx, input.cohortId, input.version),
  },
  async execute(c, { cohortId, version: _, ...settings }: VisitSettings & { cohortId: number }) {
    await saveVisitSettings(c.tx, cohortId, settings);
    c.audit({
      action: "cohort.visit_settings_updated",
      subjectType: "cohort",
      subjectId: cohortId,
      cohortId,
      details: settings,
    });
    return ok();
  },
});
