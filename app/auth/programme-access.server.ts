// Programmes are run by administrators; the programme report is also for the coordinators of its cohorts.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, idParam, recordOr404, requireAdmin, requireUser } from "~/auth/guards.server";
import { getProgramme } from "~/models/programme.server";
import { coordinatesProgramme } from "~/models/report.server";

/** An administrator, and the programme they are working on (404 when there is none). */
export async function requireProgrammeAdmin(
  context: AppLoadContext,
  request: Request,
  programmeIdParam: string | undefined,
) {
  const user = await requireAdmin(context, request);
  return { user, programme: await recordOr404(context, getProgramme, programmeIdParam, "Programme") };
}

/** The loader of an administrator's form about one programme (add a cohort to it, change its retention period). */
export async function loadProgrammeForAdmin({ request, params, context }: LoaderFunctionArgs) {
  const { programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return { programme };
}

export async function requireProgrammeReader(
  context: AppLoadContext,
  request: Request,
  programmeIdParam: string | undefined,
) {
  const user = await requireUser(context, request);
  const programmeId = idParam(programmeIdParam, "Programme");
  if (!user.isAdmin && !(await coordinatesProgramme(context.db, programmeId, user.personId))) forbidden();
  return { user, programme: await recordOr404(context, getProgramme, programmeIdParam, "Programme") };
}
