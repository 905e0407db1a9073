// The audit actions about a person's own data: anonymising them and downloading what Tandem holds about them.
import { sentence } from "./define";

const REASONS = {
  "on request": "at their request",
  "retention period ended": "because their retention period had ended",
} as const;

const VIA = { cli: ", from the command line", scheduler: ", in its daily check" } as const;

export const peopleAudit = {
  "person.anonymised": sentence<{ reason: keyof typeof REASONS; via?: keyof typeof VIA }>(
    (d, who) =>
      `${who.actor} anonymised ${who.subject ?? "a person"} ${REASONS[d.reason] ?? "on request"}${d.via ? (VIA[d.via] ?? "") : ""}`,
  ),
  "person.data_exported": sentence<Record<never, never>>(
    (_, who) => `${who.actor} downloaded everything Tandem holds about ${who.subject ?? "a person"}`,
  ),
};
