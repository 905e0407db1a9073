// Builds rows for tests through the same model functions the app uses.
import { hashPassword } from "~/auth/passwords.server";
import type { PitchDayDetails } from "~/domain/pitch-day";
import { createOrganisation, createPerson, setAdmin } from "~/models/person.server";
import { addPanelMember, createPitchEvent, replaceSlots, setScoringState } from "~/models/pitch.server";
import { addMembership, createCohort, createProgramme } from "~/models/programme.server";
import { replaceMentors } from "~/models/team.server";
import type { Db, Tx } from "../../db/connection";
import type { CohortRole, Sector } from "../../db/types";

export const TEST_PASSWORD = "violet tractor breakfast 47";

let sequence = 0;

let passwordHash: Promise<string> | undefined;

export async function makeOrganisation(db: Db, sector: Sector = "government", name?: string) {
  sequence += 1;
  const values = {
    name: name ?? `${sector === "government" ? "Department" : "Company"} ${sequence}`,
    sector,
    kind: sector === "government" ? "department" : "company",
    region: "england-and-wales" as const,
  };
  return inTransaction(db, (tx) => createOrganisation(tx, values));
}

/** A person with an account whose password is TEST_PASSWORD (or no password, when `active` is false). */
export async function makePerson(
  db: Db,
  options: {
    name?: string;
    email?: string;
    organisationId?: number | null;
    admin?: boolean;
    active?: boolean;
  } = {},
) {
  sequence += 1;
  const name = options.name ?? `Person ${sequence}`;
  const email = options.email ?? `person${sequence}@example.test`;
  const person = await inTransaction(db, async (tx) => {
    const created = await createPerson(tx, { name, email, organisationId: options.organisationId ?? null });
    if (options.admin) await setAdmin(tx, created.id, true);
    return created;
  });
  if (options.active !== false) {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    await db
      .updateTable("accounts")
      .set({ password_hash: await passwordHash, password_set_at: new Date().toISOString() })
      .where("person_id", "=", person.id)
      .execute();
  }
  return person;
}

/** Runs a model write in a transaction of its own, or in the one the factory was given. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Tx) : db.transaction().execute(work);
}

export async function makeProgramme(db: Db, name = `Programme ${++sequence}`) {
  return inTransaction(db, (tx) =>
    createProgramme(tx, { name, description: null, sponsorOrganisationId: null }),
  );
}

export async function makeCohort(
  db: Db,
  programmeId: number,
  options: { name?: string; startDate?: string } = {},
) {
  sequence += 1;
  return createCohort(db, programmeId, {
    name: options.name ?? `Cohort ${sequence}`,
    startDate: options.startDate ?? "2027-01-04",
    weeks: 12,
    teamCount: 6,
    status: "planning",
  });
}

export async function makeMember(
  db: Db,
  cohortId: number,
  role: CohortRole,
  options: Parameters<typeof makePerson>[1] = {},
) {
  const person = await makePerson(db, options);
  await addMembership(db, cohortId, person.id, role);
  // A test's participant is released by their line manager, so team formation places them.
  if (role === "participant")
    await db
      .updateTable("memberships")
      .set({ release_status: "approved" })
      .where("cohort_id", "=", cohortId)
      .where("person_id", "=", person.id)
      .execute();
  return person;
}

export type Actor = "admin" | CohortRole | "otherCohort";

/**
 * Two cohorts of one programme: cohort A has one person in each role; cohort B has a coordinator and a
 * participant, who stand for "a member of a different cohort". Every account's password is TEST_PASSWORD.
 */
export async function makeWorld(db: Db) {
  const government = await makeOrganisation(db, "government");
  const industry = await makeOrganisation(db, "industry");
  const programme = await makeProgramme(db, "Tech Connect");
  const cohortA = await makeCohort(db, programme.id, { name: "Cohort A" });
  const cohortB = await makeCohort(db, programme.id, { name: "Cohort B" });
  const admin = await makePerson(db, { name: "Ada Admin", email: "admin@example.test", admin: true });
  const coordinator = await makeMember(db, cohortA.id, "coordinator", {
    name: "Cora Coordinator",
    email: "coordinator@example.test",
  });
  const mentor = await makeMember(db, cohortA.id, "mentor", {
    name: "Max Mentor",
    email: "mentor@example.test",
    organisationId: industry.id,
  });
  const participant = await makeMember(db, cohortA.id, "participant", {
    name: "Pat Participant",
    email: "participant@example.test",
    organisationId: government.id,
  });
  const leader = await makeMember(db, cohortA.id, "leader", {
    name: "Lee Leader",
    email: "leader@example.test",
  });
  const otherCohort = await makeMember(db, cohortB.id, "coordinator", {
    name: "Oli Other",
    email: "other@example.test",
  });
  const otherParticipant = await makeMember(db, cohortB.id, "participant", {
    name: "Opal Other",
    email: "other-participant@example.test",
  });
  const sponsor = await makeMember(db, cohortA.id, "sponsor", {
    name: "Sam Sponsor",
    email: "sponsor@example.test",
    organisationId: government.id,
  });
  const people = { admin, coordinator, mentor, participant, leader, otherCohort, sponsor };
  return { government, industry, programme, cohortA, cohortB, people, otherParticipant };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

const TEAM_PROFESSIONS = [
  "Software development",
  "Data",
  "Product and delivery",
  "User-centred design",
  "Cyber security",
];

/**
 * Fills a cohort for team formation: `participants` people spread over four departments and six companies (half
 * each), with professions, and two mentors per team (one per sector) from organisations of their own sector.
 */
export async function makeTeamCohort(
  db: Db,
  cohortId: number,
  options: { participants?: number; teams?: number; prefix?: string } = {},
) {
  const count = options.participants ?? 30;
  const teams = options.teams ?? 6;
  const prefix = options.prefix ?? "Team";
  const departments = await Promise.all(
    ["Revenue", "Pensions", "Justice", "Education"].map((name) =>
      makeOrganisation(db, "government", `${prefix} ${name} Department`),
    ),
  );
  const companies = await Promise.all(
    ["Kestrel", "Meridian", "Oakfield", "Pennine", "Quayside", "Solent"].map((name) =>
      makeOrganisation(db, "industry", `${prefix} ${name} Ltd`),
    ),
  );
  const participants = [];
  for (let i = 0; i < count; i++) {
    const government = i % 2 === 0;
    const orgs = government ? departments : companies;
    const org = orgs[Math.floor(i / 2) % orgs.length]!;
    const person = await makeMember(db, cohortId, "participant", {
      name: `${prefix} Participant ${String(i + 1).padStart(2, "0")}`,
      email: `${prefix.toLowerCase().replace(/\W/g, "")}.participant${i + 1}@example.test`,
      organisationId: org.id,
    });
    await db
      .updateTable("people")
      .set({ profession: TEAM_PROFESSIONS[i % TEAM_PROFESSIONS.length]! })
      .where("id", "=", person.id)
      .execute();
    participants.push(person);
  }
  const mentors = [];
  for (let i = 0; i < teams; i++) {
    for (const government of [true, false]) {
      // The first mentor of each sector shares an organisation with some participants; the rest do not.
      const org =
        i === 0
          ? (government ? departments : companies)[0]!
          : await makeOrganisation(
              db,
              government ? "government" : "industry",
              `${prefix} Mentor Org ${government ? "G" : "I"}${i + 1}`,
            );
      const mentor = await makeMember(db, cohortId, "mentor", {
        name: `${prefix} ${government ? "Government" : "Industry"} Mentor ${i + 1}`,
        email: `${prefix.toLowerCase().replace(/\W/g, "")}.${government ? "gov" : "ind"}mentor${i + 1}@example.test`,
        organisationId: org.id,
      });
      mentors.push(mentor);
    }
  }
  return { participants, mentors, departments, companies };
}

/** Pitch-day settings for tests: 25 March 2027 at 10:00, 10 + 5 + 5 minutes a slot, a break after slot 3. */
export const PITCH_DAY: PitchDayDetails = {
  date: "2027-03-25",
  startTime: "10:00",
  venue: "HMRC, 100 Parliament Street",
  onlineLink: null,
  pitchMinutes: 10,
  questionsMinutes: 5,
  changeoverMinutes: 5,
  breakAfter: 3,
  breakMinutes: 15,
  feedbackAttribution: "attributed",
};

/**
 * The world's cohort A with one team (the world's participant, mentored by the world's mentor), a pitch day
 * with that team in its running order, the world's leader on the panel and scoring open.
 */
export async function makeWorldPitchDay(db: Db, world: World) {
  const at = new Date().toISOString();
  const team = await db
    .insertInto("teams")
    .values({ cohort_id: world.cohortA.id, number: 1, name: "Blue", created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("team_members")
    .values({ team_id: team.id, cohort_id: world.cohortA.id, person_id: world.people.participant.id })
    .execute();
  const event = await db.transaction().execute(async (tx) => {
    await replaceMentors(tx, world.cohortA.id, [
      { teamId: team.id, personId: world.people.mentor.id, sector: "industry", overrideReason: null },
    ]);
    const created = await createPitchEvent(tx, world.cohortA.id, PITCH_DAY);
    await replaceSlots(tx, created.id, [team.id], null);
    await addPanelMember(tx, created.id, world.people.leader.id);
    await setScoringState(tx, created.id, "open");
    return created;
  });
  return { teamId: team.id, eventId: event.id };
}

/**
 * A cohort ready for its pitch day: three teams of two participants (each with a mentor), three senior leaders
 * (the third works at team 1's first member's organisation) and a coordinator; no pitch day yet.
 * People's emails start with `prefix`; every password is TEST_PASSWORD.
 */
export async function makePitchDayCohort(db: Db, programmeId: number, prefix: string) {
  const cohort = await makeCohort(db, programmeId, { name: `${prefix} pitch cohort` });
  const p = prefix.toLowerCase();
  const coordinator = await makeMember(db, cohort.id, "coordinator", {
    name: `${prefix} Coordinator`,
    email: `${p}.coordinator@example.test`,
  });
  const orgs = await Promise.all(
    [1, 2, 3, 4, 5, 6].map((n) =>
      makeOrganisation(db, n % 2 ? "government" : "industry", `${prefix} Org ${n}`),
    ),
  );
  const teams: Array<{ id: number; number: number; members: Array<{ id: number; email: string }> }> = [];
  const at = new Date().toISOString();
  for (let number = 1; number <= 3; number++) {
    const team = await db
      .insertInto("teams")
      .values({ cohort_id: cohort.id, number, name: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const members = [];
    for (let i = 1; i <= 2; i++) {
      const email = `${p}.t${number}p${i}@example.test`;
      const person = await makeMember(db, cohort.id, "participant", {
        name: `${prefix} Team ${number} Person ${i}`,
        email,
        organisationId: orgs[(number - 1) * 2 + (i - 1)]!.id,
      });
      await db
        .insertInto("team_members")
        .values({ team_id: team.id, cohort_id: cohort.id, person_id: person.id })
        .execute();
      members.push({ id: person.id, email });
    }
    const mentor = await makeMember(db, cohort.id, "mentor", {
      name: `${prefix} Mentor ${number}`,
      email: `${p}.mentor${number}@example.test`,
    });
    await replaceMentorsOfTeam(db, team.id, mentor.id);
    teams.push({ id: team.id, number, members });
  }
  const leaders = [];
  for (const n of [1, 2, 3]) {
    leaders.push(
      await makeMember(db, cohort.id, "leader", {
        name: `${prefix} Leader ${n}`,
        email: `${p}.leader${n}@example.test`,
        // Leader 3 works where team 1's first member works: in conflict with team 1.
        organisationId: n === 3 ? orgs[0]!.id : null,
      }),
    );
  }
  return { cohort, coordinator, teams, leaders };
}

async function replaceMentorsOfTeam(db: Db, teamId: number, personId: number) {
  await db
    .insertInto("team_mentors")
    .values({
      team_id: teamId,
      person_id: personId,
      sector: "industry",
      override_reason: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}
