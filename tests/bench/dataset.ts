// A department-scale dataset for the load benchmark: `cohorts` cohorts of one programme, six weeks apart, the
// newest running and on its pitch day (scoring open), the others finished. At 30 cohorts: about 1,200
// participants, 180 teams, 6,000 mentoring sessions and 20,000 sheet scores. Rows go in only through Kysely's
// builder, as multi-row inserts batched under both databases' bound-parameter limits, in one transaction, so
// the same code fills SQLite and PostgreSQL. Deterministic: every choice comes from a seeded generator, and
// dates follow `today`.
import { hashPassword } from "~/auth/passwords.server";
import { defaultMilestones, todayInLondon } from "~/domain/calendar";
import { statementDeadline } from "~/domain/problem-statement";
import { DEFAULT_RUBRIC } from "~/domain/rubric";
import { seededRandom } from "~/domain/team-formation";
import type { Db, Tx } from "../../db/connection";
import type { SheetStatus, StatementStatus } from "../../db/types";

/** SQLite binds at most 32,766 parameters a statement and PostgreSQL 65,535: stay under both. */
const MAX_PARAMETERS = 30_000;

const PARTICIPANTS_PER_COHORT = 40;
const TEAMS_PER_COHORT = 6;
const SESSIONS_PER_COHORT = 200;
const VISITS_PER_COHORT = 10;
const PANEL_SIZE = 26;
/** Panel leaders per cohort whose sheets are still drafts: the benchmark's scoring POSTs save these. */
const DRAFT_LEADERS = 6;
const LEADER_POOL = 40;
const COHORTS_PER_COORDINATOR = 10;
const SKILLS_QUESTIONS = 5;

export type DatasetOptions = { cohorts: number; seed?: number; today?: string };

/** A draft sheet of the running cohort that its leader may save again and again. */
export type DraftSheet = { leaderId: number; teamId: number; version: number };

export type Dataset = {
  /** The running cohort (the newest), which the benchmark drives. */
  cohortId: number;
  participantId: number;
  mentorId: number;
  coordinatorId: number;
  /** The team the participant is in and the mentor mentors. */
  teamId: number;
  criterionIds: number[];
  draftSheets: DraftSheet[];
  rows: Record<string, number>;
};

const FIRST_NAMES = (
  "Priya Tom Aisha Rhys Hannah Callum Mei Daniel Fatima George Niamh Samuel Chloe Imran Eleanor Jack Zara Owen " +
  "Grace Ruairidh Oliver Amara Lucy Harvey Sophie Kwame Isla Ethan Leah Mohammed Freya Nathan Ruby Joel Tara Yusuf"
).split(" ");
const LAST_NAMES = (
  "Shah Gallagher Bello Morgan Okafor Reid Chen Price Hussain Whitfield Doyle Adeyemi Barker Qureshi Hughes " +
  "Thornton Ahmed Lewis Mensah Fraser Bennett Nwosu Fairclough Singh Marsh Asante Campbell Rowe Goldberg Rahman"
).split(" ");
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
const SUMMARIES = [
  "Agreed ways of working and a weekly slot. Shared what each of us knows about the department's services.",
  "Walked through three candidate problems; the mentors pushed us to find evidence from users before choosing.",
  "Reviewed interview notes from caseworkers. Narrowed the problem to one service and one group of users.",
  "Worked on the problem statement draft: who it affects, what they need, and how we would know it worked.",
  "Practised explaining the problem in two minutes. Mentors suggested a clearer measure of success.",
  "Went through the prototype with two caseworkers on a call; agreed what to cut before the pitch.",
];
const ACTIONS = [
  "Interview two people who use the service",
  "Find published data on the size of the problem",
  "Draft the one-page summary for the sponsor",
  "Book a session with the department's architects",
  "Rehearse the pitch and time it",
];
const FEEDBACK = [
  "A clear problem, well evidenced by the interviews; the team answered questions with confidence.",
  "The prototype made the idea easy to grasp, and both sectors' strengths showed in the approach.",
  "Strong on user needs; the case for value to the department was persuasive.",
];
const IMPROVE = [
  "Say more about the cost of running it and who in the department would own it.",
  "The pitch ran long: the demo could be shorter so there is time for the measures of success.",
  "Show how you would pilot it with one team before a wider roll-out.",
];

/** Fisher–Yates, on the seeded generator. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week `date` falls in. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Inserts `rows` a batch at a time, each batch one multi-row insert under MAX_PARAMETERS; returns what the
 * batches returned, in order (the `returning` rows, when `insert` asks for them).
 */
async function inBatches<Row extends object, Out>(
  rows: Row[],
  insert: (batch: Row[]) => Promise<Out[]>,
): Promise<Out[]> {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  const out: Out[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await insert(rows.slice(i, i + size))));
  return out;
}

type Org = { key: string; name: string; sector: "government" | "industry"; kind: string };

const GOVERNMENT_ORGS: Org[] = Array.from({ length: 12 }, (_, i) => ({
  key: `g${i}`,
  name: `Department ${String.fromCharCode(65 + i)}`,
  sector: "government",
  kind: i < 8 ? "department" : "agency",
}));
const COMPANIES: Org[] = Array.from({ length: 24 }, (_, i) => ({
  key: `c${i}`,
  name: `Company ${String.fromCharCode(65 + i)} Ltd`,
  sector: "industry",
  kind: "company",
}));
/** Where most senior leaders work: bodies no participant or mentor comes from, so they score every team. */
const LEADERSHIP_BODIES: Org[] = Array.from({ length: 4 }, (_, i) => ({
  key: `b${i}`,
  name: `Leadership Board ${i + 1}`,
  sector: i % 2 ? "industry" : "government",
  kind: "trade body",
}));

export async function generateDataset(db: Db, options: DatasetOptions): Promise<Dataset> {
  const cohortCount = options.cohorts;
  if (!Number.isInteger(cohortCount) || cohortCount < 1) throw new Error("cohorts must be 1 or more");
  const random = seededRandom(options.seed ?? 2027);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const today = options.today ?? todayInLondon();
  const now = `${today}T09:00:00.000Z`;
  const passwordHash = await hashPassword("bench accounts share this unused password");
  return db.transaction().execute((tx) => fill(tx));

  async function fill(tx: Tx): Promise<Dataset> {
    const rows: Record<string, number> = {};
    const count = (table: string, n: number) => {
      rows[table] = (rows[table] ?? 0) + n;
    };

    // Organisations and the programme.
    const orgs = [...GOVERNMENT_ORGS, ...COMPANIES, ...LEADERSHIP_BODIES];
    const orgRows = await tx
      .insertInto("organisations")
      .values(
        orgs.map((o) => ({
          name: o.name,
          sector: o.sector,
          kind: o.kind,
          region: "england-and-wales" as const,
          created_at: now,
        })),
      )
      .returning(["id", "name"])
      .execute();
    count("organisations", orgRows.length);
    const orgIdByName = new Map(orgRows.map((o) => [o.name, o.id]));
    const orgId = (org: Org) => orgIdByName.get(org.name)!;
    const sponsor = LEADERSHIP_BODIES[0]!;
    const programme = await tx
      .insertInto("programmes")
      .values({
        name: "Tech Connect",
        description: "Civil servants and tech professionals solving public-sector problems together.",
        sponsor_organisation_id: orgId(sponsor),
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    count("programmes", 1);

    // Cohorts six weeks apart; the newest started eleven weeks before this week, so its pitch day is this week.
    const newestStart = addDays(mondayOf(today), -77);
    const cohortPlans = Array.from({ length: cohortCount }, (_, k) => {
      const start = addDays(newestStart, -42 * (cohortCount - 1 - k));
      const end = addDays(start, 12 * 7 - 1);
      return { k, start, end, running: end >= today, name: `Tech Connect cohort ${k + 1}` };
    });
    const cohortRows = await tx
      .insertInto("cohorts")
      .values(
        cohortPlans.map((c) => ({
          programme_id: programme.id,
          name: c.name,
          start_date: c.start,
          weeks: 12,
          team_count: TEAMS_PER_COHORT,
          status: c.running ? ("running" as const) : ("finished" as const),
          created_at: `${addDays(c.start, -60)}T10:00:00.000Z`,
          updated_at: `${addDays(c.start, -1)}T10:00:00.000Z`,
          teams_published_at: `${addDays(c.start, 6)}T10:00:00.000Z`,
          statements_published_at: c.running ? null : `${addDays(c.start, 40)}T10:00:00.000Z`,
        })),
      )
      .returning(["id", "name"])
      .execute();
    count("cohorts", cohortRows.length);
    const cohortIdByName = new Map(cohortRows.map((c) => [c.name, c.id]));
    const cohorts = cohortPlans.map((c) => ({ ...c, id: cohortIdByName.get(c.name)! }));

    // People: participants of their own cohort; mentors who serve two cohorts running; a pool of senior leaders
    // who sit on most panels; a coordinator and a sponsor for every ten cohorts; one administrator.
    type PersonPlan = {
      key: string;
      name: string;
      email: string;
      org: Org | null;
      jobTitle: string;
      profession: string | null;
    };
    const people: PersonPlan[] = [];
    const person = (key: string, org: Org | null, jobTitle: string, profession: string | null = null) => {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const email = `${first}.${last}.${key}@bench.example`.toLowerCase();
      people.push({ key, name: `${first} ${last}`, email, org, jobTitle, profession });
    };
    const participantOrg = (k: number, i: number) =>
      i % 2 === 0
        ? GOVERNMENT_ORGS[(k * 5 + i / 2) % GOVERNMENT_ORGS.length]!
        : COMPANIES[(k * 7 + (i - 1) / 2) % COMPANIES.length]!;
    const mentorOrg = (m: number) =>
      m % 2 === 0
        ? GOVERNMENT_ORGS[(m * 5 + 3) % GOVERNMENT_ORGS.length]!
        : COMPANIES[(m * 7 + 5) % COMPANIES.length]!;
    const leaderOrg = (l: number) =>
      l % 5 === 4
        ? l % 2 === 0
          ? GOVERNMENT_ORGS[l % GOVERNMENT_ORGS.length]!
          : COMPANIES[l % COMPANIES.length]!
        : LEADERSHIP_BODIES[l % LEADERSHIP_BODIES.length]!;
    for (const c of cohorts)
      for (let i = 0; i < PARTICIPANTS_PER_COHORT; i++)
        person(
          `p${c.k}.${i}`,
          participantOrg(c.k, i),
          i % 2 === 0 ? "DDaT Fast Streamer" : "Associate Engineer",
          PROFESSIONS[(c.k + i) % PROFESSIONS.length]!,
        );
    const mentorPool = 6 * cohortCount + 6;
    for (let m = 0; m < mentorPool; m++)
      person(`m${m}`, mentorOrg(m), m % 2 ? "Principal Engineer" : "Head of Digital");
    for (let l = 0; l < LEADER_POOL; l++) person(`l${l}`, leaderOrg(l), "Director");
    const staff = Math.ceil(cohortCount / COHORTS_PER_COORDINATOR);
    for (let s = 0; s < staff; s++) {
      person(`coord${s}`, sponsor, "Programme Manager");
      person(`sponsor${s}`, GOVERNMENT_ORGS[s % GOVERNMENT_ORGS.length]!, "Head of Digital Capability");
    }
    person("admin", sponsor, "Service Owner");
    const personRows = await inBatches(
      people.map((p) => ({
        name: p.name,
        email: p.email,
        email_key: p.email,
        organisation_id: p.org ? orgId(p.org) : null,
        job_title: p.jobTitle,
        profession: p.profession,
        created_at: now,
        updated_at: now,
      })),
      (batch) => tx.insertInto("people").values(batch).returning(["id", "email_key"]).execute(),
    );
    count("people", personRows.length);
    const idByEmail = new Map(personRows.map((p) => [p.email_key, p.id]));
    const personIds = new Map<string, number>();
    const orgOfPerson = new Map<number, Org | null>();
    for (const p of people) {
      const id = idByEmail.get(p.email)!;
      personIds.set(p.key, id);
      orgOfPerson.set(id, p.org);
    }
    const pid = (key: string) => personIds.get(key)!;
    const adminId = pid("admin");
    await inBatches(
      [...personIds.values()].map((id) => ({
        person_id: id,
        password_hash: passwordHash,
        is_admin: id === adminId ? 1 : 0,
        password_set_at: now,
        created_at: now,
      })),
      (batch) => tx.insertInto("accounts").values(batch).execute(),
    );
    count("accounts", personIds.size);

    // Who is where, per cohort.
    const plans = cohorts.map((c) => {
      const participants = Array.from({ length: PARTICIPANTS_PER_COHORT }, (_, i) => pid(`p${c.k}.${i}`));
      // Participant i joins team (i + floor(i / 6)) mod 6, so every team mixes both sectors.
      const teams = Array.from({ length: TEAMS_PER_COHORT }, (_, j) => ({
        number: j + 1,
        members: participants.filter((_, i) => (i + Math.floor(i / 6)) % TEAMS_PER_COHORT === j),
        government: pid(`m${6 * c.k + 2 * j}`),
        industry: pid(`m${6 * c.k + 2 * j + 1}`),
      }));
      const shuffled = shuffle(
        Array.from({ length: LEADER_POOL }, (_, l) => l),
        random,
      );
      const panel = shuffled.slice(0, PANEL_SIZE).map((l) => pid(`l${l}`));
      const drafts = new Set(
        panel.filter((id) => LEADERSHIP_BODIES.includes(orgOfPerson.get(id) as Org)).slice(0, DRAFT_LEADERS),
      );
      const coordinator = pid(`coord${Math.floor(c.k / COHORTS_PER_COORDINATOR)}`);
      const sponsorId = pid(`sponsor${Math.floor(c.k / COHORTS_PER_COORDINATOR)}`);
      return { ...c, participants, teams, panel, drafts, coordinator, sponsor: sponsorId };
    });

    const memberships = plans.flatMap((c) => {
      const joined = `${addDays(c.start, -30)}T10:00:00.000Z`;
      const row = (
        personId: number,
        role: "participant" | "mentor" | "leader" | "coordinator" | "sponsor",
      ) => ({
        cohort_id: c.id,
        person_id: personId,
        role,
        // The organisation the person represents in the cohort: their own (it decides conflicts).
        organisation_id: orgOfPerson.get(personId) ? orgId(orgOfPerson.get(personId)!) : null,
        created_at: joined,
        release_status: role === "participant" ? ("approved" as const) : null,
        line_manager_email: role === "participant" ? `line.manager.${personId}@bench.example` : null,
      });
      return [
        ...c.participants.map((id) => row(id, "participant")),
        ...c.teams.flatMap((t) => [row(t.government, "mentor"), row(t.industry, "mentor")]),
        ...c.panel.map((id) => row(id, "leader")),
        row(c.coordinator, "coordinator"),
        row(c.sponsor, "sponsor"),
      ];
    });
    await inBatches(memberships, (batch) => tx.insertInto("memberships").values(batch).execute());
    count("memberships", memberships.length);

    // Organisations taking part, milestones, visits and attendance.
    const hostsOf = (k: number) =>
      Array.from({ length: VISITS_PER_COHORT }, (_, v) => COMPANIES[(k * 3 + v) % COMPANIES.length]!);
    const cohortOrgs = plans.flatMap((c) => {
      const hosts = new Set(hostsOf(c.k));
      const taking = new Set<Org>(hosts);
      for (const id of [...c.participants, ...c.teams.flatMap((t) => [t.government, t.industry])]) {
        const org = orgOfPerson.get(id);
        if (org) taking.add(org);
      }
      return [...taking].map((org) => ({
        cohort_id: c.id,
        organisation_id: orgId(org),
        hosts_visit: hosts.has(org) ? 1 : 0,
        quota: org.sector === "government" ? 2 : null,
        address: hosts.has(org) ? `${org.name}, 1 High Street, Leeds LS1 4AP` : null,
        contact_name: hosts.has(org) ? "Programme day lead" : null,
        contact_email: hosts.has(org) ? `programme.days@${org.key}.bench.example` : null,
        created_at: `${addDays(c.start, -40)}T10:00:00.000Z`,
        updated_at: `${addDays(c.start, -40)}T10:00:00.000Z`,
      }));
    });
    await inBatches(cohortOrgs, (batch) => tx.insertInto("cohort_organisations").values(batch).execute());
    count("cohort_organisations", cohortOrgs.length);
    const moved = plans.map((c) => {
      const midPoint = defaultMilestones(c.start, 12).find((m) => m.kind === "mid-point")!;
      return {
        cohort_id: c.id,
        kind: "mid-point" as const,
        date: addDays(midPoint.date, 1),
        sequence: 1,
        version: 1,
        updated_at: `${c.start}T10:00:00.000Z`,
      };
    });
    await tx.insertInto("milestones").values(moved).execute();
    count("milestones", moved.length);
    const visitPlans = plans.flatMap((c) =>
      hostsOf(c.k).map((host, v) => ({
        cohort_id: c.id,
        organisation_id: orgId(host),
        // Wednesdays of weeks 2 to 11.
        date: addDays(c.start, 7 * (v + 1) + 2),
        start_time: "10:00",
        end_time: "15:00",
        address: `${host.name}, 1 High Street, Leeds LS1 4AP`,
        agenda: "Welcome and coffee; how we work with government clients; lab tour; questions",
        contact_name: "Programme day lead",
        contact_email: `programme.days@${host.key}.bench.example`,
        status:
          addDays(c.start, 7 * (v + 1) + 2) <= addDays(today, 28)
            ? ("confirmed" as const)
            : ("planned" as const),
        cancel_reason: null,
        created_at: `${addDays(c.start, -20)}T10:00:00.000Z`,
        updated_at: `${addDays(c.start, -20)}T10:00:00.000Z`,
      })),
    );
    const visitRows = await inBatches(visitPlans, (batch) =>
      tx.insertInto("visits").values(batch).returning(["id", "cohort_id", "date"]).execute(),
    );
    count("visits", visitRows.length);
    const participantsOfCohort = new Map(plans.map((c) => [c.id, c.participants]));
    const coordinatorOfCohort = new Map(plans.map((c) => [c.id, c.coordinator]));
    const attendance = visitRows
      .filter((v) => v.date < today)
      .flatMap((v) =>
        participantsOfCohort.get(v.cohort_id)!.map((personId, i) => ({
          visit_id: v.id,
          person_id: personId,
          status:
            (i + v.id) % 13 === 0
              ? ("apologies" as const)
              : (i * 7 + v.id) % 29 === 0
                ? ("absent" as const)
                : ("attended" as const),
          recorded_by: coordinatorOfCohort.get(v.cohort_id)!,
          recorded_at: `${v.date}T16:00:00.000Z`,
        })),
      );
    await inBatches(attendance, (batch) => tx.insertInto("attendance").values(batch).execute());
    count("attendance", attendance.length);

    // Teams, their members and mentors.
    const teamRows = await inBatches(
      plans.flatMap((c) =>
        c.teams.map((t) => ({
          cohort_id: c.id,
          number: t.number,
          name: t.number % 2 ? `Squad ${t.number}` : null,
          created_at: `${addDays(c.start, 5)}T10:00:00.000Z`,
          updated_at: `${addDays(c.start, 5)}T10:00:00.000Z`,
        })),
      ),
      (batch) => tx.insertInto("teams").values(batch).returning(["id", "cohort_id", "number"]).execute(),
    );
    count("teams", teamRows.length);
    const teamIdOf = new Map(teamRows.map((t) => [`${t.cohort_id}.${t.number}`, t.id]));
    const teams = plans.flatMap((c) =>
      c.teams.map((t, j) => ({ ...t, j, cohort: c, id: teamIdOf.get(`${c.id}.${t.number}`)! })),
    );
    const teamMembers = teams.flatMap((t) =>
      t.members.map((personId) => ({
        team_id: t.id,
        cohort_id: t.cohort.id,
        person_id: personId,
        locked: 0,
      })),
    );
    await inBatches(teamMembers, (batch) => tx.insertInto("team_members").values(batch).execute());
    count("team_members", teamMembers.length);
    const teamMentors = teams.flatMap((t) =>
      (["government", "industry"] as const).map((sector) => ({
        team_id: t.id,
        person_id: t[sector],
        sector,
        override_reason: null,
        created_at: `${addDays(t.cohort.start, 5)}T10:00:00.000Z`,
      })),
    );
    await inBatches(teamMentors, (batch) => tx.insertInto("team_mentors").values(batch).execute());
    count("team_mentors", teamMentors.length);

    // Mentoring sessions spread over each cohort's weeks so far; the running cohort's last team has gone quiet.
    type SessionPlan = {
      team: (typeof teams)[number];
      s: number;
      date: string;
      author: number;
      createdAt: string;
    };
    const sessionPlans: SessionPlan[] = [];
    for (const t of teams) {
      const sessions =
        Math.floor(SESSIONS_PER_COHORT / TEAMS_PER_COHORT) +
        (t.j < SESSIONS_PER_COHORT % TEAMS_PER_COHORT ? 1 : 0);
      const quiet = t.cohort.running && t.j === TEAMS_PER_COHORT - 1;
      const first = addDays(t.cohort.start, 2);
      const last = quiet ? addDays(today, -20) : t.cohort.running ? addDays(today, -1) : t.cohort.end;
      const span = Math.max(1, (Date.parse(last) - Date.parse(first)) / 86_400_000);
      for (let s = 0; s < sessions; s++) {
        const date = addDays(first, Math.floor((s * span) / Math.max(1, sessions - 1)));
        // A distinct creation instant per team and session, by which the inserted ids are matched back.
        const createdAt = new Date(Date.parse(`${date}T17:00:00.000Z`) + s * 1000).toISOString();
        sessionPlans.push({ team: t, s, date, author: s % 2 ? t.government : t.industry, createdAt });
      }
    }
    const sessionRows = await inBatches(
      sessionPlans.map((p) => ({
        team_id: p.team.id,
        author_id: p.author,
        date: p.date,
        duration_minutes: [45, 60, 30, 90, 60][p.s % 5]!,
        format: (["video", "in-person", "video", "phone"] as const)[p.s % 4]!,
        summary: SUMMARIES[(p.s + p.team.j) % SUMMARIES.length]!,
        follow_up_date: p.s % 3 === 0 ? addDays(p.date, 7) : null,
        created_at: p.createdAt,
        updated_at: p.createdAt,
      })),
      (batch) =>
        tx
          .insertInto("mentoring_sessions")
          .values(batch)
          .returning(["id", "team_id", "created_at"])
          .execute(),
    );
    count("mentoring_sessions", sessionRows.length);
    const sessionIdOf = new Map(sessionRows.map((r) => [`${r.team_id}.${r.created_at}`, r.id]));
    const attendees: Array<{ session_id: number; person_id: number; role: "member" | "mentor" }> = [];
    const actions: Array<{
      session_id: number;
      owner_id: number;
      text: string;
      due_date: string;
      done_at: string | null;
      done_by: number | null;
      position: number;
    }> = [];
    const notes: Array<{ session_id: number; author_id: number; text: string; created_at: string }> = [];
    for (const p of sessionPlans) {
      const id = sessionIdOf.get(`${p.team.id}.${p.createdAt}`)!;
      const members = p.team.members;
      const absent = p.s % 3 === 1 ? members[p.s % members.length] : undefined;
      for (const m of members)
        if (m !== absent) attendees.push({ session_id: id, person_id: m, role: "member" });
      attendees.push({ session_id: id, person_id: p.author, role: "mentor" });
      const other = p.author === p.team.government ? p.team.industry : p.team.government;
      if (p.s % 4 !== 3) attendees.push({ session_id: id, person_id: other, role: "mentor" });
      for (const position of [0, 1]) {
        const owner = members[(p.s * 2 + position) % members.length]!;
        const due = addDays(p.date, 7 + position * 3);
        const done = due < today && (p.s + position) % 5 !== 0;
        actions.push({
          session_id: id,
          owner_id: owner,
          text: ACTIONS[(p.s + position) % ACTIONS.length]!,
          due_date: due,
          done_at: done ? `${addDays(due, -2)}T12:00:00.000Z` : null,
          done_by: done ? owner : null,
          position,
        });
      }
      if (p.s % 4 === 0)
        notes.push({
          session_id: id,
          author_id: p.author,
          text: "One member is quiet in sessions: worth a gentle check-in.",
          created_at: p.createdAt,
        });
    }
    await inBatches(attendees, (batch) => tx.insertInto("session_attendees").values(batch).execute());
    count("session_attendees", attendees.length);
    await inBatches(actions, (batch) => tx.insertInto("session_actions").values(batch).execute());
    count("session_actions", actions.length);
    await inBatches(notes, (batch) => tx.insertInto("session_private_notes").values(batch).execute());
    count("session_private_notes", notes.length);

    // Problem statements: finished cohorts' all approved; the running cohort's in every state.
    const statementPlans = teams.map((t) => {
      const cycle: StatementStatus[] = [
        "approved",
        "approved",
        "approved",
        "submitted",
        "changes_requested",
        "draft",
      ];
      const status = t.cohort.running ? cycle[t.j % cycle.length]! : ("approved" as const);
      const deadline = statementDeadline(t.cohort.start, 12);
      const submittedAt = status === "draft" ? null : `${addDays(deadline, -2)}T15:00:00.000Z`;
      return { t, status, deadline, submittedAt };
    });
    const statementRows = await inBatches(
      statementPlans.map((p) => ({
        team_id: p.t.id,
        status: p.status,
        version: 2,
        submitted_version: p.submittedAt ? 2 : null,
        submitted_at: p.submittedAt,
        first_submitted_at: p.submittedAt,
        approved_at: p.status === "approved" ? `${addDays(p.deadline, 1)}T11:00:00.000Z` : null,
        created_at: `${addDays(p.deadline, -10)}T10:00:00.000Z`,
        updated_at: `${addDays(p.deadline, 1)}T11:00:00.000Z`,
      })),
      (batch) => tx.insertInto("problem_statements").values(batch).returning(["id", "team_id"]).execute(),
    );
    count("problem_statements", statementRows.length);
    const statementIdOf = new Map(statementRows.map((r) => [r.team_id, r.id]));
    const versions = statementPlans.flatMap((p) =>
      [1, 2].map((number) => ({
        statement_id: statementIdOf.get(p.t.id)!,
        number,
        author_id: p.t.members[number % p.t.members.length]!,
        created_at: `${addDays(p.deadline, number - 8)}T10:00:00.000Z`,
        title: `Team ${p.t.number} of ${p.t.cohort.name}: case progress people cannot see`,
        category: (["technology", "operational", "policy"] as const)[p.t.j % 3]!,
        department: `${GOVERNMENT_ORGS[p.t.j % GOVERNMENT_ORGS.length]!.name}: casework`,
        problem:
          number === 1
            ? "People wait too long and nobody can tell them why."
            : "People wait weeks with no way to see where their case is, so they phone the helpline, which slows every case down.",
        affected: "The people using the service, and the staff who answer their calls.",
        evidence: "Helpline call logs, complaints data and six interviews with staff.",
        approach:
          "Show people where their case is and what happens next, using data the service already holds.",
        success_measures: "Fewer calls asking for progress; shorter time from application to decision.",
      })),
    );
    await inBatches(versions, (batch) => tx.insertInto("problem_statement_versions").values(batch).execute());
    count("problem_statement_versions", versions.length);
    const reviews = statementPlans.flatMap((p) => {
      const statementId = statementIdOf.get(p.t.id)!;
      const review = (mentorId: number, decision: "approved" | "changes_requested") => ({
        statement_id: statementId,
        version_number: 2,
        mentor_id: mentorId,
        reviewer_id: mentorId,
        decision,
        comment: decision === "approved" ? "Clear and well evidenced." : "Say how you would measure success.",
        on_behalf_reason: null,
        created_at: `${addDays(p.deadline, 1)}T11:00:00.000Z`,
      });
      if (p.status === "approved")
        return [review(p.t.government, "approved"), review(p.t.industry, "approved")];
      if (p.status === "submitted") return [review(p.t.government, "approved")];
      if (p.status === "changes_requested") return [review(p.t.industry, "changes_requested")];
      return [];
    });
    await inBatches(reviews, (batch) => tx.insertInto("statement_reviews").values(batch).execute());
    count("statement_reviews", reviews.length);

    // Skills questionnaires at the start and the end (the running cohort's end questionnaire is open now).
    const questionRows = await inBatches(
      plans.flatMap((c) =>
        Array.from({ length: SKILLS_QUESTIONS }, (_, q) => ({
          cohort_id: c.id,
          position: q + 1,
          text: `How confident are you in skill ${q + 1}?`,
          created_at: `${addDays(c.start, -10)}T10:00:00.000Z`,
        })),
      ),
      (batch) => tx.insertInto("skills_questions").values(batch).returning(["id", "cohort_id"]).execute(),
    );
    count("skills_questions", questionRows.length);
    const phases = plans.flatMap((c) => [
      {
        cohort_id: c.id,
        phase: "start" as const,
        opened_at: `${c.start}T09:00:00.000Z`,
        deadline: addDays(c.start, 14),
      },
      {
        cohort_id: c.id,
        phase: "end" as const,
        opened_at: c.running ? `${addDays(today, -3)}T09:00:00.000Z` : `${addDays(c.end, -7)}T09:00:00.000Z`,
        deadline: c.running ? addDays(today, 11) : addDays(c.end, 14),
      },
    ]);
    await tx.insertInto("skills_phases").values(phases).execute();
    count("skills_phases", phases.length);
    const questionsOf = new Map<number, number[]>();
    for (const q of questionRows)
      questionsOf.set(q.cohort_id, [...(questionsOf.get(q.cohort_id) ?? []), q.id]);
    const answers = plans.flatMap((c) =>
      (["start", "end"] as const).flatMap((phase) =>
        c.participants
          .filter((_, i) => i % 7 !== 6 && !(phase === "end" && c.running && i % 2 === 0))
          .flatMap((personId) =>
            questionsOf.get(c.id)!.map((questionId) => ({
              cohort_id: c.id,
              person_id: personId,
              question_id: questionId,
              phase,
              confidence: 1 + Math.floor(random() * 5),
              submitted_at: phase === "start" ? `${addDays(c.start, 7)}T12:00:00.000Z` : now,
            })),
          ),
      ),
    );
    await inBatches(answers, (batch) => tx.insertInto("skills_answers").values(batch).execute());
    count("skills_answers", answers.length);

    // Pitch days: running order, the default rubric, panels, conflicts, scoring sheets and their scores.
    const eventRows = await tx
      .insertInto("pitch_events")
      .values(
        plans.map((c) => {
          const date = addDays(c.start, 7 * 11 + 3);
          return {
            cohort_id: c.id,
            date,
            start_time: "10:00",
            venue: "100 Parliament Street, London",
            online_link: null,
            pitch_minutes: 10,
            questions_minutes: 5,
            changeover_minutes: 5,
            break_after: 3,
            break_minutes: 15,
            order_seed: `bench-${c.k}`,
            scoring_state: c.running ? ("open" as const) : ("closed" as const),
            scoring_opened_at: `${c.running ? today : date}T09:30:00.000Z`,
            scoring_closed_at: c.running ? null : `${date}T16:00:00.000Z`,
            results_released_at: c.running ? null : `${date}T17:00:00.000Z`,
            ranking_published_at: c.running ? null : `${date}T17:00:00.000Z`,
            feedback_attribution: "attributed" as const,
            created_at: `${addDays(c.start, 10)}T10:00:00.000Z`,
            updated_at: `${addDays(c.start, 10)}T10:00:00.000Z`,
          };
        }),
      )
      .returning(["id", "cohort_id"])
      .execute();
    count("pitch_events", eventRows.length);
    const eventIdOf = new Map(eventRows.map((e) => [e.cohort_id, e.id]));
    const slots = plans.flatMap((c) => {
      const order = shuffle(
        c.teams.map((t) => t.number),
        random,
      );
      return order.map((number, index) => ({
        event_id: eventIdOf.get(c.id)!,
        team_id: teamIdOf.get(`${c.id}.${number}`)!,
        position: index + 1,
      }));
    });
    await tx.insertInto("pitch_slots").values(slots).execute();
    count("pitch_slots", slots.length);
    // Finished cohorts' results are released to every team.
    const released = new Map(eventRows.map((e) => [e.id, plans.find((c) => c.id === e.cohort_id)!]));
    const releases = slots
      .filter((slot) => !released.get(slot.event_id)!.running)
      .map((slot) => ({
        event_id: slot.event_id,
        team_id: slot.team_id,
        released_at: `${addDays(released.get(slot.event_id)!.start, 7 * 11 + 3)}T17:00:00.000Z`,
      }));
    if (releases.length) await tx.insertInto("pitch_team_releases").values(releases).execute();
    count("pitch_team_releases", releases.length);
    const criterionRows = await inBatches(
      eventRows.flatMap((e) =>
        DEFAULT_RUBRIC.map((criterion, index) => ({
          event_id: e.id,
          position: index + 1,
          name: criterion.name,
          description: criterion.description,
          weight: criterion.weight,
          max: criterion.max,
          levels: JSON.stringify(criterion.levels),
        })),
      ),
      (batch) =>
        tx.insertInto("rubric_criteria").values(batch).returning(["id", "event_id", "position"]).execute(),
    );
    count("rubric_criteria", criterionRows.length);
    const criteriaOf = new Map<number, number[]>();
    for (const r of [...criterionRows].sort((a, b) => a.position - b.position))
      criteriaOf.set(r.event_id, [...(criteriaOf.get(r.event_id) ?? []), r.id]);
    const panel = plans.flatMap((c) =>
      c.panel.map((personId) => ({
        event_id: eventIdOf.get(c.id)!,
        person_id: personId,
        created_at: `${addDays(c.start, 30)}T10:00:00.000Z`,
      })),
    );
    await inBatches(panel, (batch) => tx.insertInto("panel_members").values(batch).execute());
    count("panel_members", panel.length);
    // One leader on each panel declares a conflict with one team; leaders who work where a team's member or
    // mentor works are in conflict with it. Neither scores that team.
    const declared = plans.map((c) => ({
      event_id: eventIdOf.get(c.id)!,
      person_id: c.panel.find((id) => !c.drafts.has(id))!,
      team_id: teamIdOf.get(`${c.id}.${(c.k % TEAMS_PER_COHORT) + 1}`)!,
      reason: "Sponsored a similar project last year",
      created_at: `${addDays(c.start, 70)}T10:00:00.000Z`,
    }));
    await tx.insertInto("declared_conflicts").values(declared).execute();
    count("declared_conflicts", declared.length);
    const declaredKeys = new Set(declared.map((d) => `${d.person_id}.${d.team_id}`));
    type SheetPlan = {
      eventId: number;
      leaderId: number;
      teamId: number;
      status: SheetStatus;
      at: string;
      scores: number[];
      cohortId: number;
      teamNumber: number;
    };
    const sheetPlans: SheetPlan[] = [];
    for (const c of plans) {
      const eventId = eventIdOf.get(c.id)!;
      const criteria = criteriaOf.get(eventId)!;
      const pitchDate = addDays(c.start, 7 * 11 + 3);
      for (const leaderId of c.panel) {
        const leaderOrganisation = orgOfPerson.get(leaderId);
        const harshness = random() * 1.5 - 0.75;
        for (const t of c.teams) {
          const teamId = teamIdOf.get(`${c.id}.${t.number}`)!;
          const colleagues = [...t.members, t.government, t.industry].some(
            (id) => orgOfPerson.get(id) === leaderOrganisation,
          );
          if (colleagues || declaredKeys.has(`${leaderId}.${teamId}`)) continue;
          const draft = c.drafts.has(leaderId);
          const quality = 3 + ((t.number * 7 + c.k) % 5) / 2 - 1;
          const scores = criteria
            .slice(0, draft ? 3 : criteria.length)
            .map(() => Math.min(5, Math.max(1, Math.round(quality + harshness + random() * 2 - 1))));
          sheetPlans.push({
            eventId,
            leaderId,
            teamId,
            status: draft ? "draft" : "submitted",
            at: `${c.running ? today : pitchDate}T${String(10 + t.number).padStart(2, "0")}:30:00.000Z`,
            scores,
            cohortId: c.id,
            teamNumber: t.number,
          });
        }
      }
    }
    const sheetRows = await inBatches(
      sheetPlans.map((s, i) => ({
        event_id: s.eventId,
        person_id: s.leaderId,
        team_id: s.teamId,
        status: s.status,
        worked_well: FEEDBACK[i % FEEDBACK.length]!,
        could_be_better: IMPROVE[i % IMPROVE.length]!,
        created_at: s.at,
        updated_at: s.at,
        submitted_at: s.status === "submitted" ? s.at : null,
      })),
      (batch) =>
        tx
          .insertInto("scoring_sheets")
          .values(batch)
          .returning(["id", "event_id", "person_id", "team_id"])
          .execute(),
    );
    count("scoring_sheets", sheetRows.length);
    const sheetIdOf = new Map(sheetRows.map((r) => [`${r.event_id}.${r.person_id}.${r.team_id}`, r.id]));
    const scores = sheetPlans.flatMap((s) => {
      const sheetId = sheetIdOf.get(`${s.eventId}.${s.leaderId}.${s.teamId}`)!;
      const criteria = criteriaOf.get(s.eventId)!;
      return s.scores.map((score, index) => ({ sheet_id: sheetId, criterion_id: criteria[index]!, score }));
    });
    await inBatches(scores, (batch) => tx.insertInto("sheet_scores").values(batch).execute());
    count("sheet_scores", scores.length);
    const audit = sheetPlans
      .filter((s) => s.status === "submitted")
      .map((s) => ({
        at: s.at,
        actor_person_id: s.leaderId,
        action: "pitch_day.sheet_submitted",
        subject_type: "team",
        subject_id: s.teamId,
        cohort_id: s.cohortId,
        address: "127.0.0.1",
        details: JSON.stringify({ team: `Team ${s.teamNumber}` }),
      }));
    await inBatches(audit, (batch) => tx.insertInto("audit_events").values(batch).execute());
    count("audit_events", audit.length);

    // Three months on, what became of the finished cohorts' ideas.
    const outcomes = teams
      .filter((t) => !t.cohort.running && addDays(t.cohort.end, 91) < today)
      .map((t) => ({
        team_id: t.id,
        follow_up: "3-months" as const,
        status: (["taken-forward", "piloted", "under-consideration", "not-taken-forward"] as const)[t.j % 4]!,
        note: null,
        recorded_by: t.cohort.coordinator,
        recorded_at: `${addDays(t.cohort.end, 91)}T10:00:00.000Z`,
      }));
    await inBatches(outcomes, (batch) => tx.insertInto("team_outcomes").values(batch).execute());
    count("team_outcomes", outcomes.length);

    const newest = plans[plans.length - 1]!;
    const firstTeam = newest.teams[0]!;
    const teamId = teamIdOf.get(`${newest.id}.${firstTeam.number}`)!;
    const newestEvent = eventIdOf.get(newest.id)!;
    return {
      cohortId: newest.id,
      participantId: firstTeam.members[0]!,
      mentorId: firstTeam.government,
      coordinatorId: newest.coordinator,
      teamId,
      criterionIds: criteriaOf.get(newestEvent)!,
      draftSheets: sheetPlans
        .filter((s) => s.eventId === newestEvent && s.status === "draft")
        .map((s) => ({ leaderId: s.leaderId, teamId: s.teamId, version: 1 })),
      rows,
    };
  }
}
