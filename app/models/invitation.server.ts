// Inviting a person into a cohort with a role: one transaction for the person, the membership, the link and the log.
import type { Db } from "../../db/connection";
import type { CohortRole } from "../../db/types";
import { createOneTimeLink } from "./account.server";
import { recordAudit } from "./audit.server";
import { createPerson, findPersonByEmail, mayIssueLinkFor } from "./person.server";
import { addMembership } from "./programme.server";

export type InviteInput = {
  name: string;
  email: string;
  role: CohortRole;
  organisationId: number | null;
  jobTitle: string | null;
  profession: string | null;
};

export type InviteOutcome =
  | { kind: "already-member"; name: string }
  | { kind: "added"; personId: number; name: string; link: { token: string; expiresAt: string } | null };

export async function invitePerson(
  db: Db,
  cohortId: number,
  input: InviteInput,
  actor: { personId: number; isAdmin: boolean },
  address: string,
): Promise<InviteOutcome> {
  return db.transaction().execute(async (tx) => {
    const existing = await findPersonByEmail(tx, input.email);
    const person = existing ?? (await createPerson(tx, input));
    const added = await addMembership(tx, cohortId, person.id, input.role);
    if (!added) return { kind: "already-member", name: person.name };
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "role.granted",
      subjectType: "person",
      subjectId: person.id,
      cohortId,
      address,
      details: { role: input.role, newPerson: !existing },
    });
    const account = await tx
      .selectFrom("accounts")
      .where("person_id", "=", person.id)
      .select("password_set_at")
      .executeTakeFirstOrThrow();
    if (account.password_set_at || !(await mayIssueLinkFor(tx, actor, person.id))) {
      return { kind: "added", personId: person.id, name: person.name, link: null };
    }
    const link = await createOneTimeLink(tx, {
      personId: person.id,
      purpose: "invite",
      createdBy: actor.personId,
    });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "invitation.created",
      subjectType: "person",
      subjectId: person.id,
      cohortId,
      address,
      details: { expiresAt: link.expiresAt },
    });
    return { kind: "added", personId: person.id, name: person.name, link };
  });
}
