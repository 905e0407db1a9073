// The audit actions of teams: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const teamsAudit = {} satisfies Record<string, Sentence<never>>;
