// What a cohort's coordinators see of its people's email: the kinds each has turned off, and the emails that could
// not be delivered to the address they have now (the mail server's reason), for the people page.
import type { MessageKind } from "~/domain/vocabulary";
import type { Db } from "../../db/connection";

export type EmailStatus = {
  turnedOff: MessageKind[];
  /** The newest failure first. */
  failures: Array<{ kind: MessageKind; at: string; reason: string | null }>;
};

/** By person id, for the cohort's members only: two queries, however many people. */
export async function emailStatusOfCohort(db: Db, cohortId: number): Promise<Map<number, EmailStatus>> {
  const members = db
    .selectFrom("memberships")
    .where("memberships.cohort_id", "=", cohortId)
    .select("memberships.person_id");
  const [optOuts, failures] = await Promise.all([
    db
      .selectFrom("email_opt_outs")
      .where("email_opt_outs.person_id", "in", members)
      .select(["person_id", "kind"])
      .orderBy("kind")
      .execute(),
    db
      .selectFrom("outbox")
      .innerJoin("people", "people.id", "outbox.person_id")
      .where("outbox.person_id", "in", members)
      .where("outbox.status", "=", "failed")
      .whereRef("outbox.to_address", "=", "people.email")
      .select(["outbox.person_id", "outbox.kind", "outbox.created_at", "outbox.last_error"])
      .orderBy("outbox.id", "desc")
      .execute(),
  ]);
  const status = new Map<number, EmailStatus>();
  const of = (personId: number) => {
    const entry = status.get(personId) ?? { turnedOff: [], failures: [] };
    status.set(personId, entry);
    return entry;
  };
  for (const row of optOuts) of(row.person_id).turnedOff.push(row.kind);
  for (const row of failures)
    if (row.person_id !== null)
      of(row.person_id).failures.push({ kind: row.kind, at: row.created_at, reason: row.last_error });
  return status;
}
