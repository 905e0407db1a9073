// The optimistic check shared by the records a form edits with a version: the claim moves the version on only from
// the one the form was drawn from, so of two people saving the same version, one claims it and the other is told.
import { nowIso } from "~/utils/time";
import type { Tx } from "../../db/connection";

/** Moves the record on from `version`, touching its `updated_at`; false when someone else saved first. */
export async function claimVersion(
  tx: Tx,
  table: "cohorts" | "visits" | "pitch_events" | "cohort_organisations",
  id: number,
  version: number,
) {
  const result = await tx
    .updateTable(table)
    .set({ version: version + 1, updated_at: nowIso() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
