// Nominations: importing people from a spreadsheet, their line manager's release, withdrawal.

import {
  checkOrganisations,
  matchOrganisation,
  NOMINATION_ROLES,
  type NominationRole,
  type NominationRow,
  type RowProblem,
} from "~/domain/csv-nominations";
import type { QuotaWarning } from "~/domain/nomination-quota";
import {
  type NotApplied,
  type ProfileDetails,
  type ProfileDifference,
  profileDifferences,
} from "~/domain/profile";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { CohortRole, Region, ReleaseStatus, Sector } from "../../db/types";
import { addOrganisationToCohort, defaultQuota } from "./cohort-organisation.server";
import { createOrganisation, emailKey } from "./person.server";

export type RowOutcome = "new person" | "joins the cohort" | "already in the cohort" | "updated";

export type NominationPreview = {
  /**
   * `changes`: what importing changes for a person already in Tandem (old → new); `notApplied`: the differences
   * from the details Tandem holds that importing will leave alone, and why.
   */
  rows: Array<
    NominationRow & { outcome: RowOutcome; changes?: ProfileDifference[]; notApplied?: NotApplied }
  >;
  problems: RowProblem[];
  missingOrganisations: Array<{ name: string; sector: Sector; rows: number[] }>;
  overQuota: QuotaWarning[];
};

/** The details a row brings, as a profile: a blank job title or profession keeps the one Tandem holds. */
function rowDetails(row: NominationRow, held?: ProfileDetails): ProfileDetails {
  return {
    name: row.name,
    organisation: row.organisation,
    jobTitle: row.jobTitle ?? held?.jobTitle ?? null,
    profession: row.profession ?? held?.profession ?? null,
  };
}

/**
 * The rows with a blank role resolved: someone already nominated to the cohort keeps their role there (the
 * participant one, if they have several); anyone else is a participant.
 */
export async function withKeptRoles(db: Db, cohortId: number, rows: NominationRow[]) {
  const blank = rows.filter((r) => !r.roleGiven).map((r) => emailKey(r.email));
  if (blank.length === 0) return rows;
  const held = await db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .where("m.cohort_id", "=", cohortId)
    .where("p.email_key", "in", blank)
    .where("m.role", "in", [...NOMINATION_ROLES])
    .select(["p.email_key", "m.role"])
    .execute();
  return rows.map((row) => {
    if (row.roleGiven) return row;
    const roles = held.filter((m) => m.email_key === emailKey(row.email)).map((m) => m.role);
    return roles.length === 0 || roles.includes("participant") ? row : { ...row, role: roles[0]! };
  });
}

const organisationKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The organisations that importing the rows would take over their nomination quota: each counts the active
 * participants representing it in the cohort afterwards (the quota of an organisation not yet in the cohort is its
 * sector's default). Only organisations the import adds nominations to are listed. `locked`: the people whose
 * details the importer may not change (they join representing the organisation of their profile).
 */
export async function quotaWarnings(
  db: Db,
  cohortId: number,
  checked: NominationRow[],
  locked: ReadonlySet<number>,
): Promise<QuotaWarning[]> {
  const rows = await withKeptRoles(db, cohortId, checked);
  const [organisations, inCohort, participants, people] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name", "sector"]).execute(),
    db
      .selectFrom("cohort_organisations")
      .where("cohort_id", "=", cohortId)
      .select(["organisation_id", "quota"])
      .execute(),
    db
      .selectFrom("memberships")
      .where("cohort_id", "=", cohortId)
      .where("role", "=", "participant")
      .select(["person_id", "organisation_id", "withdrawn_at"])
      .execute(),
    peopleOfRows(db, rows),
  ]);
  const nameOf = (id: number | null) => organisations.find((o) => o.id === id)?.name ?? null;
  // Who represents which organisation as a participant, by person (or email, for people new to Tandem).
  const before = new Map<string, string | null>();
  for (const m of participants)
    if (!m.withdrawn_at) before.set(`person ${m.person_id}`, nameOf(m.organisation_id));
  const withdrawn = new Set(participants.filter((m) => m.withdrawn_at).map((m) => m.person_id));
  const after = new Map(before);
  const sectors = new Map<string, Sector>();
  for (const row of rows) {
    const person = people.find((p) => p.email_key === emailKey(row.email));
    const key = person ? `person ${person.id}` : `email ${emailKey(row.email)}`;
    const known = matchOrganisation(row.organisation, organisations);
    const organisation = known?.name ?? row.organisation.trim();
    sectors.set(organisationKey(organisation), known?.sector ?? (row.sector as Sector));
    if (person && locked.has(person.id)) {
      if (row.role === "participant" && !after.has(key) && !withdrawn.has(person.id))
        after.set(key, nameOf(person.organisation_id));
    } else if (after.has(key)) after.set(key, organisation);
    else if (row.role === "participant" && !(person && withdrawn.has(person.id)))
      after.set(key, organisation);
  }
  const count = (map: Map<string, string | null>) => {
    const counts = new Map<string, { name: string; n: number }>();
    for (const name of map.values()) {
      if (name === null) continue;
      const entry = counts.get(organisationKey(name)) ?? { name, n: 0 };
      counts.set(organisationKey(name), { ...entry, n: entry.n + 1 });
    }
    return counts;
  };
  const was = count(before);
  const quotaOf = (name: string) => {
    const known = matchOrganisation(name, organisations);
    const set = known && inCohort.find((co) => co.organisation_id === known.id);
    if (set) return set.quota;
    const sector = sectors.get(organisationKey(name)) ?? known?.sector;
    return sector ? defaultQuota(sector) : null;
  };
  return [...count(after)].flatMap(([key, { name, n }]) => {
    const quota = quotaOf(name);
    return quota !== null && n > quota && n > (was.get(key)?.n ?? 0)
      ? [{ organisation: name, nominations: n, quota }]
      : [];
  });
}

/** The people the rows name who are already in Tandem, with their details and the organisation's name. */
export async function peopleOfRows(db: Db, rows: NominationRow[]) {
  const keys = rows.map((r) => emailKey(r.email)).filter(Boolean);
  if (keys.length === 0) return [];
  const people = await db
    .selectFrom("people")
    .leftJoin("organisations", "organisations.id", "people.organisation_id")
    .where("people.email_key", "in", keys)
    .select([
      "people.id",
      "people.email_key",
      "people.name",
      "people.job_title",
      "people.profession",
      "people.organisation_id",
      "organisations.name as organisation",
    ])
    .execute();
  return people.map((p) => ({
    ...p,
    details: {
      name: p.name,
      organisation: p.organisation,
      jobTitle: p.job_title,
      profession: p.profession,
    } satisfies ProfileDetails,
  }));
}

/**
 * What importing the rows would do, without writing anything. `locked` holds, by person id, why the importer may
 * not change the details of people already in Tandem (see mayEditProfile); their differences are not applied.
 */
export async function previewNominations(
  db: Db,
  cohortId: number,
  checked: NominationRow[],
  problems: RowProblem[],
  locked: ReadonlyMap<number, string> = new Map(),
): Promise<NominationPreview> {
  const rows = await withKeptRoles(db, cohortId, checked);
  const organisations = await db.selectFrom("organisations").select(["id", "name", "sector"]).execute();
  const check = checkOrganisations(rows, organisations);
  const people = await peopleOfRows(db, rows);
  const memberships = people.length
    ? await db
        .selectFrom("memberships")
        .where("cohort_id", "=", cohortId)
        .where(
          "person_id",
          "in",
          people.map((p) => p.id),
        )
        .select(["person_id", "role", "line_manager_email"])
        .execute()
    : [];
  const previewRows = rows.map((row) => {
    const person = people.find((p) => p.email_key === emailKey(row.email));
    if (!person) return { ...row, outcome: "new person" as RowOutcome };
    const member = memberships.find((m) => m.person_id === person.id && m.role === row.role);
    const differences = profileDifferences(person.details, rowDetails(row, person.details));
    const reason = locked.get(person.id);
    if (reason) {
      const outcome: RowOutcome = member ? "already in the cohort" : "joins the cohort";
      return differences.length
        ? { ...row, outcome, notApplied: { reason, differences } }
        : { ...row, outcome };
    }
    // The import replaces a line manager's email only with one the row gives.
    const lineManager =
      member && row.lineManagerEmail && member.line_manager_email !== row.lineManagerEmail
        ? [
            {
              field: "Line manager email",
              from: member.line_manager_email ?? "None",
              to: row.lineManagerEmail,
            },
          ]
        : [];
    const changes = [...differences, ...lineManager];
    const outcome: RowOutcome = !member
      ? "joins the cohort"
      : changes.length === 0
        ? "already in the cohort"
        : "updated";
    return changes.length ? { ...row, outcome, changes } : { ...row, outcome };
  });
  return {
    rows: previewRows,
    problems: [...problems, ...check.problems].sort((a, b) => a.row - b.row),
    missingOrganisations: check.missing,
    overQuota: await quotaWarnings(db, cohortId, rows, new Set(locked.keys())),
  };
}

export type ImportSummary = {
  added: number;
  joined: number;
  updated: number;
  unchanged: number;
  organisations: number;
  /** People already in Tandem whose details the importer may not change: they joined or stayed as they were. */
  notApplied: number;
};

/** The organisation a person represents in the cohort changed: conflicts of interest may change with it. */
export type OrganisationChange = {
  personId: number;
  from: string | null;
  to: string | null;
};

/**
 * Imports checked rows: creates the organisations the coordinator agreed to create, matches people by email
 * (creating those Tandem does not know), and adds them to the cohort, representing the row's organisation there.
 * The details of the people in `locked` (by id: the importer may not change them, see mayEditProfile) stay as
 * they are: they join representing the organisation of their profile. Importing the same rows again changes
 * nothing. Answers the first row whose organisation is still unknown instead, and the command rolls back.
 */
export async function importNominationRows(
  tx: Tx,
  cohortId: number,
  checked: NominationRow[],
  create: Array<{ name: string; sector: Sector; region: Region }>,
  locked: ReadonlySet<number>,
): Promise<
  | { summary: ImportSummary; organisationChanges: OrganisationChange[] }
  | { unknownOrganisation: NominationRow }
> {
  const rows = await withKeptRoles(tx, cohortId, checked);
  const summary: ImportSummary = {
    added: 0,
    joined: 0,
    updated: 0,
    unchanged: 0,
    organisations: 0,
    notApplied: 0,
  };
  const organisationChanges: OrganisationChange[] = [];
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
  const nameOf = (id: number | null) => organisations.find((o) => o.id === id)?.name ?? null;
  const at = nowIso();
  for (const row of rows) {
    const named = matchOrganisation(row.organisation, organisations);
    if (!named) return { unknownOrganisation: row };
    let person = await tx
      .selectFrom("people")
      .where("email_key", "=", emailKey(row.email))
      .select(["id", "name", "organisation_id", "job_title", "profession"])
      .executeTakeFirst();
    // A blank job title or profession keeps the one Tandem holds.
    const values = {
      name: row.name,
      organisation_id: named.id,
      job_title: row.jobTitle ?? person?.job_title ?? null,
      profession: row.profession ?? person?.profession ?? null,
    };
    let changed = false;
    const created = !person;
    const keeps = person !== undefined && locked.has(person.id);
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
      if (keeps) summary.notApplied += 1;
      else {
        await tx
          .updateTable("people")
          .set({ ...values, updated_at: at })
          .where("id", "=", person.id)
          .execute();
        changed = true;
      }
    }
    // The organisation the person represents in this cohort: the row's, or their own when it is not applied.
    const organisationId = keeps ? person.organisation_id : named.id;
    const organisation = organisations.find((o) => o.id === organisationId);
    if (organisation) await addOrganisationToCohort(tx, cohortId, organisation);
    if (!keeps) {
      const moved = await setMembershipOrganisation(tx, cohortId, person.id, organisationId);
      for (const from of moved)
        organisationChanges.push({ personId: person.id, from: nameOf(from), to: nameOf(organisationId) });
      if (moved.length) changed = true;
    }
    const role = row.role as NominationRole;
    const joined = await tx
      .insertInto("memberships")
      .values({
        cohort_id: cohortId,
        person_id: person.id,
        role,
        organisation_id: organisationId,
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
  return { summary, organisationChanges };
}

/**
 * Sets the organisation the person represents in the cohort on each of their memberships of it; answers the
 * organisation ids it replaced (one per distinct earlier value; empty when nothing changed).
 */
export async function setMembershipOrganisation(
  tx: Tx,
  cohortId: number,
  personId: number,
  organisationId: number | null,
): Promise<Array<number | null>> {
  const differing = await tx
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .where((eb) =>
      organisationId === null
        ? eb("organisation_id", "is not", null)
        : eb.or([eb("organisation_id", "is", null), eb("organisation_id", "!=", organisationId)]),
    )
    .select(["id", "organisation_id"])
    .execute();
  if (differing.length === 0) return [];
  await tx
    .updateTable("memberships")
    .set({ organisation_id: organisationId })
    .where(
      "id",
      "in",
      differing.map((m) => m.id),
    )
    .execute();
  return [...new Set(differing.map((m) => m.organisation_id))];
}

/** Only participants need their line manager to release them for the programme. */
function releaseNeeded(role: CohortRole) {
  return role === "participant";
}

/**
 * The cohort's nominations (memberships as participant, mentor or leader) with their person and the organisation
 * they represent in the cohort.
 */
function nominationsOfCohort(db: Db, cohortId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
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
      "m.organisation_id",
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

/** Saves the line manager's release of the nomination (the person's details are saved by updateProfile). */
export async function updateRelease(
  tx: Tx,
  membershipId: number,
  input: { releaseStatus: ReleaseStatus | null; lineManagerEmail: string | null },
) {
  await tx
    .updateTable("memberships")
    .set({ release_status: input.releaseStatus, line_manager_email: input.lineManagerEmail })
    .where("id", "=", membershipId)
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
