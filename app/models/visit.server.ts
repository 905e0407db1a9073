// The programme calendar in the database: milestones (defaults the coordinator can move), company visits,
// attendance, and the events that go into calendar files and feeds.

import type { ExpressionBuilder } from "kysely";
import { UK_BANK_HOLIDAYS } from "~/domain/bank-holidays";
import {
  defaultMilestones,
  formatUkDate,
  londonWallClock,
  MILESTONE_TITLES,
  type MilestoneKind,
  type VisitDetails,
  weekOfDate,
} from "~/domain/calendar";
import { type CalendarMilestone, type CalendarVisit, milestoneUid, visitUid } from "~/domain/icalendar";
import { planVisitRota, type RotaResult } from "~/domain/visit-rota";
import { groupBy } from "~/utils/group";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { AttendanceStatus, Database, Milestone, Region } from "../../db/types";
import { claimVersion } from "./claim.server";
import { listCohortOrganisations } from "./cohort-organisation.server";

type CohortDates = { id: number; start_date: string; weeks: number; version: number };

/** Each cohort's milestones, by cohort id, in one query: see listMilestones. */
export async function listMilestonesOfCohorts(db: Db, cohorts: CohortDates[]) {
  const ids = cohorts.map((c) => c.id);
  const rows = ids.length
    ? await db.selectFrom("milestones").where("cohort_id", "in", ids).selectAll().execute()
    : [];
  const stored = groupBy(ids, rows, (row) => [row.cohort_id, row]);
  return new Map(cohorts.map((cohort) => [cohort.id, milestonesOf(cohort, stored.get(cohort.id) ?? [])]));
}

/** The cohort's milestones: the defaults, replaced by the dates the coordinator moved them to. */
export async function listMilestones(db: Db, cohort: CohortDates) {
  return (await listMilestonesOfCohorts(db, [cohort])).get(cohort.id) ?? [];
}

function milestonesOf(cohort: CohortDates, stored: Milestone[]) {
  return defaultMilestones(cohort.start_date, cohort.weeks).map((fallback) => {
    const moved = stored.find((m) => m.kind === fallback.kind);
    const date = moved?.date ?? fallback.date;
    return {
      kind: fallback.kind,
      title: MILESTONE_TITLES[fallback.kind],
      date,
      defaultDate: fallback.date,
      week: weekOfDate(cohort.start_date, cohort.weeks, date),
      // A default follows the cohort's start date, so its sequence rises with every edit of the cohort.
      sequence: moved?.sequence ?? cohort.version - 1,
      version: moved?.version ?? 0,
    };
  });
}

export type MilestoneView = ReturnType<typeof milestonesOf>[number];

/** Moves a milestone if nobody moved it since `version` was read (0: never moved); false on a conflict. */
export async function moveMilestone(
  tx: Tx,
  cohort: CohortDates,
  kind: MilestoneKind,
  date: string,
  version: number,
) {
  const at = nowIso();
  if (version === 0) {
    const inserted = await tx
      .insertInto("milestones")
      .values({ cohort_id: cohort.id, kind, date, sequence: cohort.version, version: 1, updated_at: at })
      .onConflict((oc) => oc.columns(["cohort_id", "kind"]).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const updated = await tx
    .updateTable("milestones")
    .set((eb) => ({ date, sequence: eb("sequence", "+", 1), version: version + 1, updated_at: at }))
    .where("cohort_id", "=", cohort.id)
    .where("kind", "=", kind)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** A visit's details as everyone who goes sees them (all but the contact's email address), of `visits as v`. */
export const SHOWN_VISIT_COLUMNS = [
  "v.date",
  "v.start_time",
  "v.end_time",
  "v.address",
  "v.agenda",
  "v.contact_name",
] as const;

/** Each cohort's visits in date order, each with its host and attendance counts, by cohort id: one query. */
export async function listVisitsOfCohorts(db: Db, cohortIds: number[]) {
  const query = db
    .selectFrom("visits as v")
    .innerJoin("organisations as o", "o.id", "v.organisation_id")
    .where("v.cohort_id", "in", cohortIds)
    .select((eb) => [
      "v.cohort_id",
      "v.id",
      "v.organisation_id",
      ...SHOWN_VISIT_COLUMNS,
      "v.contact_email",
      "v.status",
      "v.cancel_reason",
      "v.sequence",
      "v.version",
      "v.updated_at",
      "o.name as host_name",
      "o.region",
      eb
        .selectFrom("attendance as a")
        .whereRef("a.visit_id", "=", "v.id")
        .where("a.status", "=", "attended")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("attended"),
      eb
        .selectFrom("attendance as a")
        .whereRef("a.visit_id", "=", "v.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("recorded"),
    ])
    .orderBy("v.date")
    .orderBy("v.start_time")
    .orderBy("o.name")
    .orderBy("v.id");
  const rows = cohortIds.length ? await query.execute() : [];
  return groupBy(cohortIds, rows, ({ cohort_id, attended, recorded, ...visit }) => [
    cohort_id,
    { ...visit, attended: Number(attended ?? 0), recorded: Number(recorded ?? 0) },
  ]);
}

export type VisitRow = NonNullable<
  ReturnType<Awaited<ReturnType<typeof listVisitsOfCohorts>>["get"]>
>[number];

/** The cohort's visits in date order, each with its host and attendance counts. */
export async function listVisits(db: Db, cohortId: number) {
  return (await listVisitsOfCohorts(db, [cohortId])).get(cohortId) ?? [];
}

export async function getVisit(db: Db, cohortId: number, visitId: number) {
  const rows = await listVisits(db, cohortId);
  return rows.find((row) => row.id === visitId);
}

/** Saves a proposed rota as planned visits, with each host's address and contact as the defaults. */
export async function createPlannedVisits(
  tx: Tx,
  cohort: { id: number; visit_start_time: string; visit_end_time: string },
  visits: Array<{ organisationId: number; date: string }>,
) {
  const hosts = await tx
    .selectFrom("cohort_organisations")
    .where("cohort_id", "=", cohort.id)
    .select(["organisation_id", "address", "contact_name", "contact_email"])
    .execute();
  const at = nowIso();
  if (visits.length === 0) return;
  await tx
    .insertInto("visits")
    .values(
      visits.map((v) => {
        const host = hosts.find((h) => h.organisation_id === v.organisationId);
        return {
          cohort_id: cohort.id,
          organisation_id: v.organisationId,
          date: v.date,
          start_time: cohort.visit_start_time,
          end_time: cohort.visit_end_time,
          address: host?.address ?? null,
          agenda: null,
          contact_name: host?.contact_name ?? null,
          contact_email: host?.contact_email ?? null,
          cancel_reason: null,
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .execute();
}

/** Bumps the visit's version if nobody changed it since `version` was read; false when someone did. */
export async function claimVisitVersion(tx: Tx, visitId: number, version: number) {
  return claimVersion(tx, "visits", visitId, version);
}

/** Saves a visit's details; moving it (date or times) raises its SEQUENCE so calendars take the change. */
export async function updateVisit(tx: Tx, visit: VisitRow, input: VisitDetails) {
  const moved =
    visit.date !== input.date || visit.start_time !== input.startTime || visit.end_time !== input.endTime;
  await tx
    .updateTable("visits")
    .set({
      date: input.date,
      start_time: input.startTime,
      end_time: input.endTime,
      address: input.address,
      agenda: input.agenda,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      sequence: visit.sequence + (moved ? 1 : 0),
      updated_at: nowIso(),
    })
    .where("id", "=", visit.id)
    .execute();
}

/** Cancels a visit: it stays in calendars, marked as cancelled, with a raised SEQUENCE. */
export async function markVisitCancelled(tx: Tx, visit: VisitRow, reason: string) {
  await tx
    .updateTable("visits")
    .set({ status: "cancelled", cancel_reason: reason, sequence: visit.sequence + 1, updated_at: nowIso() })
    .where("id", "=", visit.id)
    .execute();
}

/** Confirms every planned visit of the cohort; returns how many. */
export async function confirmPlannedVisits(tx: Tx, cohortId: number) {
  const result = await tx
    .updateTable("visits")
    .set((eb) => ({ status: "confirmed", version: eb("version", "+", 1), updated_at: nowIso() }))
    .where("cohort_id", "=", cohortId)
    .where("status", "=", "planned")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The day of the week new visits take (1 for Monday to 5 for Friday) and their times. */
export type VisitDaySettings = { weekday: number; startTime: string; endTime: string };

/** The day of the week and the times new visits take; the cohort's version is claimed first. */
export async function saveVisitSettings(tx: Tx, cohortId: number, settings: VisitDaySettings) {
  await tx
    .updateTable("cohorts")
    .set({
      visit_weekday: settings.weekday,
      visit_start_time: settings.startTime,
      visit_end_time: settings.endTime,
      updated_at: nowIso(),
    })
    .where("id", "=", cohortId)
    .execute();
}

/**
 * The cohort's active participants with what was recorded for them at a visit, and their line manager's release
 * (those whose release was declined are not on the register).
 */
export async function listVisitAttendance(db: Db, cohortId: number, visitId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .leftJoin("attendance as a", (join) =>
      join.onRef("a.person_id", "=", "p.id").on("a.visit_id", "=", visitId),
    )
    .where("m.cohort_id", "=", cohortId)
    .where("m.role", "=", "participant")
    .where("m.withdrawn_at", "is", null)
    .select(["p.id", "p.name", "o.name as organisation_name", "a.status", "m.release_status"])
    .orderBy("p.name")
    .execute();
}

/** Records (or corrects) each participant's attendance at a visit. */
export async function recordAttendance(
  tx: Tx,
  visitId: number,
  entries: Array<{ personId: number; status: AttendanceStatus }>,
  actorId: number | null,
) {
  const at = nowIso();
  for (const entry of entries) {
    await tx
      .insertInto("attendance")
      .values({
        visit_id: visitId,
        person_id: entry.personId,
        status: entry.status,
        recorded_by: actorId,
        recorded_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(["visit_id", "person_id"])
          .doUpdateSet({ status: entry.status, recorded_by: actorId, recorded_at: at }),
      )
      .execute();
  }
}

/** Every record of attendance in the cohort, for the person-by-visit table. */
/** Attendance counts only at visits that have started (London time): a record for a visit to come is left out. */
export function visitStarted(eb: ExpressionBuilder<Database & { v: Database["visits"] }, "v">) {
  const now = londonWallClock();
  return eb.or([
    eb("v.date", "<", now.date),
    eb.and([eb("v.date", "=", now.date), eb("v.start_time", "<=", now.time)]),
  ]);
}

/** The attendance recorded at the cohort's visits that have started (a record for a visit to come does not count). */
export async function listCohortAttendance(db: Db, cohortId: number) {
  return db
    .selectFrom("attendance as a")
    .innerJoin("visits as v", "v.id", "a.visit_id")
    .where("v.cohort_id", "=", cohortId)
    .where(visitStarted)
    .select(["a.visit_id", "a.person_id", "a.status"])
    .execute();
}

type CalendarEvents = { milestones: CalendarMilestone[]; visits: CalendarVisit[] };

/** The milestones and visits of each cohort as calendar events, by cohort id: two queries for all of them. */
export async function calendarEventsOfCohorts(
  db: Db,
  cohorts: Array<CohortDates & { name: string }>,
): Promise<Map<number, CalendarEvents>> {
  const [milestonesOf, visitsOf] = await Promise.all([
    listMilestonesOfCohorts(db, cohorts),
    listVisitsOfCohorts(
      db,
      cohorts.map((c) => c.id),
    ),
  ]);
  return new Map(
    cohorts.map((cohort) => [
      cohort.id,
      {
        milestones: (milestonesOf.get(cohort.id) ?? []).map((m) => ({
          uid: milestoneUid(cohort.id, m.kind),
          title: `${cohort.name}: ${m.title}`,
          date: m.date,
          sequence: m.sequence,
        })),
        visits: (visitsOf.get(cohort.id) ?? []).map((v) => visitEvent(cohort.name, v)),
      },
    ]),
  );
}

/** The milestones and visits of a cohort as calendar events. */
export async function cohortCalendarEvents(
  db: Db,
  cohort: CohortDates & { name: string },
): Promise<CalendarEvents> {
  return (await calendarEventsOfCohorts(db, [cohort])).get(cohort.id) ?? { milestones: [], visits: [] };
}

export function visitEvent(cohortName: string, v: VisitRow): CalendarVisit {
  return {
    uid: visitUid(v.id),
    title: `${cohortName}: visit to ${v.host_name}`,
    date: v.date,
    startTime: v.start_time,
    endTime: v.end_time,
    sequence: v.sequence,
    cancelled: v.status === "cancelled",
    location: v.address,
    description: [
      v.agenda,
      v.status === "cancelled" && v.cancel_reason ? `Cancelled: ${v.cancel_reason}` : null,
    ]
      .filter(Boolean)
      .join("\n\n"),
  };
}

/** The cohorts a person is active in, with what their calendar needs. */
export async function cohortsForCalendar(db: Db, personId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .where("m.person_id", "=", personId)
    .where("m.withdrawn_at", "is", null)
    .select(["c.id", "c.name", "c.start_date", "c.weeks", "c.version", "m.role"])
    .distinct()
    .execute();
}

/**
 * The rota the planner proposes for the cohort's hosts that have no visit yet, between the kick-off and final
 * pitch milestones, on the cohort's visit day. Days already taken by a visit are left free.
 */
export async function proposeRota(
  db: Db,
  cohort: CohortDates & { visit_weekday: number },
): Promise<{ hostsWithoutVisit: number; rota: RotaResult | null }> {
  const [organisations, visits, milestones] = await Promise.all([
    listCohortOrganisations(db, cohort.id),
    listVisits(db, cohort.id),
    listMilestones(db, cohort),
  ]);
  const active = visits.filter((v) => v.status !== "cancelled");
  const visited = new Set(active.map((v) => v.organisation_id));
  const taken = active.map((v) => v.date);
  const hosts = organisations
    .filter((o) => o.hosts_visit && !visited.has(o.organisation_id))
    .map((o) => ({
      key: String(o.organisation_id),
      name: o.name,
      region: o.region,
      unavailable: [...o.unavailable, ...taken],
    }));
  if (hosts.length === 0) return { hostsWithoutVisit: 0, rota: null };
  const week = (kind: string) => milestones.find((m) => m.kind === kind)?.week ?? undefined;
  return {
    hostsWithoutVisit: hosts.length,
    rota: planVisitRota({
      start: cohort.start_date,
      weeks: cohort.weeks,
      weekday: cohort.visit_weekday,
      hosts,
      kickOffWeek: week("kick-off"),
      pitchWeek: week("final-pitches"),
    }),
  };
}

/** Why a visit cannot move to a date (a weekend, a bank holiday where the host is, outside the cohort), or null. */
export function visitDateProblem(
  cohort: { start_date: string; weeks: number },
  visit: { region: Region; host_name: string },
  date: string,
): string | null {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return "The visit date must be a weekday";
  const holiday = UK_BANK_HOLIDAYS.on(visit.region, date);
  if (holiday)
    return `${formatUkDate(date)} is a bank holiday where ${visit.host_name} is (${holiday.title}): choose another date`;
  if (weekOfDate(cohort.start_date, cohort.weeks, date) === null)
    return "The visit date must be during the cohort";
  return null;
}
