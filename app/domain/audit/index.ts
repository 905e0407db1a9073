// Every audit action Tandem records, with the shape of its details and its sentence in the audit log. Commands
// record events of these types only (app/commands/runner.server.ts); the log page reads them back through
// auditSentence, never by matching strings.
import { accountsAudit } from "./accounts";
import { cohortSetupAudit } from "./cohort-setup";
import type { Sentence, Who } from "./define";
import { mentoringAudit } from "./mentoring";
import { peopleAudit } from "./people";
import { pitchDayAudit } from "./pitch-day";
import { programmesAudit } from "./programmes";
import { skillsAudit } from "./skills";
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

/** The audit log's sentence for a stored event; an action this version no longer records is shown as its name. */
export function auditSentence(action: string, details: unknown, who: Who): string {
  if (!isAuditAction(action)) return `${who.actor}: ${action.replaceAll(/[._]/g, " ")}`;
  const describe = AUDIT_ACTIONS[action] as Sentence<unknown>;
  return describe(details ?? {}, who);
}
