// The words of the domain, once: each vocabulary maps a stored value to its label. Types, zod enums and the
// database types (db/types.ts) derive from these tables, so adding a value is one line here.

export const VOCABULARY = {
  sector: { government: "Government", industry: "Industry" },
  /** The UK regions whose bank holidays differ: the division names of GOV.UK's bank holiday data. */
  region: {
    "england-and-wales": "England and Wales",
    scotland: "Scotland",
    "northern-ireland": "Northern Ireland",
  },
  cohortRole: {
    coordinator: "Coordinator",
    mentor: "Mentor",
    participant: "Participant",
    leader: "Senior leader",
    sponsor: "Sponsor",
  },
  cohortStatus: { planning: "Planning", running: "Running", finished: "Finished" },
  linkPurpose: { invite: "Invitation", reset: "Password reset" },
  /**
   * How a session began. "password" alone is one factor; the others are two (a password and a code, a passkey, or
   * an identity provider that vouches for the person), which the session records as its `verified_at`.
   */
  signInMethod: {
    password: "Password",
    "password-and-code": "Password and a code",
    passkey: "Passkey",
    sso: "Single sign-on",
  },
  /** What a WebAuthn challenge is for: adding a passkey, signing in with one, or confirming it is you with one. */
  webauthnPurpose: { register: "Add a passkey", "sign-in": "Sign in", confirm: "Confirm it is you" },
  /** What the step after a right password asks for: a code, or setting up two-step verification first. */
  secondStepPurpose: { verify: "Enter a code", enrol: "Set up two-step verification" },
  /** Why Tandem sent someone to their organisation's identity provider. */
  ssoPurpose: {
    "sign-in": "Signing in",
    invitation: "Accepting an invitation",
    confirm: "Confirming it is them",
  },
  releaseStatus: { requested: "Requested", approved: "Approved", declined: "Declined" },
  milestoneKind: {
    "kick-off": "Kick-off",
    "problem-statement": "Problem statement due",
    "mid-point": "Mid-point review",
    "final-pitches": "Final pitches",
  },
  visitStatus: { planned: "Planned", confirmed: "Confirmed", cancelled: "Cancelled" },
  attendanceStatus: { attended: "Attended", apologies: "Sent apologies", absent: "Absent" },
  scoringState: { not_open: "Not open", open: "Open", closed: "Closed" },
  feedbackAttribution: { attributed: "Attributed", anonymous: "Anonymous" },
  sheetStatus: { draft: "Draft", submitted: "Submitted" },
  skillsPhase: { start: "Start of programme", end: "End of programme" },
  followUp: { "3-months": "3 months after", "6-months": "6 months after" },
  outcomeStatus: {
    "taken-forward": "Taken forward",
    piloted: "Piloted",
    "under-consideration": "Under consideration",
    "not-taken-forward": "Not taken forward",
  },
  sessionFormat: { "in-person": "In person", video: "Video call", phone: "Phone" },
  attendeeRole: { member: "Team member", mentor: "Mentor" },
  statementStatus: {
    draft: "Draft",
    submitted: "Submitted for review",
    changes_requested: "Changes requested",
    approved: "Approved",
  },
  statementCategory: { technology: "Technology", operational: "Operational", policy: "Policy" },
  reviewDecision: { approved: "Approved", changes_requested: "Changes requested" },
  /** Where an outgoing email stands in the outbox. */
  messageStatus: { pending: "Waiting to send", sending: "Sending", sent: "Sent", failed: "Failed" },
  /**
   * The kinds of email Tandem sends. Essential ones (sign-in and invitations) always go; people can turn the others
   * off in their profile, or with the link at the foot of each.
   */
  messageKind: {
    invitation: "Invitation to a cohort",
    password_reset: "Password reset",
    second_factor_reset: "Your two-step verification was reset",
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
  },
} as const;

/** A stored value of one vocabulary: `Term<"sector">` is `"government" | "industry"`. */
export type Term<V extends keyof typeof VOCABULARY> = keyof (typeof VOCABULARY)[V];

/** The values of a label table, in the table's order, as a non-empty tuple for `z.enum`. */
export function valuesOf<T extends Record<string, string>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

// Each vocabulary under the name the code knows it by: its label table, and the type of its stored values.
export const {
  sector: SECTORS,
  region: REGIONS,
  cohortRole: COHORT_ROLES,
  cohortStatus: COHORT_STATUSES,
  linkPurpose: LINK_PURPOSES,
  signInMethod: SIGN_IN_METHODS,
  webauthnPurpose: WEBAUTHN_PURPOSES,
  secondStepPurpose: SECOND_STEP_PURPOSES,
  ssoPurpose: SSO_PURPOSES,
  releaseStatus: RELEASE_STATUSES,
  milestoneKind: MILESTONE_KINDS,
  visitStatus: VISIT_STATUSES,
  attendanceStatus: ATTENDANCE_STATUSES,
  scoringState: SCORING_STATES,
  feedbackAttribution: FEEDBACK_ATTRIBUTIONS,
  sheetStatus: SHEET_STATUSES,
  skillsPhase: SKILLS_PHASES,
  followUp: FOLLOW_UPS,
  outcomeStatus: OUTCOME_STATUSES,
  sessionFormat: SESSION_FORMATS,
  attendeeRole: ATTENDEE_ROLES,
  statementStatus: STATEMENT_STATUSES,
  statementCategory: STATEMENT_CATEGORIES,
  reviewDecision: REVIEW_DECISIONS,
  messageStatus: MESSAGE_STATUSES,
  messageKind: MESSAGE_KINDS,
} = VOCABULARY;

export type Sector = Term<"sector">;
export type Region = Term<"region">;
export type CohortRole = Term<"cohortRole">;
export type CohortStatus = Term<"cohortStatus">;
export type LinkPurpose = Term<"linkPurpose">;
export type SignInMethod = Term<"signInMethod">;
export type WebauthnPurpose = Term<"webauthnPurpose">;
export type SecondStepPurpose = Term<"secondStepPurpose">;
export type SsoPurpose = Term<"ssoPurpose">;
export type ReleaseStatus = Term<"releaseStatus">;
export type MilestoneKind = Term<"milestoneKind">;
export type VisitStatus = Term<"visitStatus">;
export type AttendanceStatus = Term<"attendanceStatus">;
export type ScoringState = Term<"scoringState">;
export type FeedbackAttribution = Term<"feedbackAttribution">;
export type SheetStatus = Term<"sheetStatus">;
export type SkillsPhase = Term<"skillsPhase">;
export type FollowUp = Term<"followUp">;
export type OutcomeStatus = Term<"outcomeStatus">;
export type SessionFormat = Term<"sessionFormat">;
export type AttendeeRole = Term<"attendeeRole">;
export type StatementStatus = Term<"statementStatus">;
export type StatementCategory = Term<"statementCategory">;
export type ReviewDecision = Term<"reviewDecision">;
export type MessageStatus = Term<"messageStatus">;
export type MessageKind = Term<"messageKind">;

/** Mail that always goes: people cannot turn it off (it is how they sign in). */
export const ESSENTIAL_MESSAGE_KINDS: readonly MessageKind[] = [
  "invitation",
  "password_reset",
  "second_factor_reset",
];
