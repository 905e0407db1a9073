// The audit actions of mentoring: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const mentoringAudit = {} satisfies Record<string, Sentence<never>>;
