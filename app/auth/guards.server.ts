// Request guards: every loader and action starts with one of these.
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { Actor } from "~/domain/actor";
import type { CohortRole } from "~/domain/vocabulary";
import { MAX_ID } from "~/forms/fields";
import { recentlyVerified, type SessionUser } from "~/models/account.server";
import { getCohort, rolesInCohort } from "~/models/programme.server";
import { paths } from "~/utils/paths";
import { can, type Permission } from "./permissions";
import { getSessionUser } from "./session.server";

export function forbidden(): never {
  throw new Response("You do not have permission to see this page", { status: 403, statusText: "Forbidden" });
}

export function notFound(what = "Page"): never {
  throw new Response(`${what} not found`, { status: 404, statusText: "Not Found" });
}

export async function requireUser(context: AppLoadContext, request: Request): Promise<SessionUser> {
  const user = await getSessionUser(context, request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAdmin(context: AppLoadContext, request: Request): Promise<SessionUser> {
  const user = await requireUser(context, request);
  if (!user.isAdmin) forbidden();
  return user;
}

/** A page of the whole site (no cohort's): the signed-in person must hold `permission` as an administrator. */
export async function requireSitePermission(
  context: AppLoadContext,
  request: Request,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(context, request);
  if (!can({ roles: [], user }, permission)) forbidden();
  return user;
}

/** A route parameter that must be a positive whole number, or the page is not found. */
export function idParam(value: string | undefined, what = "Page"): number {
  if (!value || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID) notFound(what);
  return Number(value);
}

/** The record a route parameter names, read by a model's getter; the page is not found when there is none. */
export async function recordOr404<R>(
  context: AppLoadContext,
  read: (db: AppLoadContext["db"], id: number) => Promise<R | undefined>,
  idParamValue: string | undefined,
  what: string,
): Promise<R> {
  const record = await read(context.db, idParam(idParamValue, what));
  if (!record) notFound(what);
  return record;
}

export type CohortAccess = {
  user: SessionUser;
  cohort: NonNullable<Awaited<ReturnType<typeof getCohort>>>;
  roles: CohortRole[];
};

/**
 * The signed-in person must hold `permission` in the cohort (see ./permissions). An unknown cohort is a 404 only
 * for those who could see it; others get the same 403 either way.
 */
export async function requireCohortAccess(
  context: AppLoadContext,
  request: Request,
  cohortIdParam: string | undefined,
  permission: Permission,
): Promise<CohortAccess> {
  const user = await requireUser(context, request);
  const cohortId = idParam(cohortIdParam, "Cohort");
  const roles = await rolesInCohort(context.db, cohortId, user.personId);
  if (!can({ roles, user }, permission)) forbidden();
  const cohort = await getCohort(context.db, cohortId);
  if (!cohort) notFound("Cohort");
  return { user, cohort, roles };
}

/**
 * A dangerous action (anonymising a person, appointing an administrator, adding an identity provider, releasing
 * pitch results, restoring data) needs a second factor, a passkey or the identity provider within the last
 * STEP_UP_MINUTES. Without it, the person is sent to confirm it is them and then back to this page (for a form sent
 * with POST, back to the page that shows the form: the same path in Tandem's routes).
 */
export function requireRecentVerification(request: Request, user: SessionUser): void {
  if (recentlyVerified(user)) return;
  const url = new URL(request.url);
  throw redirect(paths.confirmItIsYou(`${url.pathname}${url.search}`), 303);
}

export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress ?? "unknown";
}

/** The person changing data, as commands record them: who, and from which address. */
export function actorOf(context: AppLoadContext, user: { personId: number }): Actor {
  return { personId: user.personId, address: clientAddress(context) };
}
