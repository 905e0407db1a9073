// Personal data: everything Tandem holds about a person (found from the schema's foreign keys to people), and
// anonymisation, by the retention policy or on request.

import { anonymisedEmail, anonymisedName, type RetentionCandidate } from "~/domain/retention";
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import { type SchemaDb, tablesReferencing } from "../../db/introspect";

type Anonymise =
  | { action: "keep"; why: string }
  | { action: "delete"; why: string }
  | { action: "scrub"; set: Record<string, null | number>; why: string };

type PeopleReference = {
  /** Columns never exported: secrets that would let someone act as the person. */
  secret?: string[];
  /** What anonymisation does to the rows that are the person's own (`by` = their id; default person_id). */
  anonymise: Anonymise;
  by?: string;
};

/**
 * Every table holding a foreign key to people, and how anonymisation treats it. A new table that refers to people
 * must be added here (a test compares this list with the schema), so nobody forgets what happens to its rows.
 */
export const PEOPLE_REFERENCES: Record<string, PeopleReference> = {
  accounts: {
    secret: ["password_hash"],
    anonymise: {
      action: "scrub",
      set: { password_hash: null, password_set_at: null, is_admin: 0 },
      why: "the row stays so figures that count accounts are unchanged; nobody can sign in as the person",
    },
  },
  sessions: { secret: ["id", "sso_id_token"], anonymise: { action: "delete", why: "ends every session" } },
  identity_providers: {
    secret: ["client_secret"],
    by: "added_by",
    anonymise: {
      action: "keep",
      why: "an identity provider an administrator added stays for its organisation; the audit log says who added it",
    },
  },
  one_time_links: {
    secret: ["token_hash"],
    anonymise: { action: "delete", why: "unused invitation and reset links stop working" },
  },
  passkeys: {
    secret: ["public_key"],
    anonymise: { action: "delete", why: "their passkeys stop working" },
  },
  webauthn_challenges: {
    secret: ["challenge"],
    anonymise: { action: "delete", why: "unused passkey challenges go" },
  },
  calendar_feeds: {
    secret: ["token_hash"],
    anonymise: { action: "delete", why: "the calendar address stops working" },
  },
  second_factors: {
    secret: ["totp_key", "last_step"],
    anonymise: { action: "delete", why: "nobody can sign in as the person, so their authenticator key goes" },
  },
  recovery_codes: {
    secret: ["code_hash"],
    anonymise: { action: "delete", why: "their recovery codes go with their authenticator key" },
  },
  pending_sign_ins: {
    secret: ["token_hash", "pending_key", "reveal"],
    anonymise: { action: "delete", why: "a sign-in half done stops working" },
  },
  second_factor_failures: {
    anonymise: {
      action: "delete",
      why: "wrong codes only slow further attempts; nobody can sign in any more",
    },
  },
  memberships: {
    anonymise: {
      action: "scrub",
      set: { line_manager_email: null, withdrawal_reason: null },
      why: "roles and dates stay for the figures; the line manager's email and the reason for withdrawing go",
    },
  },
  attendance: { anonymise: { action: "keep", why: "attendance figures stay unchanged" } },
  audit_events: {
    anonymise: { action: "keep", why: "append-only; names are shown by joining to the (anonymised) person" },
    by: "actor_person_id",
  },
  team_members: { anonymise: { action: "keep", why: "team work and team figures stay" } },
  team_mentors: { anonymise: { action: "keep", why: "team work and team figures stay" } },
  team_periods: { anonymise: { action: "keep", why: "team work and attendance figures stay" } },
  team_versions: {
    anonymise: { action: "keep", why: "the teams' history; names are shown by joining to the person" },
    by: "saved_by",
  },
  team_constraints: {
    anonymise: { action: "keep", why: "refers only to anonymised ids" },
    by: "person_a",
  },
  skills_answers: { anonymise: { action: "keep", why: "the skills figures stay unchanged" } },
  team_outcomes: {
    anonymise: { action: "keep", why: "team work: the outcome belongs to the team" },
    by: "recorded_by",
  },
  panel_members: {
    anonymise: { action: "keep", why: "who sat on the panel explains the results, which stay" },
  },
  declared_conflicts: {
    anonymise: { action: "keep", why: "conflicts explain which sheets count, which stays" },
  },
  scoring_sheets: {
    anonymise: { action: "keep", why: "scores and feedback belong to the teams' results and stay" },
  },
  mentoring_sessions: {
    anonymise: { action: "keep", why: "team work: the team's record of its sessions" },
    by: "author_id",
  },
  session_attendees: { anonymise: { action: "keep", why: "attendance figures stay unchanged" } },
  outbox: {
    secret: ["text_body", "html_body", "headers"],
    anonymise: {
      action: "delete",
      why: "emails to the person hold their name and address (and one-time links, never exported)",
    },
  },
  submissions: {
    secret: ["outcome"],
    anonymise: { action: "delete", why: "one-time form keys, kept for a day, go" },
  },
  email_opt_outs: { anonymise: { action: "delete", why: "their email preferences go with their address" } },
  session_actions: {
    anonymise: { action: "keep", why: "team work: actions agreed by the team" },
    by: "owner_id",
  },
  session_private_notes: {
    anonymise: {
      action: "keep",
      why: "the team's mentoring record, seen only by its mentors and coordinators",
    },
    by: "author_id",
  },
  problem_statement_versions: {
    anonymise: { action: "keep", why: "team work: the team's statement" },
    by: "author_id",
  },
  statement_reviews: {
    anonymise: { action: "keep", why: "the sign-off of the team's statement" },
    by: "mentor_id",
  },
};

const SECRET = "(secret: not exported)";

export async function getPersonSummary(db: Db, personId: number) {
  return db
    .selectFrom("people as p")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .leftJoin("accounts as a", "a.person_id", "p.id")
    .where("p.id", "=", personId)
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.job_title",
      "p.profession",
      "p.created_at",
      "p.anonymised_at",
      "o.name as organisation_name",
      "a.is_admin",
    ])
    .executeTakeFirst();
}

/** Everything held about a person: their profile, every row of every table that refers to them, audit entries. */
export async function exportPersonalData(db: Db, personId: number) {
  const person = await getPersonSummary(db, personId);
  if (!person) return null;
  const any = db as unknown as SchemaDb;
  const references = await tablesReferencing(any, "people");
  const tables: Record<string, Array<Record<string, unknown>>> = {};
  for (const [table, columns] of references) {
    const rows = await any
      .selectFrom(table)
      .selectAll()
      .where((eb) => eb.or(columns.map((column) => eb(column, "=", personId))))
      .execute();
    const secret = PEOPLE_REFERENCES[table]?.secret ?? [];
    tables[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, secret.includes(k) ? SECRET : v])),
    );
  }
  const aboutThem = await db
    .selectFrom("audit_events")
    .where("subject_type", "=", "person")
    .where("subject_id", "=", personId)
    .selectAll()
    .orderBy("id")
    .execute();
  return {
    exportedAt: nowIso(),
    about: "Everything Tandem holds about this person. Secrets (password and link hashes) are left out.",
    person,
    tables,
    auditEntriesAboutThem: aboutThem,
  };
}

/**
 * Replaces the person's name and email, removes what identifies them beyond the figures (job title, line manager,
 * reasons, sign-in records) and ends their sessions. Returns false if they were anonymised already.
 */
export async function anonymisePerson(tx: Tx, personId: number): Promise<boolean> {
  const at = nowIso();
  const person = await tx
    .selectFrom("people")
    .where("id", "=", personId)
    .select(["email_key", "anonymised_at"])
    .executeTakeFirst();
  if (!person || person.anonymised_at) return false;
  const any = tx as unknown as SchemaDb;
  for (const [table, rule] of Object.entries(PEOPLE_REFERENCES)) {
    const by = rule.by ?? "person_id";
    if (rule.anonymise.action === "delete") await any.deleteFrom(table).where(by, "=", personId).execute();
    if (rule.anonymise.action === "scrub")
      await any.updateTable(table).set(rule.anonymise.set).where(by, "=", personId).execute();
  }
  await tx.deleteFrom("sign_in_failures").where("email_key", "=", person.email_key).execute();
  const email = anonymisedEmail(personId);
  await tx
    .updateTable("people")
    .set({
      name: anonymisedName(personId),
      email,
      email_key: email,
      job_title: null,
      anonymised_at: at,
      updated_at: at,
    })
    .where("id", "=", personId)
    .execute();
  return true;
}

/** Everyone in at least one cohort, with each cohort's dates and its programme's retention period. */
export async function retentionCandidates(db: Db): Promise<RetentionCandidate[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .innerJoin("programmes as g", "g.id", "c.programme_id")
    .leftJoin("accounts as a", "a.person_id", "p.id")
    .select(["p.id", "p.anonymised_at", "a.is_admin", "c.start_date", "c.weeks", "g.retention_months"])
    .orderBy("p.id")
    .execute();
  const byPerson = new Map<number, RetentionCandidate>();
  for (const row of rows) {
    const entry = byPerson.get(row.id) ?? {
      personId: row.id,
      anonymisedAt: row.anonymised_at,
      isAdmin: row.is_admin === 1,
      cohorts: [],
    };
    entry.cohorts.push({
      startDate: row.start_date,
      weeks: row.weeks,
      retentionMonths: row.retention_months,
    });
    byPerson.set(row.id, entry);
  }
  return [...byPerson.values()];
}

export async function namesOf(db: Db, personIds: number[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom("people").where("id", "in", personIds).select(["id", "name"]).orderBy("id").execute();
}
