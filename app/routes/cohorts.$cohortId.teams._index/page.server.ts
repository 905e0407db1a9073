// What the teams page shows: the teams with their members and mentors, their quality against the lower bound,
// and whether the solver's "optimal" still stands.
import { evaluateTeams, lowerBound } from "~/domain/team-formation";
import { readTeamSettings } from "~/domain/team-settings";
import { formationInputFor, getTeamsStatus } from "~/models/team.server";
import type { Db } from "../../../db/connection";

export async function teamsPage(db: Db, cohort: { id: number; team_count: number }) {
  const status = await getTeamsStatus(db, cohort.id);
  const settings = readTeamSettings(status.team_settings);
  const { input, candidates, teams, keepApart } = await formationInputFor(
    db,
    cohort.id,
    cohort.team_count,
    settings,
  );
  const formed = teams.some((t) => t.members.length > 0);
  const report = formed
    ? evaluateTeams(
        { ...input, teamCount: teams.length },
        teams.map((t) => t.members.map((m) => String(m.id))),
      )
    : null;
  const lastRun = settings.lastRun;
  // "Optimal" stands only while the teams are as the solver left them (the version it saved).
  const untouched = lastRun !== null && formed && status.teams_version === lastRun.version;
  return {
    publishedAt: status.teams_published_at,
    version: status.teams_version,
    settings,
    teams,
    report,
    lowerBound: lowerBound({ ...input, teamCount: formed ? teams.length : cohort.team_count }),
    optimal: untouched && (lastRun?.optimal ?? false),
    participants: candidates.map((c) => ({ id: c.id, name: c.name })),
    keepApartCount: keepApart.length,
  };
}
