// The audit actions of accounts: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const accountsAudit = {} satisfies Record<string, Sentence<never>>;
