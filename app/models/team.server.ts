// Teams of a cohort: members and locks, keep-apart choices, mentor pairs, publishing, and what each person sees.

import { type Expression, type ExpressionBuilder, expressionBuilder } from "kysely";
import type { AuditAction } from "~/domain/audit";
import { type PairingMentor, pairMentors } from "~/domain/mentor-pairing";
import type { FormationInput } from "~/domain/team-formation";
import { type TeamSettings, teamPerson } from "~/domain/team-settings";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { CohortRole, Database, Sector } from "../../db/types";

/** The members of the team the outer query is on (`teams`), with their people: a subquery for jsonArrayFrom. */
export function membersOfTeam(eb: ExpressionBuilder<Database, "teams">) {
  return eb
    .selectFrom("team_members")
    .innerJoin("people", "people.id", "team_members.person_id")
    .whereRef("team_members.team_id", "=", "teams.id");
}

/** The mentors of the team the outer query is on (`teams`), with their people: a subquery for jsonArrayFrom. */
export function mentorsOfTeam(eb: ExpressionBuilder<Database, "teams">) {
  return eb
    .selectFrom("team_mentors")
    .innerJoin("people", "people.id", "team_mentors.person_id")
    .whereRef("team_mentors.team_id", "=", "teams.id");
}

/**
 * The id of the organisation `person` represents in `cohort` as `role`: their membership's, which decides conflicts
 * and mentor pairing, not their profile's. A scalar subquery on two columns of the outer query; null when the
 * membership names no organisation (a person has one membership per cohort and role).
 */
function representedOrganisationId(person: Expression<number>, cohort: Expression<number>, role: CohortRole) {
  return expressionBuilder<Database>()
    .selectFrom("memberships")
    .where("memberships.person_id", "=", person)
    .where("memberships.cohort_id", "=", cohort)
    .where("memberships.role", "=", role)
    .select("memberships.organisation_id");
}

/** How membersOfTeam or mentorsOfTeam join `organisations`: as the organisation each person represents as `role`. */
function representedInTeamCohort(role: CohortRole) {
  return (eb: ExpressionBuilder<Database, "organisations" | "people" | "teams">) =>
    eb(
      "organisations.id",
      "=",
      representedOrganisationId(eb.ref("people.id"), eb.ref("teams.cohort_id"), role),
    );
}

/** The people of a cohort in one role, with the organisation they represent in it. */
function cohortPeopleInRole(db: Db, cohortId: number, role: CohortRole) {
  return db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .leftJoin("organisations", "organisations.id", "memberships.organisation_id")
    .where("memberships.cohort_id", "=", cohortId)
    .where("memberships.role", "=", role);
}

/** Participants of a cohort with what team formation needs to know about them. */
export async function listTeamCandidates(db: Db, cohortId: number) {
  return cohortPeopleInRole(db, cohortId, "participant")
    .select([
      "people.id",
      "people.name",
      "people.profession",
      "people.job_title",
      "organisations.name as organisation_name",
      "organisations.sector",
    ])
    .orderBy("people.name")
    .orderBy("people.id")
    .execute();
}

/** Mentors of a cohort with their organisation and sector. */
export async function listCohortMentors(db: Db, cohortId: number) {
  return cohortPeopleInRole(db, cohortId, "mentor")
    .select(["people.id", "people.name", "organisations.name as organisation_name", "organisations.sector"])
    .orderBy("people.name")
    .execute();
}

/** The cohort's teams screen state: publishing, version, settings. */
export async function getTeamsStatus(db: Db, cohortId: number) {
  return db
    .selectFrom("cohorts")
    .where("id", "=", cohortId)
    .select(["teams_published_at", "teams_version", "team_settings"])
    .executeTakeFirstOrThrow();
}

/**
 * Every team of these cohorts (by number) with its members (and locks) and mentors, each with the organisation
 * they represent in the cohort: one query for all the cohorts.
 */
export async function listTeamsOfCohorts(db: Db, cohortIds: number[]) {
  if (cohortIds.length === 0) return [];
  const rows = await db
    .selectFrom("teams")
    .where("teams.cohort_id", "in", cohortIds)
    .select((eb) => [
      "teams.cohort_id",
      "teams.id",
      "teams.number",
      "teams.name",
      jsonArrayFrom(
        db,
        membersOfTeam(eb)
          .leftJoin("organisations", (join) => join.on(representedInTeamCohort("participant")))
          .select([
            "people.id",
            "people.name",
            "people.email",
            "people.profession",
            "people.job_title",
            "organisations.id as organisation_id",
            "organisations.name as organisation_name",
            "organisations.sector",
            "team_members.locked",
          ])
          .orderBy("people.name"),
      ).as("members"),
      jsonArrayFrom(
        db,
        mentorsOfTeam(eb)
          .leftJoin("organisations", (join) => join.on(representedInTeamCohort("mentor")))
          .select([
            "people.id",
            "people.name",
            "people.email",
            "people.job_title",
            "organisations.id as organisation_id",
            "organisations.name as organisation_name",
            "team_mentors.sector",
            "team_mentors.override_reason",
          ])
          .orderBy("team_mentors.sector"),
      ).as("mentors"),
    ])
    .orderBy("teams.number")
    .execute();
  return rows.map((row) => ({
    ...row,
    members: childRows(row.members),
    mentors: childRows(row.mentors),
  }));
}

/** Every team of a cohort with its members (and locks) and mentors, in one query. */
export async function listTeams(db: Db, cohortId: number) {
  return listTeamsOfCohorts(db, [cohortId]);
}

export type TeamsList = Awaited<ReturnType<typeof listTeams>>;

/** The cohort's keep-apart pairs, with both people as `a` and `b`. */
function keepApartPairs(db: Db, cohortId: number) {
  return db
    .selectFrom("team_constraints")
    .innerJoin("people as a", "a.id", "team_constraints.person_a")
    .innerJoin("people as b", "b.id", "team_constraints.person_b")
    .where("team_constraints.cohort_id", "=", cohortId)
    .where("team_constraints.kind", "=", "keep_apart");
}

export async function listKeepApart(db: Db, cohortId: number) {
  return keepApartPairs(db, cohortId)
    .select([
      "team_constraints.id",
      "team_constraints.person_a",
      "team_constraints.person_b",
      "a.name as name_a",
      "b.name as name_b",
    ])
    .orderBy("team_constraints.id")
    .execute();
}

/** One keep-apart pair of the cohort with both names, or undefined. */
export async function findKeepApart(db: Db, cohortId: number, pairId: number) {
  return keepApartPairs(db, cohortId)
    .where("team_constraints.id", "=", pairId)
    .select(["team_constraints.id", "a.name as name_a", "b.name as name_b"])
    .executeTakeFirst();
}

/**
 * Claims the next version of the cohort's teams: false when someone else changed the teams since `version`
 * was read, so nothing is overwritten silently.
 */
export async function claimTeamsVersion(tx: Tx, cohortId: number, version: number) {
  const result = await tx
    .updateTable("cohorts")
    .set({ teams_version: version + 1 })
    .where("id", "=", cohortId)
    .where("teams_version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveTeamSettings(tx: Tx, cohortId: number, settings: TeamSettings) {
  await tx
    .updateTable("cohorts")
    .set({ team_settings: JSON.stringify(settings) })
    .where("id", "=", cohortId)
    .execute();
}

/**
 * Replaces the cohort's team membership by `teams` (member ids per team, team 1 first), keeping the names of
 * teams that stay, and locks for `lockedIds`. Teams beyond the new count go, with their mentors.
 */
export async function saveTeams(tx: Tx, cohortId: number, teams: number[][], lockedIds: Set<number>) {
  const at = nowIso();
  const existing = await tx
    .selectFrom("teams")
    .where("cohort_id", "=", cohortId)
    .select(["id", "number"])
    .execute();
  const idOf = new Map(existing.map((t) => [t.number, t.id]));
  const extra = existing.filter((t) => t.number > teams.length).map((t) => t.id);
  await tx.deleteFrom("team_members").where("cohort_id", "=", cohortId).execute();
  if (extra.length) await tx.deleteFrom("teams").where("id", "in", extra).execute();
  for (const [index, members] of teams.entries()) {
    const number = index + 1;
    let teamId = idOf.get(number);
    if (teamId === undefined) {
      teamId = (
        await tx
          .insertInto("teams")
          .values({ cohort_id: cohortId, number, name: null, created_at: at, updated_at: at })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    if (members.length) {
      await tx
        .insertInto("team_members")
        .values(
          members.map((personId) => ({
            team_id: teamId,
            cohort_id: cohortId,
            person_id: personId,
            locked: lockedIds.has(personId) ? 1 : 0,
          })),
        )
        .execute();
    }
  }
}

/** The team a participant of the cohort is in (with the participant's name), or undefined. */
export async function findMembership(db: Db, cohortId: number, personId: number) {
  return db
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .innerJoin("people", "people.id", "team_members.person_id")
    .where("team_members.cohort_id", "=", cohortId)
    .where("team_members.person_id", "=", personId)
    .select(["teams.id as team_id", "teams.number", "team_members.locked", "people.name"])
    .executeTakeFirst();
}

/** The teams of a cohort, each as its id, number and name. */
export function teamsOfCohort(db: Db, cohortId: number) {
  return db.selectFrom("teams").where("cohort_id", "=", cohortId).select(["id", "number", "name"]);
}

export async function teamById(db: Db, cohortId: number, teamId: number) {
  return teamsOfCohort(db, cohortId).where("id", "=", teamId).executeTakeFirst();
}

export async function teamByNumber(db: Db, cohortId: number, number: number) {
  return teamsOfCohort(db, cohortId).where("number", "=", number).executeTakeFirst();
}

/** An update of a participant's place in the cohort's teams (their one team_members row). */
function updateTeamPlace(tx: Tx, cohortId: number, personId: number) {
  return tx.updateTable("team_members").where("cohort_id", "=", cohortId).where("person_id", "=", personId);
}

export async function moveMember(tx: Tx, cohortId: number, personId: number, teamId: number) {
  await updateTeamPlace(tx, cohortId, personId).set({ team_id: teamId }).execute();
}

export async function setLocked(tx: Tx, cohortId: number, personId: number, locked: boolean) {
  await updateTeamPlace(tx, cohortId, personId)
    .set({ locked: locked ? 1 : 0 })
    .execute();
}

export async function addKeepApart(tx: Tx, cohortId: number, a: number, b: number) {
  const [first, second] = a < b ? [a, b] : [b, a];
  await tx
    .insertInto("team_constraints")
    .values({
      cohort_id: cohortId,
      kind: "keep_apart",
      person_a: first,
      person_b: second,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(["cohort_id", "kind", "person_a", "person_b"]).doNothing())
    .execute();
}

export async function removeKeepApart(tx: Tx, cohortId: number, constraintId: number) {
  const result = await tx
    .deleteFrom("team_constraints")
    .where("cohort_id", "=", cohortId)
    .where("id", "=", constraintId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function setTeamName(tx: Tx, cohortId: number, number: number, name: string | null) {
  await tx
    .updateTable("teams")
    .set({ name, updated_at: nowIso() })
    .where("cohort_id", "=", cohortId)
    .where("number", "=", number)
    .execute();
}

export type MentorAssignment = {
  teamId: number;
  personId: number;
  sector: Sector;
  overrideReason: string | null;
};

export async function replaceMentors(tx: Tx, cohortId: number, assignments: MentorAssignment[]) {
  const teamIds = tx.selectFrom("teams").where("cohort_id", "=", cohortId).select("id");
  await tx.deleteFrom("team_mentors").where("team_id", "in", teamIds).execute();
  if (assignments.length === 0) return;
  const at = nowIso();
  await tx
    .insertInto("team_mentors")
    .values(
      assignments.map((a) => ({
        team_id: a.teamId,
        person_id: a.personId,
        sector: a.sector,
        override_reason: a.overrideReason,
        created_at: at,
      })),
    )
    .execute();
}

export async function publishTeams(tx: Tx, cohortId: number) {
  await tx.updateTable("cohorts").set({ teams_published_at: nowIso() }).where("id", "=", cohortId).execute();
}

/**
 * The published teams a person is in, as participant or mentor: nothing before publishing. Each team with its
 * members and mentors.
 */
export async function teamsOfPerson(db: Db, cohortId: number, personId: number) {
  const status = await getTeamsStatus(db, cohortId);
  if (!status.teams_published_at) return { publishedAt: null, teams: [] as TeamsList };
  const mine = db
    .selectFrom("team_members")
    .where("team_members.person_id", "=", personId)
    .where("team_members.cohort_id", "=", cohortId)
    .select("team_members.team_id")
    .union(
      db
        .selectFrom("team_mentors")
        .where("team_mentors.person_id", "=", personId)
        .select("team_mentors.team_id"),
    );
  const teamIds = (await mine.execute()).map((r) => r.team_id);
  const teams = (await listTeams(db, cohortId)).filter((t) => teamIds.includes(t.id));
  return { publishedAt: status.teams_published_at, teams };
}

/** The teams, the cohort's mentors, and the pairing the Hungarian method proposes for them now. */
export async function mentorPairingProposal(db: Db, cohortId: number) {
  const [teams, mentors, status] = await Promise.all([
    listTeams(db, cohortId),
    listCohortMentors(db, cohortId),
    getTeamsStatus(db, cohortId),
  ]);
  const pairingMentors: PairingMentor[] = mentors.flatMap((m) =>
    m.sector === null
      ? []
      : [
          {
            id: String(m.id),
            name: m.name,
            sector: m.sector,
            organisation: m.organisation_name ?? `(no organisation: ${m.name})`,
          },
        ],
  );
  const pairing = pairMentors(
    teams.map((t) => ({
      number: t.number,
      memberOrganisations: t.members.map((m) => m.organisation_name ?? ""),
    })),
    pairingMentors,
  );
  return { teams, mentors, status, pairing };
}

/** Changes to every team at once, which the people of each team are shown as well as their own team's. */
const CHANGES_TO_EVERY_TEAM = ["teams.regenerated"] satisfies AuditAction[];

/**
 * Changes recorded in the audit log since publishing for these teams, and those to every team, with who made
 * them, as the audit log stores them.
 */
export async function teamChangesSince(db: Db, cohortId: number, teamIds: number[], since: string) {
  return db
    .selectFrom("audit_events as e")
    .leftJoin("people as actor", "actor.id", "e.actor_person_id")
    .where("e.cohort_id", "=", cohortId)
    .where("e.at", ">", since)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("e.subject_type", "=", "team"),
          eb("e.subject_id", "in", teamIds.length ? teamIds : [-1]),
        ]),
        eb.and([eb("e.subject_type", "=", "cohort"), eb("e.action", "in", CHANGES_TO_EVERY_TEAM)]),
      ]),
    )
    .select(["e.id", "e.at", "e.action", "e.details", "actor.name as actor_name"])
    .orderBy("e.id")
    .execute();
}

/** The solver's view of a cohort: its participants, the coordinator's locks and keep-apart pairs. */
export async function formationInputFor(db: Db, cohortId: number, teamCount: number, settings: TeamSettings) {
  const [candidates, teams, keepApart] = await Promise.all([
    listTeamCandidates(db, cohortId),
    listTeams(db, cohortId),
    listKeepApart(db, cohortId),
  ]);
  const input: FormationInput = {
    people: candidates.map(teamPerson),
    teamCount,
    balance: settings.balance,
    notAlone: settings.notAlone,
    weights: settings.weights,
    locks: teams.flatMap((team) =>
      team.members.filter((m) => m.locked === 1).map((m) => ({ personId: String(m.id), team: team.number })),
    ),
    keepApart: keepApart.map((k) => [String(k.person_a), String(k.person_b)] as [string, string]),
  };
  return { input, candidates, teams, keepApart };
}

/** A team of the cohort with its members and mentors, or undefined. */
export async function getTeamWithPeople(db: Db, cohortId: number, teamId: number) {
  const row = await db
    .selectFrom("teams")
    .innerJoin("cohorts", "cohorts.id", "teams.cohort_id")
    .where("teams.id", "=", teamId)
    .where("teams.cohort_id", "=", cohortId)
    .select((eb) => [
      "teams.id",
      "teams.number",
      "teams.name",
      "cohorts.teams_published_at",
      jsonArrayFrom(
        db,
        membersOfTeam(eb)
          .leftJoin("organisations", "organisations.id", "people.organisation_id")
          .select(["people.id", "people.name", "people.email", "organisations.name as organisation_name"])
          .orderBy("people.name"),
      ).as("members"),
      jsonArrayFrom(
        db,
        mentorsOfTeam(eb)
          .leftJoin("organisations", "organisations.id", "people.organisation_id")
          .select([
            "people.id",
            "people.name",
            "people.email",
            "organisations.name as organisation_name",
            "team_mentors.sector",
          ])
          .orderBy("team_mentors.sector", "desc"),
      ).as("mentors"),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, members: childRows(row.members), mentors: childRows(row.mentors) };
}
