// Request guards: every loader and action starts with one of these.
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import type { SessionUser } from "~/models/account.server";
import { getCohort, rolesInCohort } from "~/models/programme.server";
import type { CohortRole } from "../../db/types";
import { getSessionUser } from "./session.server";

export function forbidden(): never {
  throw new Response("You do not have permission to see this page", { status: 403, statusText: "Forbidden" });
}

export function notFound(what = "Page"): never {
  throw new Response(`${what} not found`, { status: 404, statusText: "Not Found" });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden();
  return user;
}

/** A route parameter that must be a positive whole number, or the page is not found. */
export function idParam(value: string | undefined, what = "Page"): number {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) notFound(what);
  return Number(value);
}

export type CohortAccess = {
  user: SessionUser;
  cohort: NonNullable<Awaited<ReturnType<typeof getCohort>>>;
  roles: CohortRole[];
};

/**
 * The signed-in person must hold one of `allowed` in the cohort ("admin" lets system administrators in).
 * An unknown cohort is a 404 only for those who could see it; others get the same 403 either way.
 */
export async function requireCohortRole(
  request: Request,
  cohortIdParam: string | undefined,
  allowed: Array<CohortRole | "admin">,
): Promise<CohortAccess> {
  const user = await requireUser(request);
  const cohortId = idParam(cohortIdParam, "Cohort");
  const db = getDb();
  const roles = await rolesInCohort(db, cohortId, user.personId);
  const permitted =
    roles.some((role) => allowed.includes(role)) || (user.isAdmin && allowed.includes("admin"));
  if (!permitted) forbidden();
  const cohort = await getCohort(db, cohortId);
  if (!cohort) notFound("Cohort");
  return { user, cohort, roles };
}

export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress ?? "unknown";
}
