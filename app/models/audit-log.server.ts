// The audit log page's queries: entries in scope (all, or the cohorts someone coordinates), filtered and paged.
import { londonInstant } from "~/domain/calendar";
import type { Db } from "../../db/connection";

export const AUDIT_PAGE_SIZE = 25;

/** "all" for administrators; otherwise the cohorts whose entries may be shown. */
export type AuditScope = "all" | number[];
export type AuditFilter = {
  personId: number | null;
  subjectType: string | null;
  /** ISO instants: from (inclusive) and until (exclusive). */
  from: string | null;
  until: string | null;
  page: number;
};

/** The instants a filter's calendar dates (London time, both days included) stand for. */
export function auditWindow(from?: string, to?: string) {
  const dayAfter = (date: string) =>
    new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    from: from ? londonInstant(from, "00:00").toISOString() : null,
    until: to ? londonInstant(dayAfter(to), "00:00").toISOString() : null,
  };
}

/**
 * Whose entries someone may read: everything for an administrator, the cohorts they coordinate for anyone else
 * (none: they may not read the log), narrowed to one cohort when the filter names it.
 */
export async function auditScopeOf(
  db: Db,
  user: { personId: number; isAdmin: boolean },
  cohortId: number | undefined,
): Promise<AuditScope | null> {
  const scope: AuditScope = user.isAdmin ? "all" : await coordinatedCohortIds(db, user.personId);
  if (scope !== "all" && scope.length === 0) return null;
  if (cohortId === undefined) return scope;
  return scope === "all" ? [cohortId] : scope.filter((id) => id === cohortId);
}

function scoped(db: Db, scope: AuditScope, filter: AuditFilter) {
  let query = db.selectFrom("audit_events as e");
  if (scope !== "all") query = query.where("e.cohort_id", "in", scope.length ? scope : [-1]);
  if (filter.personId !== null) {
    const id = filter.personId;
    query = query.where((eb) =>
      eb.or([
        eb("e.actor_person_id", "=", id),
        eb.and([eb("e.subject_type", "=", "person"), eb("e.subject_id", "=", id)]),
      ]),
    );
  }
  if (filter.subjectType) query = query.where("e.subject_type", "=", filter.subjectType);
  if (filter.from) query = query.where("e.at", ">=", filter.from);
  if (filter.until) query = query.where("e.at", "<", filter.until);
  return query;
}

export async function listAuditEvents(db: Db, scope: AuditScope, filter: AuditFilter) {
  const [counted, rows] = await Promise.all([
    scoped(db, scope, filter)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst(),
    scoped(db, scope, filter)
      .leftJoin("people as actor", "actor.id", "e.actor_person_id")
      .leftJoin("people as subject", (join) =>
        join.onRef("subject.id", "=", "e.subject_id").on("e.subject_type", "=", "person"),
      )
      .leftJoin("cohorts as c", "c.id", "e.cohort_id")
      .select([
        "e.id",
        "e.at",
        "e.action",
        "e.subject_type",
        "e.subject_id",
        "e.details",
        "actor.name as actor_name",
        "subject.name as subject_name",
        "c.name as cohort_name",
      ])
      .orderBy("e.at", "desc")
      .orderBy("e.id", "desc")
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
  ]);
  return { total: Number(counted?.n ?? 0), rows };
}

/** The filter's choices: record types seen in scope, and the people who can be picked. */
export async function auditFilterOptions(db: Db, scope: AuditScope) {
  let types = db.selectFrom("audit_events").select("subject_type").distinct().orderBy("subject_type");
  let people = db.selectFrom("people as p").select(["p.id", "p.name"]).distinct().orderBy("p.name");
  if (scope !== "all") {
    const ids = scope.length ? scope : [-1];
    types = types.where("cohort_id", "in", ids);
    people = people.innerJoin("memberships as m", "m.person_id", "p.id").where("m.cohort_id", "in", ids);
  }
  const [typeRows, peopleRows] = await Promise.all([types.execute(), people.execute()]);
  return { types: typeRows.map((r) => r.subject_type), people: peopleRows };
}

async function coordinatedCohortIds(db: Db, personId: number) {
  const rows = await db
    .selectFrom("memberships")
    .where("person_id", "=", personId)
    .where("role", "=", "coordinator")
    .where("withdrawn_at", "is", null)
    .select("cohort_id")
    .execute();
  return rows.map((r) => r.cohort_id);
}
