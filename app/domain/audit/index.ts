// Every audit action Tandem records, with the shape of its details and its sentence in the audit log. Commands
// record events of these types only (app/commands/runner.server.ts); the log page reads them back through
// auditSentence, never by matching strings.
import { accountsAudit } from "./accounts";
import { cohortSetupAudit } from "./cohort-setup";
import type { Sentence, Who } from "./define";
import { emailAudit } from "./email";
import { mentoringAudit } from "./mentoring";
import { outboxAudit } from "./outbox";
import { passkeysAudit } from "./passkeys";
import { peopleAudit } from "./people";
import { pitchDayAudit } from "./pitch-day";
import { programmesAudit } from "./programmes";
import { secondFactorAudit } from "./second-factor";
import { skillsAudit } from "./skills";
import { ssoAudit } from "./sso";
import { teamsAudit } from "./teams";
import { visitsAudit } from "./visits";

export type { Who } from "./define";

export const AUDIT_ACTIONS = {
  ...accountsAudit,
  ...programmesAudit,
  ...cohortSetupAudit,
  ...visitsAudit,
  ...teamsAudit,
  ...mentoringAudit,
  ...skillsAudit,
  ...pitchDayAudit,
  ...peopleAudit,
  ...outboxAudit,
  ...emailAudit,
  ...passkeysAudit,
  ...secondFactorAudit,
  ...ssoAudit,
};

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditDetails<A extends AuditAction> =
  (typeof AUDIT_ACTIONS)[A] extends Sentence<infer D> ? D : never;

/** What an audit event is about. */
export const SUBJECT_TYPES = {
  person: "Person",
  programme: "Programme",
  cohort: "Cohort",
  organisation: "Organisation",
  visit: "Visit",
  team: "Team",
  mentoring_session: "Mentoring session",
  session_action: "Agreed action",
  problem_statement: "Problem statement",
  pitch_event: "Pitch day",
  skills_questionnaire: "Skills questionnaire",
  email: "Email",
  identity_provider: "Identity provider",
} as const;
export type SubjectType = keyof typeof SUBJECT_TYPES;

/** One event as a command records it; the runner adds who acted, from where and when. */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    subjectType: SubjectType;
    subjectId?: number | null;
    cohortId?: number | null;
    details: AuditDetails<A>;
  };
}[AuditAction];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** What the first word of an action is about, for events this version cannot describe. */
const AREAS: Record<string, string> = {
  admin: "an administrator's rights",
  calendar_feed: "a calendar feed",
  cohort: "a cohort",
  demo: "the demo",
  email: "the email settings",
  identity_provider: "an identity provider",
  invitation: "an invitation",
  membership: "someone's place in a cohort",
  mentoring: "the mentoring",
  milestone: "a milestone",
  nomination: "a nomination",
  nominations: "the nominations",
  outbox: "the outgoing email",
  outcome: "an outcome",
  passkey: "a passkey",
  password: "a password",
  person: "someone's details",
  pitch_day: "the pitch day",
  programme: "a programme",
  role: "someone's role",
  second_factor: "two-step verification",
  sign_in: "signing in",
  skills: "the skills questionnaire",
  sso: "signing in with an identity provider",
  statement: "a problem statement",
  statements: "the problem statements",
  team: "the teams",
  teams: "the teams",
  visit: "a visit",
  visits: "the visits",
};

/**
 * A sentence for an event this version cannot describe, without its stored name: "Ada Admin changed the teams".
 * Known actions whose details are in an older shape say which part of Tandem changed; unknown ones say less.
 */
function fallbackSentence(action: string, actor: string): string {
  const area = AREAS[action.split(".")[0] ?? ""];
  return area ? `${actor} changed ${area}` : `${actor} made a change`;
}

/**
 * The audit log's sentence for a stored event. An action this version no longer records, or an event whose details
 * were stored in an older shape, is shown as a plain sentence about what changed rather than breaking the page.
 */
export function auditSentence(action: string, details: unknown, who: Who): string {
  if (!isAuditAction(action)) return fallbackSentence(action, who.actor);
  const describe = AUDIT_ACTIONS[action] as Sentence<unknown>;
  try {
    const text = describe(details ?? {}, who);
    if (!/\b(undefined|NaN|null)\b/.test(text)) return text;
  } catch {
    // Details in a shape this version does not know: fall through to a sentence without them.
  }
  return fallbackSentence(action, who.actor);
}
