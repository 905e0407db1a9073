// Loading a team for a route: coordinators (and administrators) of its cohort, or the team's own members and
// mentors once the teams are published. Anyone else is refused, whether or not the team exists.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { getTeamWithPeople } from "~/models/team.server";

export async function requireTeam(
  context: AppLoadContext,
  request: Request,
  params: Record<string, string | undefined>,
) {
  const access = await requireCohortAccess(context, request, params.cohortId, "mentoring:take-part");
  const coordinates = can(access, "teams:manage");
  const team = await getTeamWithPeople(context.db, access.cohort.id, idParam(params.teamId, "Team"));
  if (!team) return coordinates ? notFound("Team") : forbidden();
  const isMentor = team.mentors.some((m) => m.id === access.user.personId);
  const isMember = team.members.some((m) => m.id === access.user.personId);
  if (!coordinates && (!team.teams_published_at || (!isMentor && !isMember))) forbidden();
  return {
    ...access,
    team,
    coordinates,
    isMentor,
    isMember,
    /** Private notes: the team's mentors and the coordinators, never participants. */
    seesPrivateNotes: coordinates || isMentor,
  };
}

export type TeamAccess = Awaited<ReturnType<typeof requireTeam>>;
