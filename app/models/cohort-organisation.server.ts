// The organisations taking part in a cohort: sector, region, whether they host a visit, their nomination quota
// and the dates a host cannot do.

import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { Region, Sector } from "../../db/types";
import { claimVersion } from "./claim.server";

/** Companies nominate two young professionals each; departments have no set number. */
export function defaultQuota(sector: Sector): number | null {
  return sector === "industry" ? 2 : null;
}

/**
 * Every organisation in the cohort with how many active participants it has nominated (those representing it in
 * the cohort).
 */
export async function listCohortOrganisations(db: Db, cohortId: number) {
  const rows = await db
    .selectFrom("cohort_organisations as co")
    .innerJoin("organisations as o", "o.id", "co.organisation_id")
    .where("co.cohort_id", "=", cohortId)
    .select((eb) => [
      "co.id",
      "co.organisation_id",
      "co.hosts_visit",
      "co.quota",
      "co.address",
      "co.contact_name",
      "co.contact_email",
      "co.version",
      "o.name",
      "o.sector",
      "o.kind",
      "o.region",
      eb
        .selectFrom("memberships as m")
        .whereRef("m.organisation_id", "=", "co.organisation_id")
        .whereRef("m.cohort_id", "=", "co.cohort_id")
        .where("m.role", "=", "participant")
        .where("m.withdrawn_at", "is", null)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("nominated"),
      jsonArrayFrom(
        db,
        eb
          .selectFrom("host_unavailable_dates as u")
          .whereRef("u.cohort_organisation_id", "=", "co.id")
          .select("u.date")
          .orderBy("u.date"),
      ).as("unavailable"),
    ])
    .orderBy("o.name")
    .execute();
  return rows.map((row) => ({
    ...row,
    nominated: Number(row.nominated ?? 0),
    unavailable: childRows(row.unavailable).map((u) => u.date),
  }));
}

export type CohortOrganisationRow = Awaited<ReturnType<typeof listCohortOrganisations>>[number];

export async function getCohortOrganisation(db: Db, cohortId: number, organisationId: number) {
  const rows = await listCohortOrganisations(db, cohortId);
  return rows.find((row) => row.organisation_id === organisationId);
}

/** Adds an organisation to the cohort (with its sector's default quota); does nothing if it is already in. */
export async function addOrganisationToCohort(
  tx: Tx,
  cohortId: number,
  organisation: { id: number; sector: Sector },
  options: { hostsVisit?: boolean; quota?: number | null } = {},
) {
  const at = nowIso();
  await tx
    .insertInto("cohort_organisations")
    .values({
      cohort_id: cohortId,
      organisation_id: organisation.id,
      hosts_visit: options.hostsVisit ? 1 : 0,
      quota: options.quota === undefined ? defaultQuota(organisation.sector) : options.quota,
      address: null,
      contact_name: null,
      contact_email: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(["cohort_id", "organisation_id"]).doNothing())
    .execute();
}

export type CohortOrganisationInput = {
  name: string;
  sector: Sector;
  kind: string;
  region: Region;
  hostsVisit: boolean;
  quota: number | null;
  address: string | null;
  contactName: string | null;
  contactEmail: string | null;
  unavailable: string[];
};

/**
 * Bumps the versions of the organisation and of its part in the cohort if neither changed since they were read;
 * false when someone saved either since.
 */
export async function claimOrganisationVersions(
  tx: Tx,
  row: { id: number; organisation_id: number },
  versions: { organisation: number; cohortOrganisation: number },
) {
  // An organisation has no updated_at for claimVersion to touch.
  const organisation = await tx
    .updateTable("organisations")
    .set({ version: versions.organisation + 1 })
    .where("id", "=", row.organisation_id)
    .where("version", "=", versions.organisation)
    .executeTakeFirst();
  const cohortOrganisation = await claimVersion(
    tx,
    "cohort_organisations",
    row.id,
    versions.cohortOrganisation,
  );
  return Number(organisation.numUpdatedRows) === 1 && cohortOrganisation;
}

/** Saves the organisation, its part in the cohort and the dates it cannot host. */
export async function updateCohortOrganisation(
  tx: Tx,
  row: { id: number; organisation_id: number },
  input: CohortOrganisationInput,
) {
  await tx
    .updateTable("organisations")
    .set({ name: input.name, sector: input.sector, kind: input.kind, region: input.region })
    .where("id", "=", row.organisation_id)
    .execute();
  await tx
    .updateTable("cohort_organisations")
    .set({
      hosts_visit: input.hostsVisit ? 1 : 0,
      quota: input.quota,
      address: input.address,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      updated_at: nowIso(),
    })
    .where("id", "=", row.id)
    .execute();
  await tx.deleteFrom("host_unavailable_dates").where("cohort_organisation_id", "=", row.id).execute();
  if (input.unavailable.length) {
    await tx
      .insertInto("host_unavailable_dates")
      .values([...new Set(input.unavailable)].map((date) => ({ cohort_organisation_id: row.id, date })))
      .execute();
  }
}

export async function organisationVersion(db: Db, organisationId: number) {
  const row = await db
    .selectFrom("organisations")
    .where("id", "=", organisationId)
    .select("version")
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** Organisations Tandem knows that are not yet part of the cohort, for the "add" list. */
export async function listOrganisationsOutsideCohort(db: Db, cohortId: number) {
  return db
    .selectFrom("organisations as o")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("cohort_organisations as co")
            .whereRef("co.organisation_id", "=", "o.id")
            .where("co.cohort_id", "=", cohortId)
            .select("co.id"),
        ),
      ),
    )
    .select(["o.id", "o.name", "o.sector"])
    .orderBy("o.name")
    .execute();
}

/** The counts the cohort page's set-up tasks show. */
export async function cohortSetupProgress(db: Db, cohortId: number) {
  const organisations = await listCohortOrganisations(db, cohortId);
  const members = await db
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("role", "in", ["participant", "mentor"])
    .where("withdrawn_at", "is", null)
    .select(["role", "release_status"])
    .execute();
  const participants = members.filter((m) => m.role === "participant");
  const visits = await db
    .selectFrom("visits")
    .where("cohort_id", "=", cohortId)
    .where("status", "!=", "cancelled")
    .select(["status", "organisation_id"])
    .execute();
  return {
    organisations: organisations.length,
    belowQuota: organisations.filter((o) => o.quota !== null && o.nominated < o.quota).length,
    hosts: organisations.filter((o) => o.hosts_visit).length,
    participants: participants.length,
    mentors: members.length - participants.length,
    notReleased: participants.filter((m) => m.release_status !== "approved").length,
    visits: new Set(visits.map((v) => v.organisation_id)).size,
    plannedVisits: visits.filter((v) => v.status === "planned").length,
  };
}
