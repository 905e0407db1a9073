// Checking a nominations file before anything is saved: every row's problems and what importing it would do,
// including the details of people already in Tandem that the coordinator may not change (not applied), the rows
// merged into another for the same person and those left out because they disagree.
import { lockedProfiles } from "~/auth/profile-access.server";
import type { Actor } from "~/commands/runner.server";
import { parseNominations } from "~/forms/nominations-upload.server";
import { previewNominations } from "~/models/nomination.server";
import type { Db } from "../../../db/connection";

export async function checkNominations(
  db: Db,
  actor: Actor,
  cohortId: number,
  csv: string,
  fileName: string,
) {
  const parsed = parseNominations(csv);
  if (!parsed.ok) return { ok: false as const, answer: { fileError: parsed.error } };
  const locked = await lockedProfiles(db, actor, parsed.rows);
  const preview = await previewNominations(db, cohortId, parsed.rows, parsed.problems, locked);
  const n = preview.problems.length;
  const fileError = n
    ? `The file has ${n} problem${n === 1 ? "" : "s"}: correct ${n === 1 ? "it" : "them"} in your spreadsheet and upload it again`
    : parsed.rows.length === 0
      ? "Every row is left out: keep one row for each person in your spreadsheet and upload it again"
      : undefined;
  const { merged, conflicts } = parsed;
  return {
    ok: !fileError,
    rows: parsed.rows,
    answer: { csv, fileName, preview, merged, conflicts, fileError },
  };
}

export type CheckedFile = Awaited<ReturnType<typeof checkNominations>>["answer"];
