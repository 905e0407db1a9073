// Loading a visit for a route: the person must be in the visit's cohort (or an administrator).
import { idParam, notFound, requireCohortRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { emailKey } from "~/models/person.server";
import { getVisit } from "~/models/visit.server";
import type { CohortRole } from "../db/types";

const MEMBERS: Array<CohortRole | "admin"> = ["coordinator", "mentor", "participant", "leader", "admin"];

export async function requireVisit(
  request: Request,
  params: Record<string, string | undefined>,
  allowed: Array<CohortRole | "admin"> = MEMBERS,
) {
  const access = await requireCohortRole(request, params.cohortId, allowed);
  const visit = await getVisit(getDb(), access.cohort.id, idParam(params.visitId, "Visit"));
  if (!visit) notFound("Visit");
  const manages = access.roles.includes("coordinator") || access.user.isAdmin;
  const isHostContact =
    !!visit.contact_email && emailKey(visit.contact_email) === emailKey(access.user.email);
  return { ...access, visit, manages, mayRecordAttendance: manages || isHostContact };
}
