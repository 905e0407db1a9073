// The audit actions of visits: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const visitsAudit = {} satisfies Record<string, Sentence<never>>;
