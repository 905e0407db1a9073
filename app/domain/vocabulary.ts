// The words of the domain, once: each table maps a stored value to its label. Types, zod enums and the database
// types (db/types.ts) derive from these tables, so adding a value is one line here.

/** The values of a label table, in the table's order, as a non-empty tuple for `z.enum`. */
export function valuesOf<T extends Record<string, string>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export const SECTORS = { government: "Government", industry: "Industry" } as const;
export type Sector = keyof typeof SECTORS;

/** The UK regions whose bank holidays differ: the division names of GOV.UK's bank holiday data. */
export const REGIONS = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
} as const;
export type Region = keyof typeof REGIONS;

export const COHORT_ROLES = {
  coordinator: "Coordinator",
  mentor: "Mentor",
  participant: "Participant",
  leader: "Senior leader",
  sponsor: "Sponsor",
} as const;
export type CohortRole = keyof typeof COHORT_ROLES;

export const COHORT_STATUSES = { planning: "Planning", running: "Running", finished: "Finished" } as const;
export type CohortStatus = keyof typeof COHORT_STATUSES;

export const LINK_PURPOSES = { invite: "Invitation", reset: "Password reset" } as const;
export type LinkPurpose = keyof typeof LINK_PURPOSES;

export const RELEASE_STATUSES = {
  requested: "Requested",
  approved: "Approved",
  declined: "Declined",
} as const;
export type ReleaseStatus = keyof typeof RELEASE_STATUSES;

export const MILESTONE_KINDS = {
  "kick-off": "Kick-off",
  "problem-statement": "Problem statement due",
  "mid-point": "Mid-point review",
  "final-pitches": "Final pitches",
} as const;
export type MilestoneKind = keyof typeof MILESTONE_KINDS;

export const VISIT_STATUSES = { planned: "Planned", confirmed: "Confirmed", cancelled: "Cancelled" } as const;
export type VisitStatus = keyof typeof VISIT_STATUSES;

export const ATTENDANCE_STATUSES = {
  attended: "Attended",
  apologies: "Sent apologies",
  absent: "Absent",
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;

export const SCORING_STATES = { not_open: "Not open", open: "Open", closed: "Closed" } as const;
export type ScoringState = keyof typeof SCORING_STATES;

export const FEEDBACK_ATTRIBUTIONS = { attributed: "Attributed", anonymous: "Anonymous" } as const;
export type FeedbackAttribution = keyof typeof FEEDBACK_ATTRIBUTIONS;

export const SHEET_STATUSES = { draft: "Draft", submitted: "Submitted" } as const;
export type SheetStatus = keyof typeof SHEET_STATUSES;

export const SKILLS_PHASES = { start: "Start of programme", end: "End of programme" } as const;
export type SkillsPhase = keyof typeof SKILLS_PHASES;

export const FOLLOW_UPS = { "3-months": "3 months after", "6-months": "6 months after" } as const;
export type FollowUp = keyof typeof FOLLOW_UPS;

export const OUTCOME_STATUSES = {
  "taken-forward": "Taken forward",
  piloted: "Piloted",
  "under-consideration": "Under consideration",
  "not-taken-forward": "Not taken forward",
} as const;
export type OutcomeStatus = keyof typeof OUTCOME_STATUSES;

export const SESSION_FORMATS = {
  "in-person": "In person",
  video: "Video call",
  phone: "Phone",
} as const;
export type SessionFormat = keyof typeof SESSION_FORMATS;

export const ATTENDEE_ROLES = { member: "Team member", mentor: "Mentor" } as const;
export type AttendeeRole = keyof typeof ATTENDEE_ROLES;

export const STATEMENT_STATUSES = {
  draft: "Draft",
  submitted: "Submitted for review",
  changes_requested: "Changes requested",
  approved: "Approved",
} as const;
export type StatementStatus = keyof typeof STATEMENT_STATUSES;

export const STATEMENT_CATEGORIES = {
  technology: "Technology",
  operational: "Operational",
  policy: "Policy",
} as const;
export type StatementCategory = keyof typeof STATEMENT_CATEGORIES;

export const REVIEW_DECISIONS = { approved: "Approved", changes_requested: "Changes requested" } as const;
export type ReviewDecision = keyof typeof REVIEW_DECISIONS;

/** Where an outgoing email stands in the outbox. */
export const MESSAGE_STATUSES = {
  pending: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
} as const;
export type MessageStatus = keyof typeof MESSAGE_STATUSES;

/**
 * The kinds of email Tandem sends. Essential ones (sign-in and invitations) always go; people can turn the others
 * off in their profile, or with the link at the foot of each.
 */
export const MESSAGE_KINDS = {
  invitation: "Invitation to a cohort",
  password_reset: "Password reset",
  team_published: "Your team is published",
  visit_reminder: "Reminder of a company visit the day before",
  session_overdue: "Mentors: no session logged with your team for a while",
  action_due: "An action of yours is due tomorrow",
  statement_submitted: "Mentors: your team submitted its problem statement",
  statement_reviewed: "Your mentors reviewed your team's problem statement",
  panel_added: "You were added to a pitch-day panel",
  scoring_open: "Scoring is open",
  results_released: "Your team's pitch feedback is released",
  health_digest: "Coordinators: weekly digest of team health",
} as const;
export type MessageKind = keyof typeof MESSAGE_KINDS;

/** Mail that always goes: people cannot turn it off (it is how they sign in). */
export const ESSENTIAL_MESSAGE_KINDS: readonly MessageKind[] = ["invitation", "password_reset"];
