// One-time form submissions: the outcome of the first change sent with a key, answered again to any repeat.
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

const KEPT_MS = 24 * 60 * 60_000;

export async function findSubmission(db: Db | Tx, personId: number, key: string): Promise<unknown> {
  const row = await db
    .selectFrom("submissions")
    .select("outcome")
    .where("person_id", "=", personId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row ? JSON.parse(row.outcome) : undefined;
}

/** Keeps the outcome under the key (a second writer of the same key fails on the primary key), and forgets old ones. */
export async function recordSubmission(tx: Tx, personId: number, key: string, outcome: unknown) {
  const at = nowIso();
  await tx
    .deleteFrom("submissions")
    .where("created_at", "<", new Date(Date.now() - KEPT_MS).toISOString())
    .execute();
  await tx
    .insertInto("submissions")
    .values({ person_id: personId, key, outcome: JSON.stringify(outcome), created_at: at })
    .execute();
}
