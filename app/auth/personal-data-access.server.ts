// Who may see a person's personal data in full (their page and the download of everything Tandem holds about
// them): the person themself and site administrators, nobody else. A coordinator reads what belongs to the
// cohorts they run on those cohorts' own pages: the full record reaches into cohorts they do not run (issue 13).
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, recordOr404, requireAdmin, requireUser } from "~/auth/guards.server";
import type { Actor } from "~/commands/runner.server";
import { isAdministrator } from "~/models/person.server";
import { getPersonSummary } from "~/models/personal-data.server";
import type { Db } from "../../db/connection";

/** Whether `actor` may read everything Tandem holds about the person (the command line may). */
export async function mayReadPersonalData(db: Db, actor: Pick<Actor, "personId">, personId: number) {
  if (actor.personId === null || actor.personId === personId) return true;
  return isAdministrator(db, actor.personId);
}

export async function requirePersonalDataAccess(
  context: AppLoadContext,
  request: Request,
  personIdParam: string | undefined,
) {
  const user = await requireUser(context, request);
  const self = user.personId === idParam(personIdParam, "Person");
  if (!self && !user.isAdmin) forbidden();
  return { user, person: await recordOr404(context, getPersonSummary, personIdParam, "Person"), self };
}

/** An administrator, and the person whose data they act on (404 when there is none). */
export async function requirePersonAdmin(
  context: AppLoadContext,
  request: Request,
  personIdParam: string | undefined,
) {
  const user = await requireAdmin(context, request);
  return { user, person: await recordOr404(context, getPersonSummary, personIdParam, "Person") };
}
