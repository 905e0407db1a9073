// Forming a cohort's teams and changing them: forming or regenerating, moving, locking, naming and publishing
// teams, pairing their mentors, and the people to keep apart. Every change claims the teams' version first.
import { todayInLondon } from "~/domain/calendar";
import {
  encodePairing,
  movesBetween,
  placementOfSnapshot,
  proposalProblem,
  restoredTeams,
} from "~/domain/team-changes";
import { evaluateTeams, formTeams, lowerBound as lowerBoundOf } from "~/domain/team-formation";
import { readTeamSettings, type TeamAttribute, type TeamSettings } from "~/domain/team-settings";
import {
  addKeepApart,
  claimTeamsVersion,
  findKeepApart,
  findMembership,
  formationInputFor,
  getTeamsStatus,
  getTeamVersion,
  listCohortMentors,
  listTeamCandidates,
  listTeams,
  mentorPairingProposal,
  moveMember,
  publishTeams,
  removeKeepApart,
  replaceMentors,
  saveTeamSettings,
  saveTeams,
  saveTeamVersion,
  setLocked,
  setTeamName,
  snapshotOf,
  teamByNumber,
} from "~/models/team.server";
import { teamPublishedMessages } from "./messages.server";
import { command, type Invalid, invalid, ok, type Tx } from "./runner.server";

/** What every teams command changes: the teams of this cohort, as the form saw them at `version`. */
type TeamsChange = { cohortId: number; version: number };

const claimsTheTeams = {
  record: "the teams",
  claim: (tx: Tx, input: TeamsChange) => claimTeamsVersion(tx, input.cohortId, input.version),
};

const publishedNow = async (tx: Tx, cohortId: number) =>
  (await getTeamsStatus(tx, cohortId)).teams_published_at !== null;

/** Today once the teams are published (the day a change of team starts), null before: see saveTeams. */
const changeDay = async (tx: Tx, cohortId: number) =>
  (await publishedNow(tx, cohortId)) ? todayInLondon() : null;

type FormTeams = TeamsChange & {
  teamCount: number;
  balance: TeamAttribute[];
  notAlone: TeamAttribute[];
  weights: TeamSettings["weights"];
};

/**
 * Forms the teams with the solver, around the locked people, before they are published. Published teams are
 * regenerated only through a confirmation (regenerateTeams), which shows who would move.
 */
export const formCohortTeams = command({
  claims: claimsTheTeams,
  async execute(c, input: FormTeams) {
    if (await publishedNow(c.tx, input.cohortId))
      return invalid(
        "teams",
        "The teams are published: check who would move and give a reason before regenerating them",
      );
    const settings: TeamSettings = {
      balance: input.balance,
      notAlone: input.notAlone,
      weights: input.weights,
      lastRun: null,
    };
    const { input: problem, candidates } = await formationInputFor(
      c.tx,
      input.cohortId,
      input.teamCount,
      settings,
    );
    // The seed follows the version, so forming again gives another proposal and the same form the same one.
    const seed = input.version + 1;
    const result = formTeams(problem, { seed });
    if (!result.ok) return invalid("teams", result.message);
    const locked = new Set(problem.locks?.map((l) => Number(l.personId)));
    await saveTeams(
      c.tx,
      input.cohortId,
      result.teams.map((ids) => ids.map(Number)),
      locked,
    );
    const { lowerBound, optimal, proof, elapsedMs } = result;
    await saveTeamSettings(c.tx, input.cohortId, {
      ...settings,
      lastRun: { lowerBound, optimal, proof, elapsedMs, seed, version: seed },
    });
    c.audit({
      action: "teams.formed",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: {
        people: candidates.length,
        teams: input.teamCount,
        locks: locked.size,
        cost: result.cost,
        lowerBound,
        optimal,
        seed,
      },
    });
    return ok({ teams: input.teamCount, cost: result.cost.total, lowerBound, optimal });
  },
});

/**
 * Regenerates published teams as proposed on the confirmation page (`proposal`: member ids per team, exactly what
 * the coordinator saw), for a reason. The teams as they were are kept as a version that can be restored, and each
 * person's spell with their old team is kept, so their sessions stay counted.
 */
export const regenerateTeams = command({
  claims: claimsTheTeams,
  async execute(c, input: FormTeams & { proposal: number[][]; reason: string }) {
    const settings: TeamSettings = {
      balance: input.balance,
      notAlone: input.notAlone,
      weights: input.weights,
      lastRun: null,
    };
    const {
      input: problem,
      candidates,
      teams,
    } = await formationInputFor(c.tx, input.cohortId, input.teamCount, settings);
    const locks = (problem.locks ?? []).map((l) => ({ personId: Number(l.personId), team: l.team }));
    const wrong = proposalProblem(input.proposal, {
      teamCount: input.teamCount,
      people: candidates.map((p) => p.id),
      locks,
    });
    if (wrong) return invalid("proposal", wrong);
    const before = snapshotOf(teams);
    await saveTeamVersion(c.tx, {
      cohortId: input.cohortId,
      savedBy: c.actor.personId,
      cause: "regenerated",
      reason: input.reason,
      snapshot: before,
    });
    await saveTeams(
      c.tx,
      input.cohortId,
      input.proposal,
      new Set(locks.map((l) => l.personId)),
      await changeDay(c.tx, input.cohortId),
    );
    const report = evaluateTeams(
      problem,
      input.proposal.map((ids) => ids.map(String)),
    );
    const lowerBound = lowerBoundOf(problem);
    const optimal = report.cost.total <= lowerBound + 1e-9;
    await saveTeamSettings(c.tx, input.cohortId, {
      ...settings,
      lastRun: {
        lowerBound,
        optimal,
        proof: optimal ? "bound" : null,
        elapsedMs: 0,
        seed: 0,
        version: input.version + 1,
      },
    });
    const after = placementOfSnapshot({
      teams: input.proposal.map((ids, i) => ({
        number: i + 1,
        name: null,
        members: ids.map((personId) => ({ personId, locked: false })),
        mentors: [],
      })),
    });
    const moved = movesBetween(
      { members: placementOfSnapshot(before).members, mentors: new Map() },
      after,
    ).length;
    c.audit({
      action: "teams.regenerated",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: {
        people: candidates.length,
        teams: input.teamCount,
        locks: locks.length,
        cost: report.cost,
        lowerBound,
        optimal,
        seed: 0,
        moved,
        reason: input.reason,
      },
    });
    return ok({ moved });
  },
});

/**
 * Restores an earlier version of the teams, for a reason: members (those who can still be placed; anyone placed
 * since stays in their team), locks, names and mentors (those still in the cohort). The teams as they are now are
 * kept as a version in turn, so a restore can be undone.
 */
export const restoreTeamsVersion = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { versionId: number; reason: string }) {
    const version = await getTeamVersion(c.tx, input.cohortId, input.versionId);
    if (!version) return invalid("versionId", "That version of the teams is no longer kept");
    const [teams, candidates, mentors] = await Promise.all([
      listTeams(c.tx, input.cohortId),
      listTeamCandidates(c.tx, input.cohortId),
      listCohortMentors(c.tx, input.cohortId),
    ]);
    const now = snapshotOf(teams);
    const restored = restoredTeams(version.snapshot, now, {
      placeable: new Set(candidates.map((p) => p.id)),
      mentors: new Set(mentors.map((m) => m.id)),
    });
    await saveTeamVersion(c.tx, {
      cohortId: input.cohortId,
      savedBy: c.actor.personId,
      cause: "restored",
      reason: input.reason,
      snapshot: now,
    });
    const today = await changeDay(c.tx, input.cohortId);
    await saveTeams(
      c.tx,
      input.cohortId,
      restored.teams.map((t) => t.members.map((m) => m.personId)),
      new Set(restored.teams.flatMap((t) => t.members.filter((m) => m.locked).map((m) => m.personId))),
      today,
    );
    const saved = await listTeams(c.tx, input.cohortId);
    const idOf = new Map(saved.map((t) => [t.number, t.id]));
    for (const team of restored.teams) {
      const current = saved.find((t) => t.number === team.number);
      if (current && current.name !== team.name)
        await setTeamName(c.tx, input.cohortId, team.number, team.name);
    }
    await replaceMentors(
      c.tx,
      input.cohortId,
      restored.teams.flatMap((t) =>
        t.mentors.map((m) => ({
          teamId: idOf.get(t.number)!,
          personId: m.personId,
          sector: m.sector,
          overrideReason: m.overrideReason,
        })),
      ),
      today,
    );
    const moved = movesBetween(placementOfSnapshot(now), placementOfSnapshot(restored)).length;
    c.audit({
      action: "teams.restored",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { version: version.id, savedAt: version.saved_at, moved, reason: input.reason },
    });
    return ok({ moved });
  },
});

/** Locks a participant to their team (the solver keeps them there), or removes the lock. */
export const setMemberLock = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { personId: number; locked: boolean }) {
    const membership = await findMembership(c.tx, input.cohortId, input.personId);
    if (!membership) return invalid("personId", "Choose a person in a team");
    await setLocked(c.tx, input.cohortId, input.personId, input.locked);
    c.audit({
      action: input.locked ? "team.member_locked" : "team.member_unlocked",
      subjectType: "person",
      subjectId: input.personId,
      cohortId: input.cohortId,
      details: { team: membership.number },
    });
    return ok({ team: membership.number });
  },
});

/** Moves a participant to another team; logged against both teams, so the people of each see it. */
export const moveTeamMember = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { personId: number; team: number }) {
    const [membership, target] = await Promise.all([
      findMembership(c.tx, input.cohortId, input.personId),
      teamByNumber(c.tx, input.cohortId, input.team),
    ]);
    const problems: Invalid["invalid"] = {};
    if (!membership) problems.personId = ["Choose a person who is in a team"];
    if (!target) problems.team = ["Choose one of the teams"];
    else if (membership?.number === target.number)
      problems.team = [`They are already in team ${target.number}: choose another team`];
    if (!membership || !target || problems.team) return { ok: false, invalid: problems } satisfies Invalid;
    await moveMember(c.tx, input.cohortId, input.personId, target.id, await changeDay(c.tx, input.cohortId));
    const afterPublishing = await publishedNow(c.tx, input.cohortId);
    for (const teamId of [membership.team_id, target.id])
      c.audit({
        action: "team.member_moved",
        subjectType: "team",
        subjectId: teamId,
        cohortId: input.cohortId,
        details: {
          person: membership.name,
          personId: input.personId,
          from: membership.number,
          to: target.number,
          afterPublishing,
        },
      });
    return ok({ person: membership.name, from: membership.number, to: target.number });
  },
});

/** Shows the teams to their participants and mentors, once they are formed and break no hard rule. */
export const publishCohortTeams = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { teamCount: number }) {
    const settings = readTeamSettings((await getTeamsStatus(c.tx, input.cohortId)).team_settings);
    const { input: problem, teams } = await formationInputFor(
      c.tx,
      input.cohortId,
      input.teamCount,
      settings,
    );
    if (!teams.some((t) => t.members.length))
      return invalid("publish", "Form the teams before publishing them");
    const report = evaluateTeams(
      { ...problem, teamCount: teams.length },
      teams.map((t) => t.members.map((m) => String(m.id))),
    );
    const broken = report.broken[0];
    if (broken)
      return invalid(
        "publish",
        `The teams cannot be published until they keep every rule that must hold: ${broken.message}.`,
      );
    await publishTeams(c.tx, input.cohortId);
    c.audit({
      action: "teams.published",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { teams: teams.length },
    });
    for (const message of await teamPublishedMessages(c, input.cohortId)) c.send(message);
    return ok();
  },
});

/** Names the teams (a name left empty removes it); only the teams whose name changes are logged. */
export const renameTeams = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { teams: Array<{ number: number; name: string | null }> }) {
    const teams = await listTeams(c.tx, input.cohortId);
    if (teams.length === 0) return invalid("teams", "Form the teams before naming them");
    const afterPublishing = await publishedNow(c.tx, input.cohortId);
    const wanted = new Map(input.teams.map((t) => [t.number, t.name]));
    for (const team of teams) {
      const name = wanted.get(team.number);
      if (name === undefined || name === team.name) continue;
      await setTeamName(c.tx, input.cohortId, team.number, name);
      c.audit({
        action: "team.renamed",
        subjectType: "team",
        subjectId: team.id,
        cohortId: input.cohortId,
        details: { number: team.number, from: team.name, to: name, afterPublishing },
      });
    }
    return ok();
  },
});

/**
 * Pairs every team with an industry and a government mentor as the Hungarian method proposes; a pairing with
 * conflicts needs the coordinator's reason, which is recorded. Once the teams are published, pairing again is
 * confirmed: `expected` is the pairing the confirmation page showed (refused if it changed since) and
 * `changeReason` why; the teams as they were are kept as a version that can be restored.
 */
export const pairTeamMentors = command({
  claims: claimsTheTeams,
  async execute(
    c,
    input: TeamsChange & {
      acceptConflicts: boolean;
      reason: string | null;
      expected?: string | null;
      changeReason?: string | null;
    },
  ) {
    const { teams, mentors, pairing, status } = await mentorPairingProposal(c.tx, input.cohortId);
    const published = status.teams_published_at !== null;
    if (!teams.some((t) => t.members.length > 0))
      return invalid("pairing", "Form the teams before pairing mentors");
    if (!pairing.complete) return invalid("pairing", pairing.problems.map((p) => p.message).join(" "));
    if (pairing.conflicts > 0 && !(input.acceptConflicts && input.reason))
      return invalid(
        "reason",
        input.acceptConflicts
          ? "Enter why you accept these conflicts"
          : "No pairing without conflicts exists: enter why you accept these conflicts to pair anyway",
      );
    if (published && !input.changeReason)
      return invalid(
        "changeReason",
        "The teams are published: check who would change mentors and give a reason before pairing them again",
      );
    if (published && input.expected !== encodePairing(pairing.pairs))
      return invalid(
        "pairing",
        "The pairing Tandem proposes changed since you saw it: go back to the mentors page and pair them again",
      );
    const teamId = new Map(teams.map((t) => [t.number, t.id]));
    const names = new Map(mentors.map((m) => [String(m.id), m.name]));
    const nameOf = (id: string) => names.get(id) ?? "a mentor who has left";
    const overrideReason = (conflicted: boolean) => (conflicted ? input.reason : null);
    if (published)
      await saveTeamVersion(c.tx, {
        cohortId: input.cohortId,
        savedBy: c.actor.personId,
        cause: "mentors_paired",
        reason: input.changeReason!,
        snapshot: snapshotOf(teams),
      });
    await replaceMentors(
      c.tx,
      input.cohortId,
      pairing.pairs.flatMap((pair) =>
        (["industry", "government"] as const).map((sector) => ({
          teamId: teamId.get(pair.team)!,
          personId: Number(pair[sector]),
          sector,
          overrideReason: overrideReason(pair.conflicts.includes(pair[sector])),
        })),
      ),
      published ? todayInLondon() : null,
    );
    const afterPublishing = published;
    for (const pair of pairing.pairs)
      c.audit({
        action: "team.mentors_paired",
        subjectType: "team",
        subjectId: teamId.get(pair.team)!,
        cohortId: input.cohortId,
        details: {
          team: pair.team,
          industry: nameOf(pair.industry),
          government: nameOf(pair.government),
          conflicts: pair.conflicts.map(nameOf),
          overrideReason: overrideReason(pair.conflicts.length > 0),
          afterPublishing,
          ...(published && input.changeReason ? { reason: input.changeReason } : {}),
        },
      });
    return ok({ conflicts: pairing.conflicts });
  },
});

/** Two participants the solver must never put in the same team (a coordinator's choice that always holds). */
export const addKeepApartPair = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { personA: number; personB: number }) {
    const names = new Map((await listTeamCandidates(c.tx, input.cohortId)).map((p) => [p.id, p.name]));
    const [nameA, nameB] = [names.get(input.personA), names.get(input.personB)];
    if (!nameA || !nameB) {
      const problems: Invalid["invalid"] = {};
      if (!nameA) problems.personA = ["Choose a participant of this cohort"];
      if (!nameB) problems.personB = ["Choose a participant of this cohort"];
      return { ok: false, invalid: problems } satisfies Invalid;
    }
    await addKeepApart(c.tx, input.cohortId, input.personA, input.personB);
    c.audit({
      action: "team.keep_apart_added",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { personA: input.personA, personB: input.personB, nameA, nameB },
    });
    return ok({ nameA, nameB });
  },
});

/** Stops keeping a pair apart; a pair someone else removed first is reported, not refused. */
export const removeKeepApartPair = command({
  claims: claimsTheTeams,
  async execute(c, input: TeamsChange & { pairId: number }) {
    const pair = await findKeepApart(c.tx, input.cohortId, input.pairId);
    if (!pair || !(await removeKeepApart(c.tx, input.cohortId, pair.id))) return ok({ removed: false });
    c.audit({
      action: "team.keep_apart_removed",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { pair: pair.id, nameA: pair.name_a, nameB: pair.name_b },
    });
    return ok({ removed: true });
  },
});
