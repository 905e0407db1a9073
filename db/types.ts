// The Database interface Kysely is typed with: one interface per table.
import type { ColumnType, Generated, Selectable } from "kysely";
import type {
  AttendanceStatus,
  AttendeeRole,
  CohortRole,
  CohortStatus,
  FeedbackAttribution,
  FollowUp,
  LinkPurpose,
  MessageKind,
  MessageStatus,
  MilestoneKind,
  OutcomeStatus,
  Region,
  ReleaseStatus,
  ReviewDecision,
  ScoringState,
  SecondStepPurpose,
  Sector,
  SessionFormat,
  SheetStatus,
  SignInMethod,
  SkillsPhase,
  SsoPurpose,
  StatementCategory,
  StatementStatus,
  VisitStatus,
  WebauthnPurpose,
} from "../app/domain/vocabulary";

export type * from "../app/domain/vocabulary";

/** ISO-8601 UTC instant, e.g. 2026-11-23T19:08:24.000Z */
export type Instant = string;
/** Calendar date, YYYY-MM-DD */
export type CalendarDate = string;

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  sector: Sector;
  kind: string;
  region: Region;
  created_at: Instant;
  version: ColumnType<number, number | undefined, number>;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  email: string;
  /** Lower-cased email: the unique key people are matched by. */
  email_key: string;
  organisation_id: number | null;
  job_title: string | null;
  profession: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** When the person's details were replaced under the retention policy or on request; null until then. */
  anonymised_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

export interface AccountsTable {
  person_id: number;
  password_hash: string | null;
  is_admin: ColumnType<number, number | undefined, number>;
  password_set_at: Instant | null;
  created_at: Instant;
}

export interface SessionsTable {
  /** SHA-256 of the random token in the cookie: the token itself is never stored. */
  id: string;
  person_id: number;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  flash: string | null;
  /** A secret (such as a new one-time link) to show once on the next page, then forget. */
  reveal: string | null;
  /** How the session began. */
  method: ColumnType<SignInMethod, SignInMethod | undefined, SignInMethod>;
  /**
   * When a second factor (a code, a passkey) or an identity provider last vouched for the person in this session:
   * at sign-in, and again when they confirm it is them before a dangerous action (step-up). Null for a password
   * alone.
   */
  verified_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The identity provider the session came from (single sign-on), or null. */
  sso_provider_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The provider's ID token for this sign-in, sealed (secret-box), for its end-session endpoint; or null. */
  sso_id_token: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An organisation's OpenID Connect provider, which signs in the people of the email domains it vouches for. */
export interface IdentityProvidersTable {
  id: Generated<number>;
  name: string;
  /** The issuer URL, whose /.well-known/openid-configuration describes the provider. */
  issuer: string;
  client_id: string;
  /** Sealed with SECRETS_KEY (app/utils/secret-box.server.ts); never shown again once saved. */
  client_secret: string;
  added_by: number | null;
  added_at: Instant;
  updated_at: Instant;
  version: ColumnType<number, number | undefined, number>;
}

/** An email domain (lower case, like "hmrc.gov.uk") and the one provider that vouches for it. */
export interface IdentityProviderDomainsTable {
  domain: string;
  provider_id: number;
}

/** One sign-in through a provider, from Tandem's redirect to its callback: used once, within 10 minutes. */
export interface SsoRequestsTable {
  id: Generated<number>;
  /** SHA-256 of the `state` sent to the provider (the browser holds the state itself in a signed cookie). */
  state_hash: string;
  nonce: string;
  /** The PKCE code verifier. */
  code_verifier: string;
  provider_id: number;
  purpose: SsoPurpose;
  /** For an invitation accepted through the provider: the one-time link it uses. */
  link_id: number | null;
  /** For a "confirm it is you" (step-up): the session it verifies. */
  session_id: string | null;
  redirect_to: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface OneTimeLinksTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  purpose: LinkPurpose;
  created_by: number | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  email_key: string;
  address: string;
  at: Instant;
}

/** A passkey (WebAuthn credential) a person registered: verified against its public key at each use. */
export interface PasskeysTable {
  id: Generated<number>;
  person_id: number;
  /** The credential's id, base64url, as the authenticator names it. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter: a use that does not raise it (when it counts) is refused. */
  counter: ColumnType<number, number | undefined, number>;
  /** JSON array of the transports the authenticator reported ("internal", "hybrid", "usb"…). */
  transports: ColumnType<string, string | undefined, string>;
  device_type: "singleDevice" | "multiDevice";
  backed_up: ColumnType<number, number | undefined, number>;
  /** The name the person gave it. */
  name: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

/** A single-use WebAuthn challenge, valid for 5 minutes; used in the transaction that verifies the answer. */
export interface WebauthnChallengesTable {
  id: Generated<number>;
  /** base64url */
  challenge: string;
  purpose: WebauthnPurpose;
  /** The person it was issued to (adding a passkey, confirming); null for signing in, before anyone is known. */
  person_id: number | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface ProgrammesTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  sponsor_organisation_id: number | null;
  created_at: Instant;
  updated_at: Instant;
  /** Months after a cohort ends before its people are anonymised (more than 0). */
  retention_months: ColumnType<number, number | undefined, number>;
  /** 1 when everyone in the programme's cohorts must use two-step verification (a second factor). */
  require_second_factor: ColumnType<number, number | undefined, number>;
}

export interface CohortsTable {
  id: Generated<number>;
  programme_id: number;
  name: string;
  start_date: CalendarDate;
  weeks: ColumnType<number, number | undefined, number>;
  team_count: ColumnType<number, number | undefined, number>;
  status: ColumnType<CohortStatus, CohortStatus | undefined, CohortStatus>;
  /** Rises on every edit, so two people editing at once cannot silently overwrite each other. */
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
  /** 1 (Monday) to 5 (Friday): the day company visits take place. */
  visit_weekday: ColumnType<number, number | undefined, number>;
  /** HH:mm, London time */
  visit_start_time: ColumnType<string, string | undefined, string>;
  visit_end_time: ColumnType<string, string | undefined, string>;
  /** When the teams were shown to participants and mentors; null until then. */
  teams_published_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** Rises on every change on the teams screen, so two coordinators cannot silently overwrite each other. */
  teams_version: ColumnType<number, number | undefined, number>;
  /** JSON: the attributes balanced and kept "not alone", the weights and the last formation's figures. */
  team_settings: ColumnType<string | null, string | null | undefined, string | null>;
  /** A team with no mentoring session for more than this many days is flagged on the health view. */
  quiet_team_days: ColumnType<number, number | undefined, number>;
  /** When the coordinator showed every team's problem statement to the whole cohort; null until then. */
  statements_published_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

export interface MembershipsTable {
  id: Generated<number>;
  cohort_id: number;
  person_id: number;
  role: CohortRole;
  /**
   * The organisation the person represents in this cohort: set when they join (from their profile, or the
   * import's row when the importer may change their details), changed only with their details in this cohort.
   * Conflicts of interest are decided from it, never from the profile, so a later profile change cannot remove
   * one. Null when they represent no organisation.
   */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Instant;
  /** Participants only: whether their line manager has released them for the programme. */
  release_status: ColumnType<ReleaseStatus | null, ReleaseStatus | null | undefined, ReleaseStatus | null>;
  line_manager_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when the person leaves the cohort: the row (and their history) stays. */
  withdrawn_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  withdrawal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Instant;
  actor_person_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  cohort_id: number | null;
  address: string | null;
  /** JSON object with the details of the event. */
  details: string;
}

export interface CohortOrganisationsTable {
  id: Generated<number>;
  cohort_id: number;
  organisation_id: number;
  hosts_visit: ColumnType<number, number | undefined, number>;
  /** How many people the organisation nominates; null when it has no set number. */
  quota: number | null;
  address: string | null;
  contact_name: string | null;
  contact_email: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface HostUnavailableDatesTable {
  id: Generated<number>;
  cohort_organisation_id: number;
  date: CalendarDate;
}

export interface MilestonesTable {
  id: Generated<number>;
  cohort_id: number;
  kind: MilestoneKind;
  date: CalendarDate;
  sequence: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Instant;
}

export interface VisitsTable {
  id: Generated<number>;
  cohort_id: number;
  organisation_id: number;
  date: CalendarDate;
  /** HH:mm, London time */
  start_time: string;
  end_time: string;
  address: string | null;
  agenda: string | null;
  contact_name: string | null;
  contact_email: string | null;
  status: ColumnType<VisitStatus, VisitStatus | undefined, VisitStatus>;
  cancel_reason: string | null;
  /** iCalendar SEQUENCE: rises each time the visit moves or is cancelled. */
  sequence: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface AttendanceTable {
  id: Generated<number>;
  visit_id: number;
  person_id: number;
  status: AttendanceStatus;
  recorded_by: number | null;
  recorded_at: Instant;
}

export interface CalendarFeedsTable {
  id: Generated<number>;
  person_id: number;
  /** SHA-256 of the random token in the feed's URL: the token itself is never stored. */
  token_hash: string;
  created_at: Instant;
}

export type KeepApartKind = "keep_apart";

export interface TeamsTable {
  id: Generated<number>;
  cohort_id: number;
  number: number;
  name: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TeamMembersTable {
  id: Generated<number>;
  team_id: number;
  cohort_id: number;
  person_id: number;
  /** 1 when the coordinator has locked the person to this team. */
  locked: ColumnType<number, number | undefined, number>;
  /** The day (YYYY-MM-DD) the person joined this team when they moved to it; null: from the start. */
  since: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TeamMentorsTable {
  id: Generated<number>;
  team_id: number;
  person_id: number;
  sector: Sector;
  /** Why the coordinator accepted a mentor in conflict with the team; null when there is no conflict. */
  override_reason: string | null;
  created_at: Instant;
  /** The day (YYYY-MM-DD) the mentor started with this team after a change of mentors; null: from the start. */
  since: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * An earlier spell of a person with a team (as a member or a mentor), from `from_date` (null: the start) until
 * the day before `until_date`: a person's sessions are counted with the team they were in on each date.
 */
export interface TeamPeriodsTable {
  id: Generated<number>;
  cohort_id: number;
  team_id: number;
  person_id: number;
  role: "member" | "mentor";
  from_date: string | null;
  until_date: string;
}

/** Why the teams were saved as a version: the confirmed change that replaced them. */
export type TeamVersionCause = "regenerated" | "mentors_paired" | "restored";

/** The teams as they were before a confirmed change, to restore: `teams` is a TeamsSnapshot as JSON. */
export interface TeamVersionsTable {
  id: Generated<number>;
  cohort_id: number;
  saved_at: Instant;
  saved_by: number | null;
  cause: TeamVersionCause;
  reason: string;
  teams: string;
}

export interface TeamConstraintsTable {
  id: Generated<number>;
  cohort_id: number;
  kind: KeepApartKind;
  person_a: number;
  person_b: number;
  created_at: Instant;
}

export interface PitchEventsTable {
  id: Generated<number>;
  cohort_id: number;
  date: CalendarDate;
  /** HH:MM, London time. */
  start_time: string;
  venue: string | null;
  online_link: string | null;
  pitch_minutes: number;
  questions_minutes: number;
  changeover_minutes: number;
  /** A break follows this slot (1-based); null for none. */
  break_after: number | null;
  break_minutes: ColumnType<number, number | undefined, number>;
  /** The seed of the last random draw of the running order, so the draw can be repeated; null when set by hand. */
  order_seed: string | null;
  scoring_state: ColumnType<ScoringState, ScoringState | undefined, ScoringState>;
  scoring_opened_at: Instant | null;
  scoring_closed_at: Instant | null;
  /** When every pitching team's results were released (the last of them); null while any team's are not. */
  results_released_at: Instant | null;
  ranking_published_at: Instant | null;
  feedback_attribution: ColumnType<FeedbackAttribution, FeedbackAttribution | undefined, FeedbackAttribution>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface PitchSlotsTable {
  id: Generated<number>;
  event_id: number;
  team_id: number;
  position: number;
}

/** A team whose pitch results (its feedback and scores) are released to its members. */
export interface PitchTeamReleasesTable {
  id: Generated<number>;
  event_id: number;
  team_id: number;
  released_at: Instant;
}

export interface PanelMembersTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  created_at: Instant;
}

export interface DeclaredConflictsTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  team_id: number;
  reason: string;
  created_at: Instant;
}

export interface RubricCriteriaTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  name: string;
  description: string;
  weight: number;
  max: number;
  /** JSON array of strings: the descriptor of each level, 1 to max. */
  levels: string;
}

export interface ScoringSheetsTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  team_id: number;
  status: SheetStatus;
  worked_well: ColumnType<string, string | undefined, string>;
  could_be_better: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
  submitted_at: Instant | null;
}

export interface SheetScoresTable {
  id: Generated<number>;
  sheet_id: number;
  criterion_id: number;
  score: number;
}

export interface SkillsQuestionsTable {
  id: Generated<number>;
  cohort_id: number;
  position: number;
  text: string;
  created_at: Instant;
}

export interface SkillsPhasesTable {
  id: Generated<number>;
  cohort_id: number;
  phase: SkillsPhase;
  opened_at: Instant;
  /** The last day (London) answers are taken. */
  deadline: CalendarDate;
  version: ColumnType<number, number | undefined, number>;
}

export interface SkillsAnswersTable {
  id: Generated<number>;
  cohort_id: number;
  person_id: number;
  question_id: number;
  phase: SkillsPhase;
  /** 1 (not at all confident) to 5 (very confident). */
  confidence: number;
  submitted_at: Instant;
}

export interface TeamOutcomesTable {
  id: Generated<number>;
  team_id: number;
  follow_up: FollowUp;
  status: OutcomeStatus;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Instant;
}

export interface MentoringSessionsTable {
  id: Generated<number>;
  team_id: number;
  /** The mentor who logged the session. */
  author_id: number;
  date: CalendarDate;
  duration_minutes: number;
  format: SessionFormat;
  summary: string;
  /** When the team plans to meet next, for calendars; null when not agreed. */
  follow_up_date: CalendarDate | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
  /** Who last changed the session (its author or the team's other mentor, or a coordinator); null if never. */
  updated_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SessionAttendeesTable {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  role: AttendeeRole;
}

export interface SessionActionsTable {
  id: Generated<number>;
  session_id: number;
  /** A member of the team. */
  owner_id: number;
  text: string;
  due_date: CalendarDate;
  done_at: Instant | null;
  done_by: number | null;
  position: ColumnType<number, number | undefined, number>;
}

export interface SessionPrivateNotesTable {
  id: Generated<number>;
  session_id: number;
  author_id: number;
  text: string;
  created_at: Instant;
}

export interface ProblemStatementsTable {
  id: Generated<number>;
  team_id: number;
  status: ColumnType<StatementStatus, StatementStatus | undefined, StatementStatus>;
  /** The number of the latest saved version; 0 before the first save. */
  version: ColumnType<number, number | undefined, number>;
  submitted_version: number | null;
  submitted_at: Instant | null;
  first_submitted_at: Instant | null;
  approved_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProblemStatementVersionsTable {
  id: Generated<number>;
  statement_id: number;
  number: number;
  author_id: number;
  created_at: Instant;
  title: string;
  category: StatementCategory | null;
  department: string;
  problem: string;
  affected: string;
  evidence: string;
  approach: string;
  success_measures: string;
}

export interface StatementReviewsTable {
  id: Generated<number>;
  statement_id: number;
  version_number: number;
  /** The mentor whose decision this is. */
  mentor_id: number;
  /** Who recorded it: the mentor, or a coordinator on the mentor's behalf. */
  reviewer_id: number;
  decision: ReviewDecision;
  comment: string | null;
  on_behalf_reason: string | null;
  created_at: Instant;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: MessageKind;
  person_id: number | null;
  cohort_id: number | null;
  to_address: string;
  to_name: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object: extra headers (List-Unsubscribe). */
  headers: ColumnType<string, string | undefined, string>;
  /** JSON array of { filename, contentType, content } (an .ics invitation). */
  attachments: ColumnType<string, string | undefined, string>;
  dedupe_key: string | null;
  status: ColumnType<MessageStatus, MessageStatus | undefined, MessageStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Instant;
  lease_owner: string | null;
  lease_until: Instant | null;
  last_error: string | null;
  smtp_response: string | null;
  created_at: Instant;
  /** When an administrator last queued it again ("Send again"); null: queued when it was created. */
  queued_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  sent_at: Instant | null;
}

export interface EmailOptOutsTable {
  person_id: number;
  kind: MessageKind;
  created_at: Instant;
}

export interface SubmissionsTable {
  key: string;
  person_id: number;
  /** JSON: the command's outcome, answered again to a repeat. */
  outcome: string;
  created_at: Instant;
}

/** A one-time key of a form sent by nobody signed in (the forgotten-password page), with its first outcome. */
export interface AnonymousSubmissionsTable {
  key: string;
  /** JSON: the command's outcome, answered again to a repeat. */
  outcome: string;
  created_at: Instant;
}

/** A request on the forgotten-password page, kept for an hour for its rate limit. */
export interface PasswordResetRequestsTable {
  id: Generated<number>;
  /** SHA-256 of the lower-cased email address asked about, known to Tandem or not. */
  email_hash: string;
  /** The client address the request came from. */
  address: string;
  at: Instant;
}

/** A run of a job Tandem does by itself, or an operator started from the command line. */
export interface JobRunsTable {
  id: Generated<number>;
  /** The job, e.g. "retention". */
  name: string;
  /** The London day a scheduled run claimed (one run per job per day); null for a run an operator started. */
  scheduled_day: CalendarDate | null;
  started_at: Instant;
  /** Null while it runs, or if it stopped before it finished. */
  finished_at: Instant | null;
  /** What it did, as JSON (for retention: {"due": n, "anonymised": n}). */
  outcome: string | null;
}

/** A person's authenticator app: one row per person who set up two-step verification. */
export interface SecondFactorsTable {
  person_id: number;
  /** The TOTP key (base32), sealed with SECRETS_KEY (app/utils/secret-box.server.ts). */
  totp_key: string;
  enrolled_at: Instant;
  /** The 30-second time-step of the last code accepted: a code of that step or an earlier one is refused. */
  last_step: number | null;
}

/** Single-use recovery codes: only their argon2id hash is kept; used_at is set when one is used. */
export interface RecoveryCodesTable {
  id: Generated<number>;
  person_id: number;
  code_hash: string;
  created_at: Instant;
  used_at: Instant | null;
}

/** The step between a right password and the second factor (or its set-up): a short-lived, cookie-bound record. */
export interface PendingSignInsTable {
  id: Generated<number>;
  /** SHA-256 of the random token in the pending sign-in's cookie. */
  token_hash: string;
  person_id: number;
  redirect_to: string;
  purpose: SecondStepPurpose;
  /** Wrong codes entered in this pending sign-in: at 5 it is cancelled. */
  failures: ColumnType<number, number | undefined, number>;
  /** The key being set up, sealed, until a code from it confirms it. */
  pending_key: string | null;
  /** The new recovery codes, sealed, until the page that shows them once has read them. */
  reveal: string | null;
  /** 1 when the person was already signed in (setting up from their profile): no new session is started. */
  signed_in: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  expires_at: Instant;
}

/** Wrong codes per person, counted across pending sign-ins (starting again does not reset the count). */
export interface SecondFactorFailuresTable {
  id: Generated<number>;
  person_id: number;
  at: Instant;
}

export interface Database {
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  second_factor_failures: SecondFactorFailuresTable;
  job_runs: JobRunsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  one_time_links: OneTimeLinksTable;
  sign_in_failures: SignInFailuresTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  programmes: ProgrammesTable;
  cohorts: CohortsTable;
  memberships: MembershipsTable;
  audit_events: AuditEventsTable;
  cohort_organisations: CohortOrganisationsTable;
  host_unavailable_dates: HostUnavailableDatesTable;
  milestones: MilestonesTable;
  visits: VisitsTable;
  attendance: AttendanceTable;
  calendar_feeds: CalendarFeedsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_mentors: TeamMentorsTable;
  team_constraints: TeamConstraintsTable;
  team_periods: TeamPeriodsTable;
  team_versions: TeamVersionsTable;
  pitch_events: PitchEventsTable;
  pitch_slots: PitchSlotsTable;
  pitch_team_releases: PitchTeamReleasesTable;
  panel_members: PanelMembersTable;
  declared_conflicts: DeclaredConflictsTable;
  rubric_criteria: RubricCriteriaTable;
  scoring_sheets: ScoringSheetsTable;
  sheet_scores: SheetScoresTable;
  mentoring_sessions: MentoringSessionsTable;
  session_attendees: SessionAttendeesTable;
  session_actions: SessionActionsTable;
  session_private_notes: SessionPrivateNotesTable;
  problem_statements: ProblemStatementsTable;
  problem_statement_versions: ProblemStatementVersionsTable;
  statement_reviews: StatementReviewsTable;
  skills_questions: SkillsQuestionsTable;
  skills_phases: SkillsPhasesTable;
  skills_answers: SkillsAnswersTable;
  team_outcomes: TeamOutcomesTable;
  outbox: OutboxTable;
  email_opt_outs: EmailOptOutsTable;
  submissions: SubmissionsTable;
  anonymous_submissions: AnonymousSubmissionsTable;
  password_reset_requests: PasswordResetRequestsTable;
  identity_providers: IdentityProvidersTable;
  identity_provider_domains: IdentityProviderDomainsTable;
  sso_requests: SsoRequestsTable;
}

export type Milestone = Selectable<MilestonesTable>;
export type PitchEvent = Selectable<PitchEventsTable>;
