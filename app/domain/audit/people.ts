// The audit actions of people: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const peopleAudit = {} satisfies Record<string, Sentence<never>>;
