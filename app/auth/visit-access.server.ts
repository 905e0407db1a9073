// Loading a visit for a route: the person must be in the visit's cohort (or an administrator).
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { can, type Permission } from "~/auth/permissions";
import { emailKey } from "~/models/person.server";
import { getVisit } from "~/models/visit.server";

type Params = Record<string, string | undefined>;

export async function requireVisit(
  context: AppLoadContext,
  request: Request,
  params: Params,
  permission: Permission = "cohort:take-part",
) {
  const access = await requireCohortAccess(context, request, params.cohortId, permission);
  const visit = await getVisit(context.db, access.cohort.id, idParam(params.visitId, "Visit"));
  if (!visit) notFound("Visit");
  const manages = can(access, "cohort:manage");
  const isHostContact =
    !!visit.contact_email && emailKey(visit.contact_email) === emailKey(access.user.email);
  return { ...access, visit, manages, mayRecordAttendance: manages || isHostContact };
}

/** The loader of a coordinator's form about one visit (change it, cancel it). */
export async function loadVisitToManage({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit } = await requireVisit(context, request, params, "cohort:manage");
  return { cohort, visit };
}

/** Attendance at a visit that goes ahead is recorded by the cohort's coordinators or the host's contact. */
export async function requireAttendanceRecorder(context: AppLoadContext, request: Request, params: Params) {
  const access = await requireVisit(context, request, params);
  if (!access.mayRecordAttendance || access.visit.status === "cancelled") forbidden();
  return access;
}
