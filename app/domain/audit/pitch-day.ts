// The audit actions of pitch day: each action's details and its sentence in the audit log.
import type { Sentence } from "./define";

export const pitchDayAudit = {} satisfies Record<string, Sentence<never>>;
