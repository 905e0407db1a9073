// One realistic Tech Connect cohort: a sponsor department, ten member companies, fast streamers, mentors,
// senior leaders, a coordinator and an administrator. Every password is random and returned once.
import { randomBytes } from "node:crypto";
import { startOfWeek, subWeeks } from "date-fns";
import { hashPassword } from "~/auth/passwords.server";
import { newTotpKey, totpUri } from "~/auth/totp.server";
import { seedDemoData } from "~/commands/accounts.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { pairMentors } from "~/domain/mentor-pairing";
import { statementDeadline } from "~/domain/problem-statement";
import { formTeams } from "~/domain/team-formation";
import { DEFAULT_TEAM_SETTINGS } from "~/domain/team-settings";
import { planVisitRota } from "~/domain/visit-rota";
import { COHORT_ROLES } from "~/domain/vocabulary";
import { addOrganisationToCohort, listCohortOrganisations } from "~/models/cohort-organisation.server";
import { createSession } from "~/models/mentoring.server";
import { createOrganisation, createPerson, setAdmin } from "~/models/person.server";
import {
  addPanelMember,
  createPitchEvent,
  listRubric,
  releaseResults,
  replaceSlots,
  saveSheet,
  setScoringState,
} from "~/models/pitch.server";
import { recordReviews, saveStatementVersion, submitStatement } from "~/models/problem-statement.server";
import { addMembership, createCohort, createProgramme, getCohort } from "~/models/programme.server";
import { saveSecondFactor } from "~/models/second-factor.server";
import { openPhase } from "~/models/skills.server";
import {
  formationInputFor,
  listCohortMentors,
  listTeams,
  publishTeams,
  replaceMentors,
  saveTeams,
} from "~/models/team.server";
import { createPlannedVisits, recordAttendance } from "~/models/visit.server";
import { sealSecret } from "~/utils/secret-box.server";
import { nowIso } from "~/utils/time";
import { todayInLondon } from "../app/domain/calendar";
import type { Db, Tx } from "../db/connection";
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

export type DemoAccount = {
  role: CohortRole | "admin";
  name: string;
  email: string;
  password: string;
  /** The authenticator key (base32) of those who must use two-step verification, set up already; else null. */
  totpKey: string | null;
};

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

  // Administrators and coordinators must use two-step verification: set up already, so the demo does not stop a
  // newcomer at the set-up page; the printed accounts give the key and how to get a code.
  const accounts: DemoAccount[] = planned.map((p) => ({
    role: p.role,
    name: p.name,
    email: p.email,
    password: randomPassword(),
    totpKey: p.role === "admin" || p.role === "coordinator" ? newTotpKey() : null,
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  const seeded = await run(db, SYSTEM, seedDemoData, {
    seed: async (tx) => {
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
        const key = accounts[i]!.totpKey;
        if (key) await saveSecondFactor(tx, person.id, sealSecret(key), null);
      }
      await seedCohortSetup(tx, cohort.id, orgIds, planned);
      await seedReports(tx, cohort.id, programme.id, orgIds);
      await seedMentoring(tx, cohort.id);
      return { cohortId: cohort.id, people: planned.length };
    },
  });
  if (!seeded.ok) throw new Error("The demo data could not be written");
  return { cohortId: seeded.cohortId, accounts };
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
  const releaseOf = (i: number) => (i === 7 ? "declined" : i % 11 === 3 ? "requested" : "approved");
  for (const [i, p] of participants.entries()) {
    const status = releaseOf(i);
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
      // The participant whose line manager declined their release is not on the register.
      participants.flatMap((p, i) =>
        releaseOf(i) === "declined"
          ? []
          : [
              {
                personId: p.personId,
                status: (i + v) % 13 === 0 ? "apologies" : (i * 7 + v) % 29 === 0 ? "absent" : "attended",
              } as const,
            ],
      ),
      coordinator?.person_id ?? planned.length,
    );
  }
}

/**
 * The teams' problem statements: each a real-sounding UK public-sector problem, told the same way from the title
 * down. `draft` is the first version's problem, before the team found its evidence.
 */
const STATEMENTS = [
  {
    title: "Self Assessment refunds take weeks to reach taxpayers",
    category: "operational" as const,
    department: "HM Revenue & Customs: Self Assessment",
    draft: "Self Assessment refunds are slow and taxpayers cannot tell why.",
    problem:
      "After filing a Self Assessment return, taxpayers owed a refund often wait several weeks for it, with no way to see where it has got to. Many phone the HMRC helpline to chase it, and those calls take staff away from checking the refunds themselves.",
    affected:
      "Self Assessment taxpayers owed a refund, especially the self-employed and pensioners who rely on it, and the HMRC staff who check refunds and answer the helpline.",
    evidence:
      "Helpline call logs for the weeks after the 31 January deadline, complaints about delayed refunds and six interviews with refund caseworkers.",
    approach:
      "Show taxpayers in their online account where their refund is, why it is being checked and when it is likely to be paid, using the status HMRC's systems already hold.",
    successMeasures:
      "Fewer helpline calls chasing refunds; a shorter time from return to refund; fewer complaints about delays.",
  },
  {
    title: "Prison leavers without ID cannot rent or open a bank account",
    category: "policy" as const,
    department: "Ministry of Justice: HM Prison and Probation Service",
    draft: "Prison leavers often have no ID, so they cannot rent or open a bank account.",
    problem:
      "Many people leave prison without photo ID or proof of address. Without them they cannot open a bank account, so wages and Universal Credit cannot be paid to them, and landlords will not rent to them. That makes reoffending in the first weeks after release more likely.",
    affected:
      "People leaving prison, the prison resettlement staff and probation practitioners who help them, and the banks and housing providers they turn to.",
    evidence:
      "HMPPS resettlement data on the ID people hold at release, interviews with eight probation practitioners and a charity's survey of prison leavers.",
    approach:
      "Start ID and bank account applications in the last weeks of a sentence, with a verified letter from the prison that banks and landlords accept, tracked by the resettlement team.",
    successMeasures:
      "More prison leavers with a bank account on the day of release; fewer without settled accommodation three months later.",
  },
  {
    title: "Legacy case systems make Universal Credit appeals slow",
    category: "technology" as const,
    department: "Department for Work and Pensions: Universal Credit",
    draft: "Universal Credit appeals are slow because of old case systems.",
    problem:
      "When a claimant asks DWP to look again at a Universal Credit decision, staff gather the papers by hand from several older case systems before anyone can consider it. The reconsideration, and any appeal to a tribunal after it, waits weeks for papers that already exist.",
    affected:
      "Universal Credit claimants challenging a decision, often while short of money, and the DWP decision makers and appeals staff who put the papers together.",
    evidence:
      "DWP statistics on how long mandatory reconsiderations take, tribunal bundle preparation times and interviews with four decision makers.",
    approach:
      "Put the reconsideration papers together automatically from the systems that hold them, so a decision maker has the whole case on the first day.",
    // The mentor who has not approved it asks for a clearer measure (seedStatement).
    successMeasures: "Appeals are decided sooner.",
  },
  {
    title: "Schools re-enter the same pupil data in four returns",
    category: "technology" as const,
    department: "Department for Education: school data collections",
    draft: "Schools enter the same pupil data again for each of four returns.",
    problem:
      "School business managers type the same pupil details into the school census, the attendance return, the exclusions return and the special educational needs return. Each return has its own format and deadline, so the same mistakes are corrected several times.",
    affected:
      "School business managers and data officers, the head teachers who sign off the returns, and the Department for Education and local authority teams who use the pupil data.",
    // Still a draft: the team has not written up its evidence yet.
    evidence: "",
    approach:
      "Collect each pupil's details once from the school's management information system and reuse them in every return.",
    successMeasures: "Less time spent on each return; fewer corrections after the census deadline.",
  },
  {
    title: "Companies House cannot spot fake directors early",
    category: "technology" as const,
    department: "Companies House: register of companies",
    draft: "Fake directors are registered at Companies House and nobody notices until later.",
    problem:
      "People register companies at Companies House with stolen identities or invented directors, and the register accepts them. The false companies are then used for fraud, and by the time anyone reports them the money has gone.",
    affected:
      "People whose identities are used as directors without their knowledge, the businesses and councils defrauded through false companies, and the Companies House staff who investigate reports.",
    evidence:
      "Reports of false directors made to Companies House, police fraud referrals and interviews with three investigators.",
    approach:
      "Flag new appointments that match known patterns of misuse, such as dozens of directors at one address, for a check under the new identity verification powers before they reach the register.",
    successMeasures:
      "More false appointments stopped before they reach the register; fewer reports of identities misused.",
  },
];

const SESSION_SUMMARIES = [
  "Agreed ways of working and a weekly slot. Shared what each of us knows about the department's services.",
  "Walked through three candidate problems; the mentors pushed us to find evidence from users before choosing.",
  "Reviewed interview notes from caseworkers. Narrowed the problem to one service and one group of users.",
  "Worked on the problem statement draft: who it affects, what they need, and how we would know it worked.",
  "Practised explaining the problem in two minutes. Mentors suggested a clearer measure of success.",
];

/**
 * Mentoring in the demo cohort: teams formed by the solver (fixed seed) and paired with mentors, published;
 * a few sessions per team with actions (some done, some overdue), one team quiet for three weeks; problem
 * statements approved, under review, sent back, in draft, late and not started.
 */
async function seedMentoring(tx: Tx, cohortId: number) {
  const cohort = await getCohort(tx, cohortId);
  if (!cohort) throw new Error("The demo cohort is missing");
  const { input } = await formationInputFor(tx, cohortId, cohort.team_count, DEFAULT_TEAM_SETTINGS);
  const formation = formTeams(input, { seed: 2027, maxRestarts: 20, timeBudgetMs: 30_000 });
  if (!formation.ok) throw new Error(`The demo teams could not be formed: ${formation.message}`);
  await saveTeams(
    tx,
    cohortId,
    formation.teams.map((team) => team.map(Number)),
    new Set(),
  );
  const teams = await listTeams(tx, cohortId);
  const mentors = await listCohortMentors(tx, cohortId);
  const pairing = pairMentors(
    teams.map((t) => ({
      number: t.number,
      memberOrganisations: t.members.map((m) => m.organisation_name ?? ""),
    })),
    mentors.map((m) => ({
      id: String(m.id),
      name: m.name,
      sector: m.sector ?? "industry",
      organisation: m.organisation_name ?? m.name,
    })),
  );
  if (!pairing.complete) throw new Error("The demo mentors could not be paired");
  const teamId = new Map(teams.map((t) => [t.number, t.id]));
  await replaceMentors(
    tx,
    cohortId,
    pairing.pairs.flatMap((pair) =>
      (["industry", "government"] as const).map((sector) => ({
        teamId: teamId.get(pair.team)!,
        personId: Number(pair[sector]),
        sector,
        overrideReason: pair.conflicts.includes(pair[sector]) ? "Demo: no pairing without a conflict" : null,
      })),
    ),
  );
  await publishTeams(tx, cohortId);

  const today = todayInLondon();
  const paired = await listTeams(tx, cohortId);
  for (const [t, team] of paired.entries()) {
    const members = team.members;
    const industry = team.mentors.find((m) => m.sector === "industry")!;
    const government = team.mentors.find((m) => m.sector === "government")!;
    // The last team has gone quiet: its last session was three weeks ago.
    const daysAgo =
      t === paired.length - 1 ? [28, 21] : [33 - t, 26 - t, 19 - t, 12 - t, 5 - t].slice(t === 2 ? 1 : 0);
    for (const [k, ago] of daysAgo.entries()) {
      const date = addDaysIso(today, -ago);
      const absentMember = k % 2 === 1 ? members[(k + t) % members.length]?.id : undefined;
      const attendees = [
        ...members
          .filter((p) => p.id !== absentMember)
          .map((p) => ({ personId: p.id, role: "member" as const })),
        { personId: industry.id, role: "mentor" as const },
        ...((k + t) % 3 === 0 ? [] : [{ personId: government.id, role: "mentor" as const }]),
      ];
      const owners = [
        members[(k * 2 + t) % members.length]!,
        members[(k * 2 + t + 1) % members.length]!,
      ] as const;
      const last = k === daysAgo.length - 1;
      const sessionId = await createSession(
        tx,
        team.id,
        k % 2 === 0 ? industry.id : government.id,
        {
          date,
          durationMinutes: [45, 60, 30, 90, 60][(k + t) % 5]!,
          format: (["video", "in-person", "video", "phone"] as const)[(k + t) % 4]!,
          summary: SESSION_SUMMARIES[k % SESSION_SUMMARIES.length]!,
          followUpDate: last && t !== paired.length - 1 ? addDaysIso(date, 7) : null,
          attendees,
          actions: [
            {
              id: null,
              ownerId: owners[0].id,
              text: "Interview two people who use the service",
              dueDate: addDaysIso(date, 7),
            },
            {
              id: null,
              ownerId: owners[1].id,
              text: "Find published data on the size of the problem",
              dueDate: addDaysIso(date, 10),
            },
          ],
        },
        k === 0 ? "Good energy; one member is quiet in sessions, worth a gentle check-in." : null,
      );
      const at = `${date}T17:00:00.000Z`;
      await tx
        .updateTable("mentoring_sessions")
        .set({ created_at: at, updated_at: at })
        .where("id", "=", sessionId)
        .execute();
      // Actions already due are mostly done; a few are left overdue.
      const leftOpen = [(k + t) % 4 === 1, (k + t) % 3 === 2];
      for (const [position, owner] of owners.entries()) {
        if (leftOpen[position]) continue;
        await tx
          .updateTable("session_actions")
          .set({ done_at: `${addDaysIso(date, 5 + position * 3)}T12:00:00.000Z`, done_by: owner.id })
          .where("session_id", "=", sessionId)
          .where("position", "=", position)
          .where("due_date", "<", today)
          .execute();
      }
    }
    await seedStatement(tx, cohort, team, t, [industry.id, government.id]);
  }
}

/** Team 1 approved, 2 with one mentor still to review, 3 sent back, 4 in draft, 5 submitted late, 6 not started. */
async function seedStatement(
  tx: Tx,
  cohort: { start_date: string; weeks: number },
  team: { id: number; members: Array<{ id: number }> },
  t: number,
  mentorIds: [number, number],
) {
  const base = STATEMENTS[t];
  if (!base) return;
  const deadline = statementDeadline(cohort.start_date, cohort.weeks);
  const text = (version: number) => ({
    title: base.title,
    category: base.category,
    department: base.department,
    problem: version === 1 ? base.draft : base.problem,
    affected: base.affected,
    evidence: base.evidence,
    approach: base.approach,
    success_measures: base.successMeasures,
  });
  const versions = t === 3 ? 3 : 2;
  for (let v = 1; v <= versions; v++) {
    await saveStatementVersion(
      tx,
      team.id,
      v - 1,
      text(Math.min(v, 2)),
      team.members[v % team.members.length]!.id,
    );
  }
  const { id: statementId } = await tx
    .selectFrom("problem_statements")
    .where("team_id", "=", team.id)
    .select("id")
    .executeTakeFirstOrThrow();
  const savedAt = `${addDaysIso(deadline, -6)}T10:00:00.000Z`;
  await tx
    .updateTable("problem_statement_versions")
    .set({ created_at: savedAt })
    .where("statement_id", "=", statementId)
    .execute();
  if (t === 3) return;
  await submitStatement(tx, statementId, versions);
  const submittedAt = `${addDaysIso(deadline, t === 4 ? 2 : -2)}T15:00:00.000Z`;
  await tx
    .updateTable("problem_statements")
    .set({ submitted_at: submittedAt, first_submitted_at: submittedAt, updated_at: submittedAt })
    .where("id", "=", statementId)
    .execute();
  const review = (mentorId: number, decision: "approved" | "changes_requested", comment: string | null) => ({
    mentorId,
    reviewerId: mentorId,
    decision,
    comment,
    onBehalfReason: null,
  });
  const decisions =
    t === 0
      ? [
          review(mentorIds[0], "approved", "Clear and well evidenced."),
          review(mentorIds[1], "approved", null),
        ]
      : t === 1
        ? [review(mentorIds[0], "approved", "Good: keep the focus on prison leavers.")]
        : t === 2
          ? [
              review(mentorIds[0], "approved", null),
              review(
                mentorIds[1],
                "changes_requested",
                "Say how you would measure success before the pitch.",
              ),
            ]
          : [];
  if (decisions.length) await recordReviews(tx, statementId, versions, mentorIds, decisions);
  await tx
    .updateTable("statement_reviews")
    .set({ created_at: `${addDaysIso(deadline, 1)}T11:00:00.000Z` })
    .where("statement_id", "=", statementId)
    .execute();
  if (t === 0)
    await tx
      .updateTable("problem_statements")
      .set({ approved_at: `${addDaysIso(deadline, 1)}T11:00:00.000Z` })
      .where("id", "=", statementId)
      .execute();
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
    lines.push("", `  ${role === "admin" ? "System administrator" : `${COHORT_ROLES[role]}s`}:`);
    for (const a of group) {
      lines.push(`    ${a.email.padEnd(width)}  ${a.password}   ${a.name}`);
      if (a.totpKey) {
        lines.push(
          `      two-step verification key: ${a.totpKey}`,
          `      (add it to an authenticator app, or scan ${totpUri(a.totpKey, a.email)};`,
          `      or print the current code: npm run tandem -- demo-code --email ${a.email})`,
        );
      }
    }
  }
  return lines.join("\n");
}

/**
 * Reports: the start-of-programme skills questionnaire (its deadline extended to a fortnight from now) answered by
 * most participants, and a past cohort of the programme that ended over 24 months ago, with teams and outcomes,
 * for the programme view; the server's daily retention job anonymises its people (past the 24-month period) on first
 * start, so the retention page shows a run that did something.
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
  await seedPilotPitchDay(tx, past.id, teamIds, orgIds);
}

const PILOT_LEADERS: Array<[string, string, string]> = [
  ["Margaret Osei", "Director, Government Digital Service", "Cabinet Office"],
  ["Graham Turnbull", "Deputy Chair, Public Services Board", "techUK"],
  ["Priti Desai", "Head of Public Sector", "Meridian Data"],
];

/**
 * The pilot's pitch day, held in its last week with its results released: three senior leaders score both teams,
 * except that the leader from Meridian Data is in conflict with Signpost (a member works there) and scores
 * Ledger only.
 */
async function seedPilotPitchDay(tx: Tx, cohortId: number, teamIds: number[], orgIds: Map<string, number>) {
  const event = await createPitchEvent(tx, cohortId, {
    date: "2022-11-24",
    startTime: "10:00",
    venue: "techUK, 10 St Bride Street, London",
    onlineLink: null,
    pitchMinutes: 10,
    questionsMinutes: 5,
    changeoverMinutes: 5,
    breakAfter: null,
    breakMinutes: 15,
    feedbackAttribution: "attributed",
  });
  await replaceSlots(tx, event.id, [teamIds[1]!, teamIds[0]!], null);
  const leaderIds: number[] = [];
  for (const [name, jobTitle, org] of PILOT_LEADERS) {
    const person = await createPerson(tx, {
      name,
      email: email(name, "pilot-leaders"),
      organisationId: orgIds.get(org) ?? null,
      jobTitle,
    });
    await addMembership(tx, cohortId, person.id, "leader");
    await addPanelMember(tx, event.id, person.id);
    leaderIds.push(person.id);
  }
  const rubric = await listRubric(tx, event.id);
  // Each leader's usual level for each team (Priti Desai, in conflict with Signpost, does not score it).
  const levels = [
    [4, 3],
    [4, 4],
    [3, null],
  ];
  for (const [l, leaderId] of leaderIds.entries()) {
    for (const [t, teamId] of teamIds.entries()) {
      const level = levels[l]![t];
      if (level === null || level === undefined) continue;
      await saveSheet(
        tx,
        {
          eventId: event.id,
          personId: leaderId,
          teamId,
          status: "submitted",
          workedWell:
            t === 0 ? "A clear problem, backed by the helpline data." : "A simple idea people could use.",
          couldBeBetter:
            t === 0 ? "Say what the pilot would cost." : "Show more evidence that users want it.",
          scores: new Map(
            rubric.map((c, i) => [c.id, Math.min(c.max, Math.max(1, level + ((i + l + t) % 3) - 1))]),
          ),
        },
        0,
      );
    }
  }
  await setScoringState(tx, event.id, "closed");
  // Every team's results released, as of the day after the pitch day.
  await releaseResults(tx, event.id, "2022-11-25T10:00:00.000Z");
  await tx
    .updateTable("pitch_events")
    .set({
      scoring_opened_at: "2022-11-24T09:30:00.000Z",
      scoring_closed_at: "2022-11-24T16:00:00.000Z",
      results_released_at: "2022-11-25T10:00:00.000Z",
      ranking_published_at: "2022-11-25T10:00:00.000Z",
    })
    .where("id", "=", event.id)
    .execute();
}
