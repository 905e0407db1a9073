// Builds rows for tests through the same model functions the app uses.
import { hashPassword } from "~/auth/passwords.server";
import { createOrganisation, createPerson, setAdmin } from "~/models/person.server";
import { addMembership, createCohort, createProgramme } from "~/models/programme.server";
import type { Db } from "../../db/connection";
import type { CohortRole, Sector } from "../../db/types";

export const TEST_PASSWORD = "violet tractor breakfast 47";

let sequence = 0;
let passwordHash: Promise<string> | undefined;

export async function makeOrganisation(db: Db, sector: Sector = "government", name?: string) {
  sequence += 1;
  return createOrganisation(db, {
    name: name ?? `${sector === "government" ? "Department" : "Company"} ${sequence}`,
    sector,
    kind: sector === "government" ? "department" : "company",
    region: "england-and-wales",
  });
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
  const person = await createPerson(db, {
    name,
    email: options.email ?? `person${sequence}@example.test`,
    organisationId: options.organisationId ?? null,
  });
  if (options.active !== false) {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    await db
      .updateTable("accounts")
      .set({ password_hash: await passwordHash, password_set_at: new Date().toISOString() })
      .where("person_id", "=", person.id)
      .execute();
  }
  if (options.admin) await setAdmin(db, person.id, true);
  return person;
}

export async function makeProgramme(db: Db, name = `Programme ${++sequence}`) {
  return createProgramme(db, { name, description: null, sponsorOrganisationId: null });
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
