// The audit actions of skills questionnaires, outcomes and team health: each action's details and its sentence.
import type { Sentence } from "./define";

export const skillsAudit = {} satisfies Record<string, Sentence<never>>;
