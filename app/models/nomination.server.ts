// Nominations: importing people from a spreadsheet, their line manager's release, withdrawal.

import {
  checkOrganisations,
  matchOrganisation,
  type NominationRole,
  type NominationRow,
  type RowProblem,
} from "~/domain/csv-nominations";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { CohortRole, Region, ReleaseStatus, Sector } from "../../db/types";
import { addOrganisationToCohort } from "./cohort-organisation.server";
import { createOrganisation, emailKey } from "./person.server";

export type RowOutcome = "new person" | "joins the cohort" | "already in the cohort" | "updated";

export type NominationPreview = {
  rows: Array<NominationRow & { outcome: RowOutcome }>;
  problems: RowProblem[];
  missingOrganisations: Array<{ name: string; sector: Sector; rows: number[] }>;
};

/** What importing the rows would do, without writing anything. */
export async function previewNominations(
  db: Db,
  cohortId: number,
  rows: NominationRow[],
  problems: RowProblem[],
): Promise<NominationPreview> {
  const organisations = await db.selectFrom("organisations").select(["id", "name", "sector"]).execute();
  const check = checkOrganisations(rows, organisations);
  const keys = rows.map((r) => emailKey(r.email)).filter(Boolean);
  const people = keys.length
    ? await db
        .selectFrom("people")
        .leftJoin("organisations", "organisations.id", "people.organisation_id")
        .where("people.email_key", "in", keys)
        .select([
          "people.id",
          "people.email_key",
          "people.name",
          "people.job_title",
          "people.profession",
          "organisations.name as organisation",
        ])
        .execute()
    : [];
  const memberships = people.length
    ? await db
        .selectFrom("memberships")
        .where("cohort_id", "=", cohortId)
        .where(
          "person_id",
          "in",
          people.map((p) => p.id),
        )
        .select(["person_id", "role"])
        .execute()
    : [];
  const previewRows = rows.map((row) => {
    const person = people.find((p) => p.email_key === emailKey(row.email));
    let outcome: RowOutcome = "new person";
    if (person) {
      const member = memberships.some((m) => m.person_id === person.id && m.role === row.role);
      const same =
        person.name === row.name &&
        (person.job_title ?? null) === row.jobTitle &&
        (person.profession ?? null) === row.profession &&
        (person.organisation ?? "").toLowerCase() === row.organisation.toLowerCase();
      outcome = !member ? "joins the cohort" : same ? "already in the cohort" : "updated";
    }
    return { ...row, outcome };
  });
  return {
    rows: previewRows,
    problems: [...problems, ...check.problems].sort((a, b) => a.row - b.row),
    missingOrganisations: check.missing,
  };
}

export type ImportSummary = {
  added: number;
  joined: number;
  updated: number;
  unchanged: number;
  organisations: number;
};

/**
 * Imports checked rows: creates the organisations the coordinator agreed to create, matches people by email
 * (creating those Tandem does not know), and adds them to the cohort. Importing the same rows again changes
 * nothing. Answers the first row whose organisation is still unknown instead, and the command rolls back.
 */
export async function importNominationRows(
  tx: Tx,
  cohortId: number,
  rows: NominationRow[],
  create: Array<{ name: string; sector: Sector; region: Region }>,
): Promise<{ summary: ImportSummary } | { unknownOrganisation: NominationRow }> {
  const summary: ImportSummary = { added: 0, joined: 0, updated: 0, unchanged: 0, organisations: 0 };
  for (const org of create) {
    const existing = matchOrganisation(
      org.name,
      await tx.selectFrom("organisations").select(["id", "name"]).execute(),
    );
    if (existing) continue;
    await createOrganisation(tx, {
      name: org.name,
      sector: org.sector,
      kind: org.sector === "industry" ? "company" : "department",
      region: org.region,
    });
    summary.organisations += 1;
  }
  const organisations = await tx.selectFrom("organisations").select(["id", "name", "sector"]).execute();
  const at = nowIso();
  for (const row of rows) {
    const organisation = matchOrganisation(row.organisation, organisations);
    if (!organisation) return { unknownOrganisation: row };
    await addOrganisationToCohort(tx, cohortId, organisation);
    const values = {
      name: row.name,
      organisation_id: organisation.id,
      job_title: row.jobTitle,
      profession: row.profession,
    };
    let person = await tx
      .selectFrom("people")
      .where("email_key", "=", emailKey(row.email))
      .select(["id", "name", "organisation_id", "job_title", "profession"])
      .executeTakeFirst();
    let changed = false;
    const created = !person;
    if (!person) {
      person = await tx
        .insertInto("people")
        .values({
          ...values,
          email: row.email,
          email_key: emailKey(row.email),
          created_at: at,
          updated_at: at,
        })
        .returning(["id", "name", "organisation_id", "job_title", "profession"])
        .executeTakeFirstOrThrow();
      await tx.insertInto("accounts").values({ person_id: person.id, created_at: at }).execute();
      summary.added += 1;
    } else if (
      person.name !== values.name ||
      person.organisation_id !== values.organisation_id ||
      person.job_title !== values.job_title ||
      person.profession !== values.profession
    ) {
      await tx
        .updateTable("people")
        .set({ ...values, updated_at: at })
        .where("id", "=", person.id)
        .execute();
      changed = true;
    }
    const role = row.role as NominationRole;
    const joined = await tx
      .insertInto("memberships")
      .values({
        cohort_id: cohortId,
        person_id: person.id,
        role,
        created_at: at,
        release_status: role === "participant" ? "requested" : null,
        line_manager_email: row.lineManagerEmail,
      })
      .onConflict((oc) => oc.columns(["cohort_id", "person_id", "role"]).doNothing())
      .executeTakeFirst();
    const isNewMember = Number(joined.numInsertedOrUpdatedRows ?? 0n) === 1;
    if (!isNewMember && row.lineManagerEmail) {
      const result = await tx
        .updateTable("memberships")
        .set((eb) => ({ line_manager_email: row.lineManagerEmail, version: eb("version", "+", 1) }))
        .where("cohort_id", "=", cohortId)
        .where("person_id", "=", person.id)
        .where("role", "=", role)
        .where((eb) =>
          eb.or([eb("line_manager_email", "is", null), eb("line_manager_email", "!=", row.lineManagerEmail)]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) changed = true;
    }
    if (created) continue;
    if (isNewMember) summary.joined += 1;
    else if (changed) summary.updated += 1;
    else summary.unchanged += 1;
  }
  return { summary };
}

/** Only participants need their line manager to release them for the programme. */
function releaseNeeded(role: CohortRole) {
  return role === "participant";
}

/** The cohort's nominations (memberships as participant, mentor or leader) with their person and organisation. */
function nominationsOfCohort(db: Db, cohortId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .where("m.cohort_id", "=", cohortId)
    .where("m.role", "in", ["participant", "mentor", "leader"])
    .select(["m.id as membershipId", "m.role", "m.release_status", "m.line_manager_email", "m.withdrawn_at"]);
}

/** Everyone nominated to the cohort, withdrawn people included (last), with their release status. */
export async function listNominations(db: Db, cohortId: number) {
  const rows = await nominationsOfCohort(db, cohortId)
    .select(["p.id", "p.name", "p.email", "o.name as organisation_name", "o.sector"])
    .orderBy("p.name")
    .execute();
  return rows.map((row) => ({
    ...row,
    releaseNeeded: releaseNeeded(row.role),
    awaitingRelease: releaseNeeded(row.role) && !row.withdrawn_at && row.release_status !== "approved",
  }));
}

export async function getNomination(db: Db, cohortId: number, personId: number) {
  const row = await nominationsOfCohort(db, cohortId)
    .where("m.person_id", "=", personId)
    .select([
      "m.withdrawal_reason",
      "m.version",
      "p.id",
      "p.name",
      "p.email",
      "p.job_title",
      "p.profession",
      "p.organisation_id",
      "o.name as organisation_name",
    ])
    .orderBy("m.role", "desc")
    .executeTakeFirst();
  return row && { ...row, releaseNeeded: releaseNeeded(row.role) };
}

/** Bumps the nomination's version if it is still `version`; false when someone saved it since. */
export async function claimNominationVersion(tx: Tx, membershipId: number, version: number) {
  const claimed = await tx
    .updateTable("memberships")
    .set({ version: version + 1 })
    .where("id", "=", membershipId)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export type NominationInput = {
  name: string;
  jobTitle: string | null;
  profession: string | null;
  organisationId: number | null;
  releaseStatus: ReleaseStatus | null;
  lineManagerEmail: string | null;
};

/** Saves the person's details and their line manager's release. */
export async function updateNomination(
  tx: Tx,
  nomination: { membershipId: number; personId: number },
  input: NominationInput,
) {
  await tx
    .updateTable("memberships")
    .set({ release_status: input.releaseStatus, line_manager_email: input.lineManagerEmail })
    .where("id", "=", nomination.membershipId)
    .execute();
  await tx
    .updateTable("people")
    .set({
      name: input.name,
      job_title: input.jobTitle,
      profession: input.profession,
      organisation_id: input.organisationId,
      updated_at: nowIso(),
    })
    .where("id", "=", nomination.personId)
    .execute();
}

/** Withdraws (or, with reason null, reinstates) a nomination; the membership and its history stay. */
export async function setWithdrawn(tx: Tx, membershipId: number, reason: string | null) {
  await tx
    .updateTable("memberships")
    .set({ withdrawn_at: reason === null ? null : nowIso(), withdrawal_reason: reason })
    .where("id", "=", membershipId)
    .execute();
}

/** The cohort's participants who have not withdrawn, by name: the rows of its attendance register. */
export async function listParticipants(db: Db, cohortId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .where("m.cohort_id", "=", cohortId)
    .where("m.role", "=", "participant")
    .where("m.withdrawn_at", "is", null)
    .select(["p.id", "p.name"])
    .orderBy("p.name")
    .execute();
}
