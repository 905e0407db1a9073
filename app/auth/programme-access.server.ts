// The programme view is for administrators and the coordinators of the programme's cohorts.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, notFound, requireUser } from "~/auth/guards.server";
import { getProgramme } from "~/models/programme.server";
import { coordinatesProgramme } from "~/models/report.server";

export async function requireProgrammeReader(
  context: AppLoadContext,
  request: Request,
  programmeIdParam: string | undefined,
) {
  const user = await requireUser(context, request);
  const programmeId = idParam(programmeIdParam, "Programme");
  const db = context.db;
  if (!user.isAdmin && !(await coordinatesProgramme(db, programmeId, user.personId))) forbidden();
  const programme = await getProgramme(db, programmeId);
  if (!programme) notFound("Programme");
  return { user, programme };
}
