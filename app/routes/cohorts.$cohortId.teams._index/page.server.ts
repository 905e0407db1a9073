// What the teams page shows: the teams with their members and mentors, their quality against the lower bound,
// and whether the solver's "optimal" still stands.
import { invalid, type Refusal } from "~/domain/outcome";
import { encodeProposal } from "~/domain/team-changes";
import { evaluateTeams, formTeams, lowerBound } from "~/domain/team-formation";
import { readTeamSettings, type TeamSettings } from "~/domain/team-settings";
import { type Change, goTo } from "~/forms/submit.server";
import {
  formationInputFor,
  getTeamsStatus,
  listParticipantsLeftOut,
  listTeamVersions,
} from "~/models/team.server";
import { paths } from "~/utils/paths";
import type { Db } from "../../../db/connection";

export async function teamsPage(db: Db, cohort: { id: number; team_count: number }) {
  const [status, leftOut, versions] = await Promise.all([
    getTeamsStatus(db, cohort.id),
    listParticipantsLeftOut(db, cohort.id),
    listTeamVersions(db, cohort.id),
  ]);
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
    leftOut,
    versions,
  };
}

/**
 * Regenerating published teams: the solver's proposal, shown on the confirmation page before anything changes.
 * The proposal travels in the page's address, so what is confirmed is exactly what was shown.
 */
export async function proposeRegeneration(
  db: Db,
  cohort: { id: number; team_count: number },
  version: number,
  settings: Omit<TeamSettings, "lastRun">,
): Promise<Change | Refusal> {
  const { input } = await formationInputFor(db, cohort.id, cohort.team_count, { ...settings, lastRun: null });
  const result = formTeams(input, { seed: version + 1 });
  if (!result.ok) return invalid("teams", result.message);
  const query = new URLSearchParams({ version: String(version) });
  for (const value of settings.balance) query.append("balance", value);
  for (const value of settings.notAlone) query.append("notAlone", value);
  query.set("weightColleagues", String(settings.weights.colleagues));
  query.set("weightNotAlone", String(settings.weights.notAlone));
  query.set("weightBalance", String(settings.weights.balance));
  query.set("proposal", encodeProposal(result.teams.map((ids) => ids.map(Number))));
  return goTo(paths.cohort(cohort.id).teamsRegenerate(query.toString()));
}
