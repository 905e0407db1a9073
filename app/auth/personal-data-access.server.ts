// Who may see a person's personal data: the person themself, an administrator, or a coordinator of a cohort the
// person is (or was) in.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, notFound, requireAdmin, requireUser } from "~/auth/guards.server";
import { coordinatesPerson, getPersonSummary } from "~/models/personal-data.server";

export async function requirePersonalDataAccess(
  context: AppLoadContext,
  request: Request,
  personIdParam: string | undefined,
) {
  const user = await requireUser(context, request);
  const personId = idParam(personIdParam, "Person");
  const db = context.db;
  const self = user.personId === personId;
  if (!self && !user.isAdmin && !(await coordinatesPerson(db, user.personId, personId))) forbidden();
  const person = await getPersonSummary(db, personId);
  if (!person) notFound("Person");
  return { user, person, self };
}

/** An administrator, and the person whose data they act on (404 when there is none). */
export async function requirePersonAdmin(
  context: AppLoadContext,
  request: Request,
  personIdParam: string | undefined,
) {
  const user = await requireAdmin(context, request);
  const person = await getPersonSummary(context.db, idParam(personIdParam, "Person"));
  if (!person) notFound("Person");
  return { user, person };
}
