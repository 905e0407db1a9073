// Programmes (schemes that run repeatedly) and their cohorts (one run each).

import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { CohortRole, CohortStatus } from "../../db/types";
import { claimVersion } from "./claim.server";

export async function listProgrammes(db: Db) {
  const rows = await db
    .selectFrom("programmes")
    .leftJoin("organisations", "organisations.id", "programmes.sponsor_organisation_id")
    .select((eb) => [
      "programmes.id",
      "programmes.name",
      "programmes.description",
      "organisations.name as sponsor_name",
      jsonArrayFrom(
        db,
        eb
          .selectFrom("cohorts")
          .whereRef("cohorts.programme_id", "=", "programmes.id")
          .select(["cohorts.id", "cohorts.name", "cohorts.start_date", "cohorts.weeks", "cohorts.status"])
          .orderBy("cohorts.start_date", "desc"),
      ).as("cohorts"),
    ])
    .orderBy("programmes.name")
    .execute();
  return rows.map((row) => ({ ...row, cohorts: childRows(row.cohorts) }));
}

export async function getProgramme(db: Db, programmeId: number) {
  return db
    .selectFrom("programmes")
    .leftJoin("organisations", "organisations.id", "programmes.sponsor_organisation_id")
    .where("programmes.id", "=", programmeId)
    .select([
      "programmes.id",
      "programmes.name",
      "programmes.description",
      "programmes.sponsor_organisation_id",
      "programmes.updated_at",
      "organisations.name as sponsor_name",
      "programmes.retention_months",
      "programmes.require_second_factor",
    ])
    .executeTakeFirst();
}

export async function findProgrammeByName(db: Db, name: string) {
  return db.selectFrom("programmes").where("name", "=", name.trim()).select(["id"]).executeTakeFirst();
}

export type ProgrammeInput = {
  name: string;
  description: string | null;
  sponsorOrganisationId: number | null;
};

function programmeColumns(input: ProgrammeInput) {
  return {
    name: input.name,
    description: input.description,
    sponsor_organisation_id: input.sponsorOrganisationId,
  };
}

export async function createProgramme(tx: Tx, input: ProgrammeInput) {
  const at = nowIso();
  return tx
    .insertInto("programmes")
    .values({ ...programmeColumns(input), created_at: at, updated_at: at })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

/**
 * Moves the programme on from the `updated_at` its form was drawn from; false when someone else saved first (the
 * optimistic check: a programme's last change time is its version).
 */
export async function claimProgramme(tx: Tx, programmeId: number, updatedAt: string) {
  const result = await tx
    .updateTable("programmes")
    .set({ updated_at: nowIso() })
    .where("id", "=", programmeId)
    .where("updated_at", "=", updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateProgramme(tx: Tx, programmeId: number, input: ProgrammeInput) {
  await tx.updateTable("programmes").set(programmeColumns(input)).where("id", "=", programmeId).execute();
}

/** Whether everyone in the programme must use two-step verification; answers whether that changed. */
export async function setSecondFactorRequired(tx: Tx, programmeId: number, required: boolean) {
  const result = await tx
    .updateTable("programmes")
    .set({ require_second_factor: required ? 1 : 0 })
    .where("id", "=", programmeId)
    .where("require_second_factor", "=", required ? 0 : 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRetentionMonths(tx: Tx, programmeId: number, months: number) {
  await tx
    .updateTable("programmes")
    .set({ retention_months: months })
    .where("id", "=", programmeId)
    .execute();
}

export type CohortInput = {
  name: string;
  startDate: string;
  weeks: number;
  teamCount: number;
  status: CohortStatus;
};

function cohortColumns(input: CohortInput) {
  return {
    name: input.name,
    start_date: input.startDate,
    weeks: input.weeks,
    team_count: input.teamCount,
    status: input.status,
  };
}

export async function createCohort(db: Db | Tx, programmeId: number, input: CohortInput) {
  const at = nowIso();
  return db
    .insertInto("cohorts")
    .values({ programme_id: programmeId, ...cohortColumns(input), created_at: at, updated_at: at })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function getCohort(db: Db, cohortId: number) {
  return db
    .selectFrom("cohorts")
    .innerJoin("programmes", "programmes.id", "cohorts.programme_id")
    .where("cohorts.id", "=", cohortId)
    .select([
      "cohorts.id",
      "cohorts.name",
      "cohorts.start_date",
      "cohorts.weeks",
      "cohorts.team_count",
      "cohorts.status",
      "cohorts.version",
      "cohorts.programme_id",
      "cohorts.visit_weekday",
      "cohorts.visit_start_time",
      "cohorts.visit_end_time",
      "programmes.name as programme_name",
    ])
    .executeTakeFirst();
}

export async function findCohortByName(db: Db, programmeId: number, name: string) {
  return db
    .selectFrom("cohorts")
    .where("programme_id", "=", programmeId)
    .where("name", "=", name.trim())
    .select(["id"])
    .executeTakeFirst();
}

/** Moves the cohort on from `version`; false when someone else saved first (the optimistic check). */
export async function claimCohortVersion(tx: Tx, cohortId: number, version: number) {
  return claimVersion(tx, "cohorts", cohortId, version);
}

export async function updateCohort(tx: Tx, cohortId: number, input: CohortInput) {
  await tx.updateTable("cohorts").set(cohortColumns(input)).where("id", "=", cohortId).execute();
}

/** The cohorts a person belongs to, each with that person's roles in it. */
export async function listCohortsOfPerson(db: Db, personId: number) {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("cohorts", "cohorts.id", "memberships.cohort_id")
    .innerJoin("programmes", "programmes.id", "cohorts.programme_id")
    .where("memberships.person_id", "=", personId)
    .where("memberships.withdrawn_at", "is", null)
    .select([
      "cohorts.id",
      "cohorts.name",
      "cohorts.start_date",
      "cohorts.weeks",
      "cohorts.team_count",
      "cohorts.status",
      "cohorts.teams_published_at",
      "programmes.name as programme_name",
      "memberships.role",
    ])
    .orderBy("cohorts.start_date", "desc")
    .orderBy("cohorts.id")
    .execute();
  const byCohort = new Map<number, Omit<(typeof rows)[number], "role"> & { roles: CohortRole[] }>();
  for (const { role, ...cohort } of rows) {
    const entry = byCohort.get(cohort.id) ?? { ...cohort, roles: [] };
    entry.roles.push(role);
    byCohort.set(cohort.id, entry);
  }
  return [...byCohort.values()];
}

export async function rolesInCohort(db: Db, cohortId: number, personId: number): Promise<CohortRole[]> {
  const rows = await db
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .where("withdrawn_at", "is", null)
    .select("role")
    .execute();
  return rows.map((r) => r.role);
}

/**
 * Adds the person to the cohort in `role`, representing `organisationId` there (by default, their profile's
 * organisation now); false when they already hold the role.
 */
export async function addMembership(
  db: Db | Tx,
  cohortId: number,
  personId: number,
  role: CohortRole,
  organisationId?: number | null,
) {
  const result = await db
    .insertInto("memberships")
    .values((eb) => ({
      cohort_id: cohortId,
      person_id: personId,
      role,
      created_at: nowIso(),
      organisation_id:
        organisationId !== undefined
          ? organisationId
          : eb.selectFrom("people").where("people.id", "=", personId).select("people.organisation_id"),
    }))
    .onConflict((oc) => oc.columns(["cohort_id", "person_id", "role"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Everyone in a cohort with their role, organisation and whether they have set a password yet. */
export async function listCohortMembers(db: Db, cohortId: number) {
  return db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .leftJoin("organisations", "organisations.id", "people.organisation_id")
    .where("memberships.cohort_id", "=", cohortId)
    .where("memberships.withdrawn_at", "is", null)
    .select([
      "memberships.role",
      "people.id",
      "people.name",
      "people.email",
      "people.job_title",
      "people.profession",
      "organisations.name as organisation_name",
      "organisations.sector",
      "accounts.password_set_at",
    ])
    .orderBy("people.name")
    .execute();
}

/** Per cohort: how many participants it has, and how many members have not set a password yet. */
export async function countCohortProgress(db: Db, cohortIds: number[]) {
  const progress = new Map<number, { participants: number; pending: number }>();
  if (cohortIds.length === 0) return progress;
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("accounts", "accounts.person_id", "memberships.person_id")
    .where("memberships.cohort_id", "in", cohortIds)
    .where("memberships.withdrawn_at", "is", null)
    .groupBy("memberships.cohort_id")
    .select((eb) => [
      "memberships.cohort_id",
      eb.fn
        .sum<number>(eb.case().when("memberships.role", "=", "participant").then(1).else(0).end())
        .as("participants"),
      eb.fn
        .count<number>("memberships.person_id")
        .distinct()
        .filterWhere("accounts.password_set_at", "is", null)
        .as("pending"),
    ])
    .execute();
  for (const row of rows) {
    progress.set(row.cohort_id, { participants: Number(row.participants), pending: Number(row.pending) });
  }
  return progress;
}

/** A programme's cohorts, newest first, each with its coordinators. */
export async function listCohortsOfProgramme(db: Db, programmeId: number) {
  const rows = await db
    .selectFrom("cohorts")
    .where("cohorts.programme_id", "=", programmeId)
    .select((eb) => [
      "cohorts.id",
      "cohorts.name",
      "cohorts.start_date",
      "cohorts.weeks",
      "cohorts.status",
      jsonArrayFrom(
        db,
        eb
          .selectFrom("memberships")
          .innerJoin("people", "people.id", "memberships.person_id")
          .whereRef("memberships.cohort_id", "=", "cohorts.id")
          .where("memberships.role", "=", "coordinator")
          .select(["people.id", "people.name"])
          .orderBy("people.name"),
      ).as("coordinators"),
    ])
    .orderBy("cohorts.start_date", "desc")
    .execute();
  return rows.map((row) => ({ ...row, coordinators: childRows(row.coordinators) }));
}
