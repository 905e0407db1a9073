// The audit actions of cohort setup: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const cohortSetupAudit = {} satisfies Record<string, Sentence<never>>;
