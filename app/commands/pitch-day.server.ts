// Pitch day: its details, rubric, panel and conflicts, running order, the scoring window and the leaders' sheets.
import { randomInt } from "node:crypto";
import type { AuditEvent } from "~/domain/audit";
import { todayInLondon } from "~/domain/calendar";
import type { OutgoingMessage } from "~/domain/mail/message";
import { drawRunningOrder, earlyScoringWarning } from "~/domain/pitch-day";
import type { EventInput, RubricInput } from "~/forms/pitch-day";
import {
  addPanelMember,
  claimEventVersion,
  claimSheetVersion,
  createPitchEvent,
  declareConflict,
  getPitchEvent,
  leaderScoring,
  leadersOfEvents,
  listRubric,
  markEveryTeamReleased,
  type PitchEventRow,
  pitchDayPanel,
  pitchDayProgress,
  pitchTeamsOfCohorts,
  publishRanking,
  releasedTeams,
  releaseTeams,
  removePanelMember,
  replaceSlots,
  saveRubric,
  scoringRefusal,
  setScoringState,
  updatePitchEvent,
  withdrawTeamRelease,
  writeSheet,
} from "~/models/pitch.server";
import { panelAddedMessages, resultsReleasedMessages, scoringOpenMessages } from "./messages.server";
import { type CommandContext, command, forbidden, type Invalid, invalid, ok, type Tx } from "./runner.server";

/** A change to a pitch day the form was drawn at `version` of. */
type EventChange = { cohortId: number; eventId: number; version: number };

const eventClaim = {
  record: "the pitch day",
  claim: (tx: Tx, input: EventChange) => claimEventVersion(tx, input.eventId, input.version),
};

const subject = (input: { cohortId: number; eventId: number }) => ({
  subjectType: "pitch_event" as const,
  subjectId: input.eventId,
  cohortId: input.cohortId,
});

/** Sets up the cohort's pitch day (with the default rubric) or changes its details. */
export const savePitchDayDetails = command({
  claims: {
    record: "the pitch day details",
    async claim(tx, input: EventInput & { cohortId: number }) {
      const existing = await getPitchEvent(tx, input.cohortId);
      return existing ? claimEventVersion(tx, existing.id, input.version) : input.version === 0;
    },
  },
  async execute(c, { cohortId, version: _version, ...details }: EventInput & { cohortId: number }) {
    const existing = await getPitchEvent(c.tx, cohortId);
    if (existing) await updatePitchEvent(c.tx, existing.id, details);
    const eventId = existing?.id ?? (await createPitchEvent(c.tx, cohortId, details)).id;
    c.audit({
      action: existing ? "pitch_day.updated" : "pitch_day.created",
      ...subject({ cohortId, eventId }),
      details,
    });
    return ok({ eventId });
  },
});

const RUBRIC_LOCKED =
  "The rubric cannot change after scoring has opened: it is locked so every sheet is scored on the same criteria";

/** Saves the rubric's criteria (rows with an id change that criterion; rows left out are removed). */
export const editRubric = command({
  claims: eventClaim,
  async execute(c, input: RubricInput & EventChange) {
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (event?.scoring_opened_at) return invalid("criteria", RUBRIC_LOCKED);
    const known = new Set((await listRubric(c.tx, input.eventId)).map((criterion) => criterion.id));
    if (input.criteria.some((row) => row.id !== null && !known.has(row.id)))
      return invalid(
        "criteria",
        "The rubric changed while you were editing it. Reload the page and try again.",
      );
    await saveRubric(c.tx, input.eventId, input.criteria);
    c.audit({
      action: "pitch_day.rubric_saved",
      ...subject(input),
      details: { criteria: input.criteria.map(({ name, weight, max }) => ({ name, weight, max })) },
    });
    return ok();
  },
});

type PanelChange = EventChange & { personId: number };

async function leaderOf(tx: Tx, input: PanelChange) {
  return (await leadersOfEvents(tx, [input.eventId]))
    .get(input.eventId)
    ?.find((l) => l.id === input.personId);
}

const NOT_A_LEADER = "Choose a senior leader of this cohort";

export const addPanelLeader = command({
  claims: eventClaim,
  async execute(c, input: PanelChange) {
    const leader = await leaderOf(c.tx, input);
    if (!leader) return invalid("personId", NOT_A_LEADER);
    await addPanelMember(c.tx, input.eventId, leader.id);
    c.audit({ action: "pitch_day.panel_added", ...subject(input), details: { leader: leader.name } });
    if (!leader.onPanel)
      for (const message of await panelAddedMessages(c, input.cohortId, leader.id)) c.send(message);
    return ok({ leader: leader.name });
  },
});

export const removePanelLeader = command({
  claims: eventClaim,
  async execute(c, input: PanelChange) {
    const leader = await leaderOf(c.tx, input);
    if (!leader) return invalid("personId", NOT_A_LEADER);
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (event?.scoring_state !== "not_open")
      return invalid("personId", "A leader cannot leave the panel once scoring has opened");
    await removePanelMember(c.tx, input.eventId, leader.id);
    c.audit({ action: "pitch_day.panel_removed", ...subject(input), details: { leader: leader.name } });
    return ok({ leader: leader.name });
  },
});

/** A panel leader says they cannot score a team fairly: they are not offered its sheet from then on. */
export const declareLeaderConflict = command({
  async execute(c, input: { cohortId: number; personId: number; teamId: number; reason: string }) {
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (!event) return invalid("teamId", "The pitch day has not been set up yet");
    if ((await releasedTeams(c.tx, event.id)).size > 0)
      return invalid("teamId", "The results have been released: conflicts can no longer change");
    const scoring = await leaderScoring(c.tx, input.cohortId, event.id, input.personId);
    if (!scoring.onPanel) return invalid("teamId", "You are not on the panel for this pitch day");
    const team = scoring.teams.find((t) => t.id === input.teamId);
    if (!team) return invalid("teamId", "Choose the team you are in conflict with");
    await declareConflict(c.tx, event.id, input.personId, team.id, input.reason);
    c.audit({
      action: "pitch_day.conflict_declared",
      subjectType: "team",
      subjectId: team.id,
      cohortId: input.cohortId,
      details: { team: team.label, reason: input.reason },
    });
    return ok({ team: team.label });
  },
});

const NO_TEAMS = "Form the teams before setting the running order";

async function pitchingTeams(tx: Tx, cohortId: number) {
  return (await pitchTeamsOfCohorts(tx, [cohortId])).get(cohortId) ?? [];
}

/** Shuffles the teams from a random seed, recorded so the draw can be repeated and checked. */
export const drawOrder = command({
  claims: eventClaim,
  async execute(c, input: EventChange) {
    const teams = await pitchingTeams(c.tx, input.cohortId);
    if (teams.length === 0) return invalid("", NO_TEAMS);
    const seed = String(randomInt(0, 2 ** 31));
    const order = drawRunningOrder(teams, Number(seed));
    await replaceSlots(
      c.tx,
      input.eventId,
      order.map((t) => t.id),
      seed,
    );
    c.audit({
      action: "pitch_day.order_drawn",
      ...subject(input),
      details: { seed, order: order.map((t) => t.label) },
    });
    return ok({ seed });
  },
});

/** Sets the running order by hand: `positions` holds a team id per slot, every team once. */
export const setOrder = command({
  claims: eventClaim,
  async execute(c, input: EventChange & { positions: number[] }) {
    const teams = await pitchingTeams(c.tx, input.cohortId);
    if (teams.length === 0) return invalid("", NO_TEAMS);
    const byId = new Map(teams.map((t) => [t.id, t]));
    const problems: Invalid["invalid"] = {};
    teams.forEach((_, index) => {
      const teamId = input.positions[index];
      if (teamId === undefined || !byId.has(teamId))
        problems[`positions[${index}]`] = [`Choose the team that pitches in slot ${index + 1}`];
    });
    if (input.positions.length > teams.length) problems.positions = ["Give each team one slot"];
    if (Object.keys(problems).length) return { ok: false, invalid: problems } satisfies Invalid;
    await replaceSlots(c.tx, input.eventId, input.positions, null);
    c.audit({
      action: "pitch_day.order_set",
      ...subject(input),
      details: { order: input.positions.map((id) => byId.get(id)!.label) },
    });
    return ok();
  },
});

type Progress = Awaited<ReturnType<typeof pitchDayProgress>>;
type ScoringStep<I extends EventChange> = {
  /** Why the step cannot be taken now, or null; `released`: the teams whose results are released. */
  refusal: (
    event: PitchEventRow,
    progress: Progress,
    released: ReadonlyMap<number, string>,
    input: I,
  ) => string | null;
  change: (tx: Tx, eventId: number) => Promise<void>;
  audit: Extract<
    AuditEvent["action"],
    "pitch_day.scoring_opened" | "pitch_day.scoring_closed" | "pitch_day.ranking_published"
  >;
  /** The emails the step causes. */
  messages?: (c: CommandContext, cohortId: number, eventId: number) => Promise<OutgoingMessage[]>;
};

/** A step of the scoring window, taken only when its rule allows, recording how many sheets were in. */
function scoringStep<I extends EventChange = EventChange>(step: ScoringStep<I>) {
  return command({
    claims: eventClaim,
    async execute(c, input: I) {
      const event = await getPitchEvent(c.tx, input.cohortId);
      if (!event) return invalid("", "Set the pitch day details first");
      const [progress, released] = await Promise.all([
        pitchDayProgress(c.tx, input.cohortId, event.id),
        releasedTeams(c.tx, event.id),
      ]);
      const refusal = step.refusal(event, progress, released, input);
      if (refusal) return invalid("", refusal);
      await step.change(c.tx, event.id);
      c.audit({
        action: step.audit,
        ...subject(input),
        details: { submitted: progress.submitted, expected: progress.expected },
      });
      for (const message of (await step.messages?.(c, input.cohortId, event.id)) ?? []) c.send(message);
      return ok();
    },
  });
}

/** Opens (or reopens) scoring; more than a day before the pitch day only when `confirmEarly` says so. */
export const openScoring = scoringStep<EventChange & { confirmEarly?: boolean }>({
  refusal: (event, { panel, rubric }, released, input) => {
    if (event.scoring_state === "open") return "Scoring is already open";
    if (event.ranking_published_at) return "Scoring cannot reopen after the ranking was published";
    if (released.size > 0)
      return "Scoring cannot reopen while any team's results are released: withdraw them first";
    if (!panel.ordered) return "Set the running order before opening scoring";
    if (panel.panel.length === 0) return "Add senior leaders to the panel before opening scoring";
    if (rubric.length === 0) return "Add at least one criterion to the rubric before opening scoring";
    const early = earlyScoringWarning(event.date, todayInLondon());
    if (early && !input.confirmEarly) return `${early}: confirm that you want to open scoring this early`;
    return null;
  },
  change: (tx, eventId) => setScoringState(tx, eventId, "open"),
  audit: "pitch_day.scoring_opened",
  messages: scoringOpenMessages,
});

export const closeScoring = scoringStep({
  refusal: (event) => (event.scoring_state === "open" ? null : "Scoring is not open"),
  change: (tx, eventId) => setScoringState(tx, eventId, "closed"),
  audit: "pitch_day.scoring_closed",
});

/**
 * Releases the results (feedback and scores) of one team (`teamId`), or of every team not yet released (null), to
 * their members, and writes to those members only. Once every team is released the ranking may be published.
 */
export const releaseTeamResults = command({
  claims: eventClaim,
  async execute(c, input: EventChange & { teamId: number | null }) {
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (!event) return invalid("", "Set the pitch day details first");
    if (event.scoring_state !== "closed") return invalid("", "Close scoring before releasing the results");
    const [progress, released] = await Promise.all([
      pitchDayProgress(c.tx, input.cohortId, event.id),
      releasedTeams(c.tx, event.id),
    ]);
    const teams = progress.panel.teams;
    const chosen =
      input.teamId === null
        ? teams.filter((team) => !released.has(team.id))
        : teams.filter((team) => team.id === input.teamId);
    if (input.teamId !== null && chosen.length === 0) return invalid("", "Choose a team that pitched");
    const again = chosen.find((team) => released.has(team.id));
    if (again) return invalid("", `${again.label}'s results are already released`);
    if (chosen.length === 0) return invalid("", "Every team's results are already released");
    await releaseTeams(
      c.tx,
      event.id,
      chosen.map((team) => team.id),
    );
    if (teams.every((team) => released.has(team.id) || chosen.includes(team)))
      await markEveryTeamReleased(c.tx, event.id, true);
    c.audit({
      action: "pitch_day.results_released",
      ...subject(input),
      details: {
        submitted: progress.submitted,
        expected: progress.expected,
        teams: chosen.map((team) => team.label),
      },
    });
    const messages = await resultsReleasedMessages(
      c,
      input.cohortId,
      chosen.map((team) => team.id),
    );
    for (const message of messages) c.send(message);
    return ok({ teams: chosen.map((team) => team.label) });
  },
});

/**
 * Takes a team's released results back from its members (they are told nothing), until the ranking is published
 * to the cohort: from then on the results are final.
 */
export const withdrawTeamResults = command({
  claims: eventClaim,
  async execute(c, input: EventChange & { teamId: number; reason: string }) {
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (!event) return invalid("", "Set the pitch day details first");
    if (event.ranking_published_at)
      return invalid(
        "",
        "The ranking has been published to the cohort, so released results can no longer be withdrawn",
      );
    const [panel, released] = await Promise.all([
      pitchDayPanel(c.tx, input.cohortId, event.id),
      releasedTeams(c.tx, event.id),
    ]);
    const team = panel.teams.find((t) => t.id === input.teamId);
    if (!team) return invalid("", "Choose a team that pitched");
    if (!released.has(team.id)) return invalid("", `${team.label}'s results are not released`);
    await withdrawTeamRelease(c.tx, event.id, team.id);
    if (event.results_released_at) await markEveryTeamReleased(c.tx, event.id, false);
    c.audit({
      action: "pitch_day.results_withdrawn",
      subjectType: "team",
      subjectId: team.id,
      cohortId: input.cohortId,
      details: { team: team.label, reason: input.reason },
    });
    return ok({ team: team.label });
  },
});

export const publishRankingToCohort = scoringStep({
  refusal: (event) => {
    if (!event.results_released_at) return "Release every team's results before publishing the ranking";
    if (event.ranking_published_at) return "The ranking is already published";
    return null;
  },
  change: publishRanking,
  audit: "pitch_day.ranking_published",
});

const SCORING_SHUT = {
  not_open: "Scoring has not opened yet: the coordinator opens it on the day. Nothing was saved.",
  closed: "Scoring has closed: the coordinator closed it, so sheets can no longer change. Nothing was saved.",
} as const;

type SheetChange = {
  cohortId: number;
  eventId: number;
  personId: number;
  teamId: number;
  intent: "save" | "submit";
  version: number;
  workedWell: string | null;
  couldBeBetter: string | null;
  /** Criterion id -> score. */
  scores: Map<number, number>;
};

/**
 * Saves a leader's sheet as a draft or submits it, while scoring is open, for a team the leader is on the panel for
 * and has no conflict with. A submitted sheet stays submitted: saving it again as a draft would silently take it
 * out of the results.
 */
export const saveScoringSheet = command({
  claims: {
    record: "your sheet for this team",
    claim: (tx, input: SheetChange) => claimSheetVersion(tx, input, input.version),
  },
  async execute(c, input: SheetChange) {
    const event = await getPitchEvent(c.tx, input.cohortId);
    if (!event) return invalid("", "The pitch day has not been set up yet");
    const scoring = await leaderScoring(c.tx, input.cohortId, event.id, input.personId);
    const team = scoring.teams.find((t) => t.id === input.teamId);
    const refusal = scoringRefusal(scoring, team);
    if (refusal || !team) return forbidden(refusal ?? "");
    if (event.scoring_state !== "open") return invalid("", SCORING_SHUT[event.scoring_state]);
    const submitting = input.intent === "submit";
    const status = submitting || team.sheet?.status === "submitted" ? "submitted" : "draft";
    await writeSheet(c.tx, {
      eventId: event.id,
      personId: input.personId,
      teamId: team.id,
      status,
      workedWell: input.workedWell ?? "",
      couldBeBetter: input.couldBeBetter ?? "",
      scores: input.scores,
    });
    if (submitting)
      c.audit({
        action: "pitch_day.sheet_submitted",
        subjectType: "team",
        subjectId: team.id,
        cohortId: input.cohortId,
        details: { team: team.label },
      });
    return ok({ status, team: team.label });
  },
});
