// The append-only audit log: who did what, to which record, when (UTC). Commands write it through the runner
// (app/commands/runner.server.ts); recordAudit is for the writes not yet moved onto commands.

import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: number | null;
  cohortId?: number | null;
  address?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      at: nowIso(),
      actor_person_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      cohort_id: entry.cohortId ?? null,
      address: entry.address ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
