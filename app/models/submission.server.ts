// One-time form submissions: the outcome of the first change sent with a key, answered again to any repeat. A key
// is the signed-in person's (`submissions`), or, for a form sent by nobody signed in, nobody's
// (`anonymous_submissions`).
import { nowIso } from "~/utils/time";
import type { Db, Tx } from "../../db/connection";

const KEPT_MS = 24 * 60 * 60_000;

export async function findSubmission(db: Db | Tx, personId: number | null, key: string): Promise<unknown> {
  const row =
    personId === null
      ? await db
          .selectFrom("anonymous_submissions")
          .select("outcome")
          .where("key", "=", key)
          .executeTakeFirst()
      : await db
          .selectFrom("submissions")
          .select("outcome")
          .where("person_id", "=", personId)
          .where("key", "=", key)
          .executeTakeFirst();
  return row ? JSON.parse(row.outcome) : undefined;
}

/** Keeps the outcome under the key (a second writer of the same key fails on the primary key), and forgets old ones. */
export async function recordSubmission(tx: Tx, personId: number | null, key: string, outcome: unknown) {
  const at = nowIso();
  const table = personId === null ? "anonymous_submissions" : "submissions";
  await tx
    .deleteFrom(table)
    .where("created_at", "<", new Date(Date.now() - KEPT_MS).toISOString())
    .execute();
  const values = { key, outcome: JSON.stringify(outcome), created_at: at };
  if (personId === null) await tx.insertInto("anonymous_submissions").values(values).execute();
  else
    await tx
      .insertInto("submissions")
      .values({ ...values, person_id: personId })
      .execute();
}
