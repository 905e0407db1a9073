// One realistic Tech Connect cohort: a sponsor department, ten member companies, fast streamers, mentors,
// senior leaders, a coordinator and an administrator. Every password is random and returned once.
import { randomBytes } from "node:crypto";
import { startOfWeek, subWeeks } from "date-fns";
import { hashPassword } from "~/auth/passwords.server";
import type { Db, Tx } from "~/db.server";
import { planVisitRota } from "~/domain/visit-rota";
import { recordAudit } from "~/models/audit.server";
import { addOrganisationToCohort, listCohortOrganisations } from "~/models/cohort-organisation.server";
import { createOrganisation, createPerson, setAdmin } from "~/models/person.server";
import { addMembership, createCohort, createProgramme, getCohort } from "~/models/programme.server";
import { openPhase } from "~/models/skills.server";
import { createPlannedVisits, recordAttendance } from "~/models/visit.server";
import { nowIso } from "~/time";
import { todayInLondon } from "../app/domain/calendar";
import type { CohortRole, Region, Sector } from "../db/types";

type Org = { name: string; sector: Sector; kind: string; region: Region; domain: string };

const GOVERNMENT: Org[] = [
  {
    name: "HM Revenue & Customs",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "hmrc",
  },
  {
    name: "Department for Work and Pensions",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "dwp",
  },
  {
    name: "Home Office",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "homeoffice",
  },
  {
    name: "Ministry of Justice",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "justice",
  },
  {
    name: "Department for Education",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "education",
  },
  {
    name: "Cabinet Office",
    sector: "government",
    kind: "department",
    region: "england-and-wales",
    domain: "cabinetoffice",
  },
  {
    name: "Scottish Government",
    sector: "government",
    kind: "devolved administration",
    region: "scotland",
    domain: "gov-scot",
  },
  {
    name: "Companies House",
    sector: "government",
    kind: "agency",
    region: "england-and-wales",
    domain: "companieshouse",
  },
];

const COMPANIES: Org[] = [
  {
    name: "Brightwater Consulting",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "brightwater",
  },
  {
    name: "Kestrel Systems",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "kestrel",
  },
  {
    name: "Meridian Data",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "meridiandata",
  },
  {
    name: "Oakfield Technology",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "oakfield",
  },
  {
    name: "Pennine Cloud",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "penninecloud",
  },
  {
    name: "Quayside Software",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "quayside",
  },
  {
    name: "Redbrick Analytics",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "redbrick",
  },
  {
    name: "Solent Security",
    sector: "industry",
    kind: "company",
    region: "england-and-wales",
    domain: "solent",
  },
  { name: "Thistle Networks", sector: "industry", kind: "company", region: "scotland", domain: "thistle" },
  { name: "Lagan Digital", sector: "industry", kind: "company", region: "northern-ireland", domain: "lagan" },
];

const TRADE_BODY: Org = {
  name: "techUK",
  sector: "industry",
  kind: "trade body",
  region: "england-and-wales",
  domain: "techuk",
};

const PROFESSIONS = [
  "Software development",
  "Data",
  "Product and delivery",
  "User-centred design",
  "Architecture",
  "IT operations",
  "Cyber security",
  "Data science",
];

const CIVIL_SERVANTS = [
  "Priya Shah",
  "Tom Gallagher",
  "Aisha Bello",
  "Rhys Morgan",
  "Hannah Okafor",
  "Callum Reid",
  "Mei Lin Chen",
  "Daniel Price",
  "Fatima Hussain",
  "George Whitfield",
  "Niamh Doyle",
  "Samuel Adeyemi",
  "Chloe Barker",
  "Imran Qureshi",
  "Eleanor Hughes",
  "Jack Thornton",
  "Zara Ahmed",
  "Owen Lewis",
  "Grace Mensah",
  "Ruairidh Fraser",
];

const INDUSTRY = [
  "Oliver Bennett",
  "Amara Nwosu",
  "Lucy Fairclough",
  "Harvey Singh",
  "Sophie Marsh",
  "Kwame Asante",
  "Isla Campbell",
  "Ethan Rowe",
  "Leah Goldberg",
  "Mohammed Rahman",
  "Freya Lindqvist",
  "Nathan Cole",
  "Ruby Patel",
  "Joel Henderson",
  "Tara Kavanagh",
  "Yusuf Karim",
  "Emily Sanderson",
  "Ciaran McAuley",
  "Bethany Clarke",
  "Arjun Mehta",
];

const GOVERNMENT_MENTORS = [
  ["Helen Carter", "Deputy Director, Digital Services"],
  ["Marcus Obi", "Head of Data Engineering"],
  ["Siobhan Walsh", "Chief Architect"],
  ["Peter Lindsay", "Head of Product"],
  ["Anjali Rao", "Head of User-Centred Design"],
  ["David Kerr", "Head of Cyber Security"],
] as const;

const INDUSTRY_MENTORS = [
  ["Rebecca Stone", "Client Partner, Public Sector"],
  ["James Achterberg", "Principal Engineer"],
  ["Nadia Haddad", "Director of Data"],
  ["Stuart McKenzie", "Head of Delivery"],
  ["Olivia Grant", "Lead Consultant"],
  ["Ben Okonkwo", "Solutions Architect"],
] as const;

const LEADERS: Array<[string, string, string]> = [
  ["Dame Caroline Hale", "Chief Digital and Information Officer", "HM Revenue & Customs"],
  ["Richard Ansell", "Director General, Digital", "Department for Work and Pensions"],
  ["Sarah Whitmore", "Chair, Public Services Board", "techUK"],
  ["Andrew Pryce", "Chief Executive", "Kestrel Systems"],
  ["Joanna Ferreira", "Managing Director, Government", "Meridian Data"],
];

export type DemoAccount = { role: CohortRole | "admin"; name: string; email: string; password: string };

function email(name: string, domain: string): string {
  const [first = "", ...rest] = name
    .replace(/^(Dame|Sir) /, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .split(" ");
  return `${first}.${rest.join("")}@${domain}.example`;
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

/** The cohort starts on the Monday five weeks before today, so the demo is always mid-programme. */
export function demoStartDate(today = todayInLondon()): string {
  const monday = startOfWeek(subWeeks(new Date(`${today}T12:00:00`), 5), { weekStartsOn: 1 });
  return `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, "0")}-${String(monday.getDate()).padStart(2, "0")}`;
}

/** Fills an empty database with the demo cohort; returns every account with its one-time-printed password. */
export async function seedDemo(db: Db): Promise<{ cohortId: number; accounts: DemoAccount[] }> {
  const existing = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0)
    throw new Error("The database already has people in it: seed-demo needs an empty database");

  const planned: Array<{
    name: string;
    email: string;
    org: string;
    role: CohortRole | "admin";
    jobTitle: string;
    profession: string | null;
  }> = [];
  CIVIL_SERVANTS.forEach((name, i) => {
    const org = GOVERNMENT[i % GOVERNMENT.length]!;
    planned.push({
      name,
      email: email(name, org.domain),
      org: org.name,
      role: "participant",
      jobTitle: "DDaT Fast Streamer (year 3)",
      profession: PROFESSIONS[i % PROFESSIONS.length]!,
    });
  });
  INDUSTRY.forEach((name, i) => {
    const org = COMPANIES[Math.floor(i / 2)]!;
    planned.push({
      name,
      email: email(name, org.domain),
      org: org.name,
      role: "participant",
      jobTitle: i % 2 ? "Graduate Consultant" : "Associate Engineer",
      profession: PROFESSIONS[(i + 3) % PROFESSIONS.length]!,
    });
  });
  GOVERNMENT_MENTORS.forEach(([name, jobTitle], i) => {
    const org = GOVERNMENT[(i * 3 + 1) % GOVERNMENT.length]!;
    planned.push({
      name,
      email: email(name, org.domain),
      org: org.name,
      role: "mentor",
      jobTitle,
      profession: null,
    });
  });
  INDUSTRY_MENTORS.forEach(([name, jobTitle], i) => {
    const org = COMPANIES[(i * 3 + 2) % COMPANIES.length]!;
    planned.push({
      name,
      email: email(name, org.domain),
      org: org.name,
      role: "mentor",
      jobTitle,
      profession: null,
    });
  });
  for (const [name, jobTitle, orgName] of LEADERS) {
    const org = [...GOVERNMENT, ...COMPANIES, TRADE_BODY].find((o) => o.name === orgName)!;
    planned.push({
      name,
      email: email(name, org.domain),
      org: org.name,
      role: "leader",
      jobTitle,
      profession: null,
    });
  }
  planned.push({
    name: "Fiona Marsden",
    email: email("Fiona Marsden", TRADE_BODY.domain),
    org: TRADE_BODY.name,
    role: "coordinator",
    jobTitle: "Programme Manager, Tech Connect",
    profession: null,
  });
  planned.push({
    name: "Gareth Llewellyn",
    email: email("Gareth Llewellyn", "hmrc"),
    org: "HM Revenue & Customs",
    role: "sponsor",
    jobTitle: "Head of Digital Capability, sponsor of Tech Connect",
    profession: null,
  });
  planned.push({
    name: "Alex Morgan",
    email: "tandem.admin@hmrc.example",
    org: "HM Revenue & Customs",
    role: "admin",
    jobTitle: "Service Owner, Tandem",
    profession: null,
  });

  const accounts = planned.map((p) => ({
    role: p.role,
    name: p.name,
    email: p.email,
    password: randomPassword(),
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  const cohortId = await db.transaction().execute(async (tx) => {
    const orgIds = new Map<string, number>();
    for (const org of [...GOVERNMENT, ...COMPANIES, TRADE_BODY]) {
      const { domain: _domain, ...values } = org;
      orgIds.set(org.name, (await createOrganisation(tx, values)).id);
    }
    const programme = await createProgramme(tx, {
      name: "Tech Connect",
      description:
        "techUK's Public Services Board and the Civil Service DDaT Fast Stream bring young civil servants and tech professionals together for twelve weeks to solve public-sector problems.",
      sponsorOrganisationId: orgIds.get("HM Revenue & Customs") ?? null,
    });
    const startDate = demoStartDate();
    const cohort = await createCohort(tx, programme.id, {
      name: `Tech Connect ${startDate.slice(0, 4)}`,
      startDate,
      weeks: 12,
      teamCount: 6,
      status: "running",
    });
    const at = nowIso();
    for (const [i, p] of planned.entries()) {
      const person = await createPerson(tx, {
        name: p.name,
        email: p.email,
        organisationId: orgIds.get(p.org) ?? null,
        jobTitle: p.jobTitle,
        profession: p.profession,
      });
      await tx
        .updateTable("accounts")
        .set({ password_hash: hashes[i]!, password_set_at: at })
        .where("person_id", "=", person.id)
        .execute();
      if (p.role === "admin") await setAdmin(tx, person.id, true);
      else await addMembership(tx, cohort.id, person.id, p.role);
    }
    await seedCohortSetup(tx, cohort.id, orgIds, planned);
    await seedReports(tx, cohort.id, programme.id, orgIds);
    await recordAudit(tx, {
      actorId: null,
      action: "demo.seeded",
      subjectType: "cohort",
      subjectId: cohort.id,
      cohortId: cohort.id,
      details: { people: planned.length },
    });
    return cohort.id;
  });
  return { cohortId, accounts };
}

const VISIT_ADDRESSES: Record<string, string> = {
  "Brightwater Consulting": "14 Wellington Place, Leeds LS1 4AP",
  "Kestrel Systems": "2 Kingdom Street, London W2 6BD",
  "Meridian Data": "100 Barbirolli Square, Manchester M2 3BD",
  "Oakfield Technology": "1 Brindleyplace, Birmingham B1 2JB",
  "Pennine Cloud": "3 Whitehall Quay, Leeds LS1 4BF",
  "Quayside Software": "Baltic Place, Gateshead NE8 3BA",
  "Redbrick Analytics": "20 Chapel Street, Liverpool L3 9AG",
  "Solent Security": "Ocean Village, Southampton SO14 3JZ",
  "Thistle Networks": "1 Exchange Crescent, Edinburgh EH3 8UL",
  "Lagan Digital": "Lanyon Plaza, Belfast BT1 3LP",
};

/**
 * The cohort's set-up: every organisation with its quota (companies host a visit), line manager releases (most
 * approved, a few still requested, one declined), the visit rota the planner proposes, and attendance at the
 * visits already held.
 */
async function seedCohortSetup(
  tx: Tx,
  cohortId: number,
  orgIds: Map<string, number>,
  planned: Array<{ email: string; role: string }>,
) {
  const cohort = await getCohort(tx, cohortId);
  if (!cohort) throw new Error("The demo cohort is missing");
  for (const org of [...GOVERNMENT, ...COMPANIES]) {
    const id = orgIds.get(org.name)!;
    const isCompany = org.kind === "company";
    await addOrganisationToCohort(tx, cohortId, { id, sector: org.sector }, { hostsVisit: isCompany });
    if (isCompany) {
      await tx
        .updateTable("cohort_organisations")
        .set({
          address: VISIT_ADDRESSES[org.name] ?? null,
          contact_name: "Programme day lead",
          contact_email: `programme.days@${org.domain}.example`,
        })
        .where("cohort_id", "=", cohortId)
        .where("organisation_id", "=", id)
        .execute();
    }
  }
  const participants = await tx
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .where("memberships.cohort_id", "=", cohortId)
    .where("memberships.role", "=", "participant")
    .select(["memberships.id", "people.id as personId", "people.email"])
    .orderBy("people.name")
    .execute();
  for (const [i, p] of participants.entries()) {
    const status = i === 7 ? "declined" : i % 11 === 3 ? "requested" : "approved";
    await tx
      .updateTable("memberships")
      .set({ release_status: status, line_manager_email: `line.manager@${p.email.split("@")[1]}` })
      .where("id", "=", p.id)
      .execute();
  }
  const hosts = await listCohortOrganisations(tx, cohortId);
  const rota = planVisitRota({
    start: cohort.start_date,
    weeks: cohort.weeks,
    weekday: cohort.visit_weekday,
    hosts: hosts
      .filter((h) => h.hosts_visit)
      .map((h) => ({ key: String(h.organisation_id), name: h.name, region: h.region, unavailable: [] })),
  });
  if (!rota.ok) throw new Error(`The demo rota could not be planned: ${rota.problems.join("; ")}`);
  await createPlannedVisits(
    tx,
    cohort,
    rota.visits.map((v) => ({ organisationId: Number(v.key), date: v.date })),
  );
  const today = todayInLondon();
  await tx
    .updateTable("visits")
    .set({
      status: "confirmed",
      agenda: "Welcome and coffee; how we work with government clients; lab tour; Q&A",
    })
    .where("cohort_id", "=", cohortId)
    .where("date", "<=", addDaysIso(today, 28))
    .execute();
  const held = await tx
    .selectFrom("visits")
    .where("cohort_id", "=", cohortId)
    .where("date", "<", today)
    .select("id")
    .orderBy("date")
    .execute();
  const coordinator = await tx
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("role", "=", "coordinator")
    .select("person_id")
    .executeTakeFirst();
  for (const [v, visit] of held.entries()) {
    await recordAttendance(
      tx,
      visit.id,
      participants.map((p, i) => ({
        personId: p.personId,
        status: (i + v) % 13 === 0 ? "apologies" : (i * 7 + v) % 29 === 0 ? "absent" : "attended",
      })),
      coordinator?.person_id ?? planned.length,
    );
  }
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ROLE_ORDER: Array<DemoAccount["role"]> = [
  "admin",
  "coordinator",
  "mentor",
  "leader",
  "participant",
  "sponsor",
];

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const lines: string[] = [];
  for (const role of ROLE_ORDER) {
    const group = accounts.filter((a) => a.role === role);
    if (group.length === 0) continue;
    lines.push(
      "",
      `  ${role === "admin" ? "System administrator" : `${role[0]!.toUpperCase()}${role.slice(1)}s`}:`,
    );
    for (const a of group) lines.push(`    ${a.email.padEnd(width)}  ${a.password}   ${a.name}`);
  }
  return lines.join("\n");
}

/**
 * Reports: the start-of-programme skills questionnaire (its deadline extended to a fortnight from now) answered by
 * most participants, and a past cohort of the programme that ended over 24 months ago, with teams and outcomes,
 * for the programme view and for `npm run tandem -- retention` to find.
 */
async function seedReports(tx: Tx, cohortId: number, programmeId: number, orgIds: Map<string, number>) {
  const today = todayInLondon();
  await openPhase(tx, cohortId, "start", addDaysIso(today, 14), 0);
  const questions = await tx
    .selectFrom("skills_questions")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .execute();
  const participants = await tx
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("role", "=", "participant")
    .select("person_id")
    .orderBy("person_id")
    .execute();
  const at = nowIso();
  for (const [i, p] of participants.entries()) {
    if (i % 7 === 6) continue;
    await tx
      .insertInto("skills_answers")
      .values(
        questions.map((q, j) => ({
          cohort_id: cohortId,
          person_id: p.person_id,
          question_id: q.id,
          phase: "start" as const,
          confidence: 1 + ((i * 3 + j * j) % (2 + (j % 3))),
          submitted_at: at,
        })),
      )
      .execute();
  }

  const past = await createCohort(tx, programmeId, {
    name: "Tech Connect pilot",
    startDate: "2022-09-05",
    weeks: 12,
    teamCount: 2,
    status: "finished",
  });
  const orgs = [
    "HM Revenue & Customs",
    "Kestrel Systems",
    "Department for Work and Pensions",
    "Meridian Data",
  ];
  const names = [
    "Rosa Pennington",
    "Idris Kamara",
    "Maeve Sullivan",
    "Felix Adebayo",
    "Nina Kowalski",
    "Hugo Barnes",
  ];
  const teamIds: number[] = [];
  for (const number of [1, 2]) {
    const team = await tx
      .insertInto("teams")
      .values({
        cohort_id: past.id,
        number,
        name: number === 1 ? "Ledger" : "Signpost",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    teamIds.push(team.id);
  }
  for (const [i, name] of names.entries()) {
    const org = orgs[i % orgs.length]!;
    const person = await createPerson(tx, {
      name,
      email: email(name, i % 2 ? "pilot-industry" : "pilot-government"),
      organisationId: orgIds.get(org) ?? null,
      profession: PROFESSIONS[i % PROFESSIONS.length]!,
    });
    await addMembership(tx, past.id, person.id, "participant");
    await tx
      .insertInto("team_members")
      .values({ team_id: teamIds[i % 2]!, cohort_id: past.id, person_id: person.id })
      .execute();
  }
  await tx
    .insertInto("team_outcomes")
    .values([
      {
        team_id: teamIds[0]!,
        follow_up: "3-months",
        status: "under-consideration",
        note: "Presented to the HMRC digital board",
        recorded_by: null,
        recorded_at: at,
      },
      {
        team_id: teamIds[0]!,
        follow_up: "6-months",
        status: "piloted",
        note: "Piloted with one regional office",
        recorded_by: null,
        recorded_at: at,
      },
      {
        team_id: teamIds[1]!,
        follow_up: "3-months",
        status: "not-taken-forward",
        note: "Overlapped with an existing GOV.UK service",
        recorded_by: null,
        recorded_at: at,
      },
    ])
    .execute();
}
