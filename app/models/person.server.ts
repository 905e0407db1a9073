// People, their accounts and organisations.

import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { Region, Sector } from "../../db/types";

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether anyone is in the database yet (an empty one gets the demo, or a first administrator). */
export async function hasPeople(db: Db): Promise<boolean> {
  return (await db.selectFrom("people").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function findPersonByEmail(db: Db, email: string) {
  return db.selectFrom("people").where("email_key", "=", emailKey(email)).selectAll().executeTakeFirst();
}

export async function getPerson(db: Db, personId: number) {
  return db
    .selectFrom("people")
    .leftJoin("organisations", "organisations.id", "people.organisation_id")
    .leftJoin("accounts", "accounts.person_id", "people.id")
    .where("people.id", "=", personId)
    .select([
      "people.id",
      "people.name",
      "people.email",
      "people.job_title",
      "people.profession",
      "people.organisation_id",
      "organisations.name as organisation_name",
      "organisations.sector",
      "accounts.is_admin",
      "accounts.password_set_at",
    ])
    .executeTakeFirst();
}

export type NewPersonInput = {
  name: string;
  email: string;
  organisationId: number | null;
  jobTitle?: string | null;
  profession?: string | null;
};

/** Creates the person and an account without a password (set later through a one-time link). */
export async function createPerson(tx: Tx, input: NewPersonInput) {
  const at = nowIso();
  const person = await tx
    .insertInto("people")
    .values({
      name: input.name.trim(),
      email: input.email.trim(),
      email_key: emailKey(input.email),
      organisation_id: input.organisationId,
      job_title: input.jobTitle ?? null,
      profession: input.profession ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning(["id", "name", "email"])
    .executeTakeFirstOrThrow();
  await tx.insertInto("accounts").values({ person_id: person.id, created_at: at }).execute();
  return person;
}

export async function setAdmin(tx: Tx, personId: number, isAdmin: boolean) {
  await tx
    .updateTable("accounts")
    .set({ is_admin: isAdmin ? 1 : 0 })
    .where("person_id", "=", personId)
    .execute();
}

/** The system administrators, by name, with whether each has set a password yet. */
export async function listAdministrators(db: Db) {
  return db
    .selectFrom("people")
    .innerJoin("accounts", "accounts.person_id", "people.id")
    .where("accounts.is_admin", "=", 1)
    .select(["people.id", "people.name", "people.email", "accounts.password_set_at"])
    .orderBy("people.name")
    .execute();
}

export async function listOrganisations(db: Db) {
  return db.selectFrom("organisations").selectAll().orderBy("name").execute();
}

export async function findOrganisationByName(db: Db, name: string) {
  return db.selectFrom("organisations").where("name", "=", name.trim()).selectAll().executeTakeFirst();
}

export async function createOrganisation(
  tx: Tx,
  input: { name: string; sector: Sector; kind: string; region: Region },
) {
  return tx
    .insertInto("organisations")
    .values({ ...input, name: input.name.trim(), created_at: nowIso() })
    .returning(["id", "name", "sector"])
    .executeTakeFirstOrThrow();
}

/**
 * Whether `actor` may issue a set-password link for a person: administrators may, for anyone but another
 * administrator's account; a coordinator only for someone whose every cohort they coordinate, so nobody can
 * take over an account that reaches cohorts they do not run.
 */
export async function mayIssueLinkFor(
  db: Db,
  actor: { personId: number; isAdmin: boolean },
  personId: number,
) {
  return (await linkIssuableFor(db, actor, [personId])).has(personId);
}

/** Of `personIds`, those `actor` may issue a set-password link for (the rule of `mayIssueLinkFor`), in one query. */
export async function linkIssuableFor(
  db: Db,
  actor: { personId: number; isAdmin: boolean },
  personIds: readonly number[],
): Promise<Set<number>> {
  if (!personIds.length) return new Set();
  let query = db.selectFrom("accounts as a").where("a.person_id", "in", personIds).select("a.person_id");
  query = actor.isAdmin
    ? query.where((eb) => eb.or([eb("a.is_admin", "=", 0), eb("a.person_id", "=", actor.personId)]))
    : query.where("a.is_admin", "=", 0).where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("memberships as theirs")
              .whereRef("theirs.person_id", "=", "a.person_id")
              .where(({ not, exists, selectFrom }) =>
                not(
                  exists(
                    selectFrom("memberships as mine")
                      .whereRef("mine.cohort_id", "=", "theirs.cohort_id")
                      .where("mine.person_id", "=", actor.personId)
                      .where("mine.role", "=", "coordinator")
                      .select("mine.id"),
                  ),
                ),
              )
              .select("theirs.id"),
          ),
        ),
      );
  return new Set((await query.execute()).map((row) => row.person_id));
}

/** Whether the person administers the site. */
export async function isAdministrator(db: Db, personId: number) {
  const row = await db
    .selectFrom("accounts")
    .where("person_id", "=", personId)
    .select("is_admin")
    .executeTakeFirst();
  return row?.is_admin === 1;
}

/**
 * What deciding who may change these people's details needs to know: each person's name, whether they administer
 * the site, and whether they are (or were) in a cohort `actorId` does not coordinate now. Two queries for any
 * number of people.
 */
export async function profileEditFacts(db: Db, actorId: number, personIds: number[]) {
  const actorIsAdmin = await isAdministrator(db, actorId);
  if (personIds.length === 0) return { actorIsAdmin, people: [] };
  const rows = await db
    .selectFrom("people as p")
    .leftJoin("accounts as a", "a.person_id", "p.id")
    .where("p.id", "in", personIds)
    .select((eb) => [
      "p.id",
      "p.name",
      "a.is_admin",
      eb
        .exists(
          eb
            .selectFrom("memberships as theirs")
            .whereRef("theirs.person_id", "=", "p.id")
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("memberships as mine")
                    .whereRef("mine.cohort_id", "=", "theirs.cohort_id")
                    .where("mine.person_id", "=", actorId)
                    .where("mine.role", "=", "coordinator")
                    .where("mine.withdrawn_at", "is", null)
                    .select("mine.id"),
                ),
              ),
            )
            .select("theirs.id"),
        )
        .as("elsewhere"),
    ])
    .execute();
  return {
    actorIsAdmin,
    people: rows.map((row) => ({
      id: row.id,
      name: row.name,
      isAdmin: row.is_admin === 1,
      // SQLite answers 0 or 1, PostgreSQL false or true.
      inCohortsOfOthers: Boolean(Number(row.elsewhere)),
    })),
  };
}

/**
 * Saves the person's shared details (the caller has checked the actor may change them: mayEditProfile); an
 * organisation left undefined stays as it is.
 */
export async function updateProfile(
  tx: Tx,
  personId: number,
  details: {
    name: string;
    organisationId?: number | null;
    jobTitle: string | null;
    profession: string | null;
  },
) {
  await tx
    .updateTable("people")
    .set({
      name: details.name,
      ...(details.organisationId === undefined ? {} : { organisation_id: details.organisationId }),
      job_title: details.jobTitle,
      profession: details.profession,
      updated_at: nowIso(),
    })
    .where("id", "=", personId)
    .execute();
}
