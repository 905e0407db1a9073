// Audit events written straight into the table, for tests that need many of them or ones of any shape (the app
// writes them only through the command runner, app/commands/runner.server.ts).

import { nowIso } from "~/utils/time";
import type { Db } from "../../db/connection";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: number | null;
  cohortId?: number | null;
  address?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
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
