// Teams of a cohort: members and locks, keep-apart choices, mentor pairs, publishing, and what each person sees.

import { type Expression, type ExpressionBuilder, expressionBuilder } from "kysely";
import type { AuditAction } from "~/domain/audit";
import { type PairingMentor, pairMentors } from "~/domain/mentor-pairing";
import {
  movesBetween,
  type Placement,
  placementOfSnapshot,
  readSnapshot,
  type TeamsSnapshot,
  teamsText,
} from "~/domain/team-changes";
import type { FormationInput } from "~/domain/team-formation";
import { type TeamSettings, teamPerson } from "~/domain/team-settings";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { childRows, jsonArrayFrom } from "../../db/json";
import type { CohortRole, Database, Sector, TeamVersionCause } from "../../db/types";

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

/**
 * Participants of a cohort whom team formation places, with what it needs to know about them: only those their
 * line manager has released for the programme and who have not withdrawn.
 */
export async function listTeamCandidates(db: Db, cohortId: number) {
  return cohortPeopleInRole(db, cohortId, "participant")
    .where("memberships.release_status", "=", "approved")
    .where("memberships.withdrawn_at", "is", null)
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

/**
 * Participants of a cohort whom team formation leaves out, with why: their line manager has not released them
 * (or declined), or they withdrew; and the team they are still in, if any.
 */
export async function listParticipantsLeftOut(db: Db, cohortId: number) {
  return cohortPeopleInRole(db, cohortId, "participant")
    .leftJoin("team_members", (join) =>
      join
        .onRef("team_members.person_id", "=", "memberships.person_id")
        .onRef("team_members.cohort_id", "=", "memberships.cohort_id"),
    )
    .leftJoin("teams", "teams.id", "team_members.team_id")
    .where((eb) =>
      eb.or([
        eb("memberships.release_status", "is", null),
        eb("memberships.release_status", "!=", "approved"),
        eb("memberships.withdrawn_at", "is not", null),
      ]),
    )
    .select([
      "people.id",
      "people.name",
      "memberships.release_status",
      "memberships.withdrawn_at",
      "teams.number as team_number",
      "teams.name as team_name",
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

/** A person's current spell with a team, as a member or a mentor. */
type Spell = { person_id: number; team_id: number; since: string | null };

/**
 * Keeps the spells that end when the teams change as `team_periods` (from the day they began until `today`),
 * so each person's earlier sessions stay counted with the team they were in. Answers the day each spell after the
 * change began: unchanged spells keep theirs; new ones begin `today`. `today` is null before the teams are
 * published: nothing has happened in them yet, so nothing is kept and every spell is "from the start".
 */
async function keepEndedSpells(
  tx: Tx,
  cohortId: number,
  role: "member" | "mentor",
  before: Spell[],
  after: Array<{ personId: number; teamId: number }>,
  today: string | null,
  gone: number[] = [],
) {
  const key = (personId: number, teamId: number) => `${personId}:${teamId}`;
  const began = new Map(before.map((s) => [key(s.person_id, s.team_id), s.since]));
  const stays = new Set(after.map((a) => key(a.personId, a.teamId)));
  const ended =
    today === null
      ? []
      : before.filter(
          (s) =>
            !stays.has(key(s.person_id, s.team_id)) &&
            !gone.includes(s.team_id) &&
            (s.since === null || s.since < today),
        );
  if (ended.length)
    await tx
      .insertInto("team_periods")
      .values(
        ended.map((s) => ({
          cohort_id: cohortId,
          team_id: s.team_id,
          person_id: s.person_id,
          role,
          from_date: s.since,
          until_date: today!,
        })),
      )
      .execute();
  return (personId: number, teamId: number) => {
    const k = key(personId, teamId);
    return began.has(k) ? (began.get(k) ?? null) : today;
  };
}

/**
 * Replaces the cohort's team membership by `teams` (member ids per team, team 1 first), keeping the names of
 * teams that stay, and locks for `lockedIds`. Teams beyond the new count go, with their mentors. `today` is the
 * day of the change once the teams are published (spells that end are kept), null before.
 */
export async function saveTeams(
  tx: Tx,
  cohortId: number,
  teams: number[][],
  lockedIds: Set<number>,
  today: string | null = null,
) {
  const at = nowIso();
  const [existing, before] = await Promise.all([
    tx.selectFrom("teams").where("cohort_id", "=", cohortId).select(["id", "number"]).execute(),
    tx
      .selectFrom("team_members")
      .where("cohort_id", "=", cohortId)
      .select(["person_id", "team_id", "since"])
      .execute(),
  ]);
  const idOf = new Map(existing.map((t) => [t.number, t.id]));
  const extra = existing.filter((t) => t.number > teams.length).map((t) => t.id);
  await tx.deleteFrom("team_members").where("cohort_id", "=", cohortId).execute();
  const teamIds: number[] = [];
  for (const [index] of teams.entries()) {
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
    teamIds.push(teamId);
  }
  const after = teams.flatMap((members, index) =>
    members.map((personId) => ({ personId, teamId: teamIds[index]! })),
  );
  const sinceOf = await keepEndedSpells(tx, cohortId, "member", before, after, today, extra);
  if (extra.length) await tx.deleteFrom("teams").where("id", "in", extra).execute();
  if (after.length) {
    await tx
      .insertInto("team_members")
      .values(
        after.map(({ personId, teamId }) => ({
          team_id: teamId,
          cohort_id: cohortId,
          person_id: personId,
          locked: lockedIds.has(personId) ? 1 : 0,
          since: sinceOf(personId, teamId),
        })),
      )
      .execute();
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

/** Moves a participant to another team; `today` once the teams are published (their spell so far is kept). */
export async function moveMember(
  tx: Tx,
  cohortId: number,
  personId: number,
  teamId: number,
  today: string | null = null,
) {
  const before = await tx
    .selectFrom("team_members")
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .select(["person_id", "team_id", "since"])
    .execute();
  const sinceOf = await keepEndedSpells(tx, cohortId, "member", before, [{ personId, teamId }], today);
  await tx
    .updateTable("team_members")
    .set({ team_id: teamId, since: sinceOf(personId, teamId) })
    .where("cohort_id", "=", cohortId)
    .where("person_id", "=", personId)
    .execute();
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

/**
 * Replaces the mentors of the cohort's teams; `today` once the teams are published (the spells of mentors who
 * leave a team are kept).
 */
export async function replaceMentors(
  tx: Tx,
  cohortId: number,
  assignments: MentorAssignment[],
  today: string | null = null,
) {
  const teamIds = tx.selectFrom("teams").where("cohort_id", "=", cohortId).select("id");
  const before = await tx
    .selectFrom("team_mentors")
    .where("team_id", "in", teamIds)
    .select(["person_id", "team_id", "since"])
    .execute();
  const sinceOf = await keepEndedSpells(tx, cohortId, "mentor", before, assignments, today);
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
        since: sinceOf(a.personId, a.teamId),
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
const CHANGES_TO_EVERY_TEAM = ["teams.regenerated", "teams.restored"] satisfies AuditAction[];

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
  const placed = new Set(candidates.map((c) => c.id));
  const input: FormationInput = {
    people: candidates.map(teamPerson),
    teamCount,
    balance: settings.balance,
    notAlone: settings.notAlone,
    weights: settings.weights,
    // A locked person who is no longer placed (release withdrawn, left the cohort) is not a lock.
    locks: teams.flatMap((team) =>
      team.members
        .filter((m) => m.locked === 1 && placed.has(m.id))
        .map((m) => ({ personId: String(m.id), team: team.number })),
    ),
    keepApart: keepApart
      .filter((k) => placed.has(k.person_a) && placed.has(k.person_b))
      .map((k) => [String(k.person_a), String(k.person_b)] as [string, string]),
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

/** The teams as they are now, to keep as a version before a confirmed change. */
export function snapshotOf(teams: TeamsList): TeamsSnapshot {
  return {
    teams: teams.map((t) => ({
      number: t.number,
      name: t.name,
      members: t.members.map((m) => ({ personId: m.id, locked: m.locked === 1 })),
      mentors: t.mentors.map((m) => ({
        personId: m.id,
        sector: m.sector,
        overrideReason: m.override_reason,
      })),
    })),
  };
}

export async function saveTeamVersion(
  tx: Tx,
  version: {
    cohortId: number;
    savedBy: number | null;
    cause: TeamVersionCause;
    reason: string;
    snapshot: TeamsSnapshot;
  },
) {
  const { id } = await tx
    .insertInto("team_versions")
    .values({
      cohort_id: version.cohortId,
      saved_at: nowIso(),
      saved_by: version.savedBy,
      cause: version.cause,
      reason: version.reason,
      teams: JSON.stringify(version.snapshot),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The cohort's earlier versions of its teams, newest first, with who replaced them and why. */
export async function listTeamVersions(db: Db, cohortId: number) {
  return db
    .selectFrom("team_versions as v")
    .leftJoin("people as p", "p.id", "v.saved_by")
    .where("v.cohort_id", "=", cohortId)
    .select(["v.id", "v.saved_at", "v.cause", "v.reason", "p.name as saved_by_name"])
    .orderBy("v.id", "desc")
    .execute();
}

/** One earlier version of the cohort's teams, with its snapshot, or undefined. */
export async function getTeamVersion(db: Db, cohortId: number, versionId: number) {
  const row = await db
    .selectFrom("team_versions as v")
    .leftJoin("people as p", "p.id", "v.saved_by")
    .where("v.cohort_id", "=", cohortId)
    .where("v.id", "=", versionId)
    .select(["v.id", "v.saved_at", "v.cause", "v.reason", "v.teams", "p.name as saved_by_name"])
    .executeTakeFirst();
  return row && { ...row, snapshot: readSnapshot(row.teams) };
}

/** The names of these people, by id (for saying who would move). */
export async function namesOf(db: Db, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom("people").where("id", "in", personIds).select(["id", "name"]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Who would change team if the cohort's teams became `next` (members and mentors), with names and the texts of
 * the teams they would leave and join, members first, then by name.
 */
export async function movesTo(db: Db, teams: TeamsList, next: Placement) {
  const moves = movesBetween(placementOfSnapshot(snapshotOf(teams)), next);
  const names = await namesOf(
    db,
    moves.map((m) => m.personId),
  );
  const teamNames = new Map(teams.map((t) => [t.number, t.name]));
  return moves
    .map((m) => ({
      personId: m.personId,
      role: m.role,
      name: names.get(m.personId) ?? "Someone who has left",
      from: teamsText(m.from, teamNames),
      to: teamsText(m.to, teamNames),
    }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "member" ? -1 : 1));
}

export type TeamMove = Awaited<ReturnType<typeof movesTo>>[number];
