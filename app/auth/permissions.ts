// What each role in a cohort may do, as named permissions. Guards refuse a request without the permission the
// route names; pages ask `can(access, …)` to decide what to show. No route names a role.
import type { CohortRole } from "~/domain/vocabulary";

/** "admin" stands for a site administrator, who holds no role in the cohort. */
type Holder = CohortRole | "admin";

const EVERYONE: Holder[] = ["coordinator", "mentor", "participant", "leader", "sponsor", "admin"];
const COORDINATION: Holder[] = ["coordinator", "admin"];

export const PERMISSIONS = {
  /** The cohort's home page and its list of people. */
  "cohort:view": EVERYONE,
  /** Taking part (everyone but sponsors, who read the report): schedule, calendars, timetable, statements. */
  "cohort:take-part": ["coordinator", "mentor", "participant", "leader", "admin"],
  /** Cohort details, people, invitations, nominations, organisations, visits, milestones, attendance. */
  "cohort:manage": COORDINATION,
  /** Forming, naming and publishing teams and pairing mentors. */
  "teams:manage": COORDINATION,
  /** A participant's or mentor's own team page. */
  "team:own": ["participant", "mentor"],
  /** A team's mentoring sessions and problem statement, as its members, its mentors or the coordinators. */
  "mentoring:take-part": ["coordinator", "mentor", "participant", "admin"],
  /** The pitch day: event, rubric, panel, order, scoring window, results. */
  "pitch-day:manage": COORDINATION,
  /** Scoring the pitches a leader is on the panel for. */
  "pitch-day:score": ["leader"],
  /** A team's released pitch feedback. */
  "pitch-day:read-feedback": ["participant", "mentor"],
  /** The cohort report: figures for the sponsor, individuals' figures only with "report:individuals". */
  "report:view": ["coordinator", "sponsor", "admin"],
  "report:individuals": COORDINATION,
  /** Skills questionnaires and outcomes. */
  "skills:manage": COORDINATION,
  "skills:answer": ["participant"],
  "outcomes:manage": COORDINATION,
  /** Publishing the teams' problem statements to the whole cohort. */
  "statements:manage": COORDINATION,
  /** The team health view and its nudges. */
  "health:view": COORDINATION,
  /** The outbox: every email Tandem has sent or will send, read in full and sent again. Site-wide, no cohort's. */
  "outbox:manage": ["admin"],
  /** The list of system administrators, and appointing another (which asks for a second factor first). */
  "admins:manage": ["admin"],
  /** The identity providers (single sign-on) of the organisations whose people sign in through them. Site-wide. */
  "identity-providers:manage": ["admin"],
} as const satisfies Record<string, Holder[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is asking, in a cohort: their roles there and whether they administer the site. */
export type CohortAccessHolder = { roles: readonly CohortRole[]; user: { isAdmin: boolean } };

export function can(access: CohortAccessHolder, permission: Permission): boolean {
  const holders: readonly Holder[] = PERMISSIONS[permission];
  return (
    access.roles.some((role) => holders.includes(role)) || (access.user.isAdmin && holders.includes("admin"))
  );
}
