// Who may see a person's personal data: the person themself, an administrator, or a coordinator of a cohort the
// person is (or was) in.
import { forbidden, idParam, notFound, requireUser } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { coordinatesPerson, getPersonSummary } from "~/models/personal-data.server";

export async function requirePersonalDataAccess(request: Request, personIdParam: string | undefined) {
  const user = await requireUser(request);
  const personId = idParam(personIdParam, "Person");
  const db = getDb();
  const self = user.personId === personId;
  if (!self && !user.isAdmin && !(await coordinatesPerson(db, user.personId, personId))) forbidden();
  const person = await getPersonSummary(db, personId);
  if (!person) notFound("Person");
  return { user, person, self };
}
