// Outcomes recorded for each team's solution 3 and 6 months after the programme.

import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";
import type { FollowUp, OutcomeStatus } from "../../db/types";

/** The team an outcomes page is about (the outcomes route imports it from here). */
export { teamById as getTeam } from "./team.server";

export async function listOutcomesOfTeam(db: Db, teamId: number) {
  return db
    .selectFrom("team_outcomes as t")
    .leftJoin("people as p", "p.id", "t.recorded_by")
    .where("t.team_id", "=", teamId)
    .select(["t.follow_up", "t.status", "t.note", "t.recorded_at", "p.name as recorded_by_name"])
    .execute();
}

export type OutcomeInput = {
  followUp: FollowUp;
  status: OutcomeStatus;
  note: string | null;
  /** When the outcome the coordinator saw was recorded: "" when nothing was. */
  expectedRecordedAt: string;
};

/** Records a follow-up if it is still as the coordinator last saw it; false when someone else recorded it meanwhile. */
export async function saveOutcome(tx: Tx, teamId: number, input: OutcomeInput, recordedBy: number | null) {
  const current = await tx
    .selectFrom("team_outcomes")
    .where("team_id", "=", teamId)
    .where("follow_up", "=", input.followUp)
    .select(["id", "recorded_at"])
    .executeTakeFirst();
  if ((current?.recorded_at ?? "") !== input.expectedRecordedAt) return false;
  const values = { status: input.status, note: input.note, recorded_by: recordedBy, recorded_at: nowIso() };
  if (current) await tx.updateTable("team_outcomes").set(values).where("id", "=", current.id).execute();
  else
    await tx
      .insertInto("team_outcomes")
      .values({ team_id: teamId, follow_up: input.followUp, ...values })
      .execute();
  return true;
}
